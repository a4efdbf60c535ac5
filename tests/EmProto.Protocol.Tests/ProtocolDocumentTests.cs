using System;
using System.IO;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class ProtocolDocumentTests
    {
        /// <summary>Set to a path (tools/New-ProtocolDoc.ps1 sets docs/protocol.md) to write the page instead of comparing.</summary>
        public const string WriteVariable = "EMPROTO_WRITE_PROTOCOL_DOC";

        [Fact]
        public void Docs_protocol_md_is_the_page_the_command_table_generates()
        {
            string expected = ProtocolDocument.Render();
            string? target = Environment.GetEnvironmentVariable(WriteVariable);
            if (!string.IsNullOrEmpty(target))
            {
                File.WriteAllText(target, expected);
                Assert.Equal(expected, File.ReadAllText(target));
                return;
            }
            string copy = Path.Combine(AppContext.BaseDirectory, "docs", "protocol.md");
            Assert.True(File.Exists(copy), "docs/protocol.md was not copied to " + copy + "; the test project copies it there when it builds.");
            string actual = File.ReadAllText(copy).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (actual != expected)
            {
                Assert.Fail("docs/protocol.md differs from what EmCommandTable says (first difference at line " + FirstDifferentLine(expected, actual) +
                    "). Regenerate it: dotnet pwsh ./tools/New-ProtocolDoc.ps1");
            }
        }

        private static int FirstDifferentLine(string expected, string actual)
        {
            var a = expected.Split('\n');
            var b = actual.Split('\n');
            int i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
            return i + 1;
        }
    }
}
