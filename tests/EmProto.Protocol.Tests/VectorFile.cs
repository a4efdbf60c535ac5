using System;
using System.Collections.Generic;
using System.IO;

namespace EmProto.Protocol.Tests
{
    /// <summary>
    /// Reads the golden datagrams of tests/vectors (copied into the repository; see tests/vectors/README.md).
    /// The test project copies them to vectors/ beside the test assembly, and only that copy is read:
    /// nothing outside the repository is looked at.
    /// </summary>
    public static class VectorFile
    {
        /// <summary>The vectors folder beside the test assembly.</summary>
        public static string Directory
        {
            get
            {
                var dir = Path.Combine(AppContext.BaseDirectory, "vectors");
                if (!System.IO.Directory.Exists(dir))
                    throw new DirectoryNotFoundException("The golden vectors were not copied to " + dir + "; the test project copies tests/vectors/*.tsv there when it builds.");
                return dir;
            }
        }

        /// <summary>The non-comment rows of a vector file, split on tabs.</summary>
        public static IReadOnlyList<string[]> Rows(string fileName)
        {
            var rows = new List<string[]>();
            foreach (var line in File.ReadAllLines(Path.Combine(Directory, fileName)))
            {
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                rows.Add(line.Split('\t'));
            }
            if (rows.Count == 0) throw new InvalidDataException("No vectors in " + Path.Combine(Directory, fileName) + ".");
            return rows;
        }

        public static byte[] Hex(string hex) => HexText.TryParse(hex, out var reason) ?? throw new FormatException(reason);
    }
}
