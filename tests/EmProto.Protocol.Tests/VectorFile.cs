using System;
using System.Collections.Generic;
using System.IO;

namespace EmProto.Protocol.Tests
{
    /// <summary>Reads the golden datagrams in ../shared/protocol/vectors.</summary>
    public static class VectorFile
    {
        public static string Directory
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null)
                {
                    var candidate = Path.Combine(dir.FullName, "shared", "protocol", "vectors");
                    if (System.IO.Directory.Exists(candidate)) return candidate;
                    candidate = Path.Combine(dir.FullName, "..", "shared", "protocol", "vectors");
                    if (System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
                    dir = dir.Parent;
                }
                throw new DirectoryNotFoundException("shared/protocol/vectors was not found above " + AppContext.BaseDirectory + "; the repository expects ../shared beside it.");
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
            return rows;
        }

        public static byte[] Hex(string hex) => HexText.TryParse(hex, out var reason) ?? throw new FormatException(reason);
    }
}
