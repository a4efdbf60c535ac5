using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using EmProto.Engine;
using EmProto.PowerShell;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>The help names every ErrorId of <see cref="ErrorIds"/>, and names no ErrorId that does not exist.</summary>
    public class ErrorIdDocumentationTests
    {
        // An Evse... word that is not part of a cmdlet name (Get-EvseState), a type name (EmProto.PowerShell.EvseCharger)
        // or a pattern such as EvseStart<Reason>.
        private static readonly Regex IdLikeWord = new Regex(@"(?<![-.\w])(Evse[A-Z][A-Za-z]*)\b(?!<)", RegexOptions.CultureInvariant);

        private static IEnumerable<string> HelpFiles =>
            new[] { Path.Combine(RepositoryFiles.Root, "docs", "about_EmProto.help.txt") }
                .Concat(RepositoryFiles.Files("docs/help", "*.psd1"));

        /// <summary>Names of the module's public types (EvseState, EvseConfig, ...), which the help mentions as types.</summary>
        private static HashSet<string> TypeNames =>
            new[] { typeof(EvseCharger).Assembly, typeof(ErrorIds).Assembly, typeof(EmProto.Protocol.EvseSerial).Assembly, typeof(EmProto.Simulator.SimulatedEvse).Assembly }
                .SelectMany(a => a.GetExportedTypes())
                .Select(t => t.Name)
                .ToHashSet(StringComparer.Ordinal);

        [Fact]
        public void ErrorIds_has_the_ids_and_no_duplicates()
        {
            var values = RepositoryFiles.ErrorIdConstants.Select(c => c.Value).ToList();
            Assert.True(values.Count > 40, "ErrorIds lists the module's ids; found " + values.Count);
            Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
            Assert.All(values, v => Assert.Matches("^Evse[A-Z][A-Za-z]+$", v));
        }

        [Fact]
        public void Every_ErrorId_is_documented_in_the_help()
        {
            var text = string.Join("\n", HelpFiles.Select(File.ReadAllText));
            var undocumented = RepositoryFiles.ErrorIdConstants
                .Where(c => !Regex.IsMatch(text, @"(?<![-.\w])" + c.Value + @"\b"))
                .Select(c => c.Value)
                .ToList();
            Assert.True(undocumented.Count == 0, "ErrorIds missing from docs/about_EmProto.help.txt and docs/help/*.psd1: " + string.Join(", ", undocumented));
        }

        [Fact]
        public void Every_error_id_written_in_the_help_exists()
        {
            var ids = RepositoryFiles.ErrorIdConstants.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var types = TypeNames;
            var unknown = HelpFiles
                .SelectMany(f => IdLikeWord.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Word: m.Groups[1].Value)))
                .Where(x => !ids.Contains(x.Word) && !types.Contains(x.Word))
                .Select(x => x.File + ": " + x.Word)
                .Distinct()
                .ToList();
            Assert.True(unknown.Count == 0, "the help names error ids that ErrorIds does not have: " + string.Join(", ", unknown));
        }
    }
}
