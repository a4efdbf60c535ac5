using System;
using System.Collections.Generic;
using System.IO;
using EmProto.Protocol;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>Every datagram of tests/vectors/*.tsv (the copy beside the test assembly, read like the protocol tests read it).</summary>
    public static class SeedVectors
    {
        /// <summary>The vectors folder beside the test assembly (VectorFile.cs of the protocol tests, linked).</summary>
        public static string Directory => EmProto.Protocol.Tests.VectorFile.Directory;

        /// <summary>The datagrams: every tab-separated field that is hex starting with the 0601 header.</summary>
        public static IReadOnlyList<byte[]> Datagrams()
        {
            var list = new List<byte[]>();
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.tsv"))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                    foreach (var field in line.Split('\t'))
                    {
                        if (!field.StartsWith("0601", StringComparison.OrdinalIgnoreCase)) continue;
                        var bytes = HexText.TryParse(field, out _);
                        if (bytes != null && bytes.Length >= DatagramCodec.EnvelopeLength) list.Add(bytes);
                    }
                }
            }
            if (list.Count == 0) throw new InvalidDataException("No datagrams in " + Directory + "/*.tsv.");
            return list;
        }
    }
}
