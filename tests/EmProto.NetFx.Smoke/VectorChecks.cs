using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.NetFx.Smoke
{
    /// <summary>
    /// The codec over the golden vectors: every datagram of every *.tsv decodes whole and encodes
    /// back to the same bytes, and the captured BS20 Login decodes to what the file says it is.
    /// </summary>
    internal static class VectorChecks
    {
        /// <summary>Where the vectors are: the repository's own copy in tests/vectors, and nowhere else.</summary>
        internal static string Locate(string repo)
        {
            var own = Path.Combine(repo, "tests", "vectors");
            if (HasVectors(own)) return own;
            throw new DirectoryNotFoundException("no golden vectors (*.tsv) in " + own + ".");
        }

        private static bool HasVectors(string dir) => Directory.Exists(dir) && Directory.GetFiles(dir, "*.tsv").Length > 0;

        internal static void Run(string repo)
        {
            var dir = Locate(repo);
            int rows = 0;
            bool loginSeen = false;
            foreach (var file in Directory.GetFiles(dir, "*.tsv").OrderBy(f => f, StringComparer.Ordinal))
            {
                int lineNo = 0;
                foreach (var line in File.ReadAllLines(file))
                {
                    lineNo++;
                    if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                    var where = Path.GetFileName(file) + ":" + lineNo;
                    var fields = line.Split('\t');
                    var bytes = DatagramBytes(fields) ?? throw new FormatException(where + " has no datagram hex field.");
                    var error = DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var datagram, out int consumed);
                    if (error != DecodeError.None) throw new InvalidOperationException(where + " was rejected: " + error + ".");
                    if (consumed != bytes.Length) throw new InvalidOperationException(where + " decoded " + consumed + " of " + bytes.Length + " bytes.");
                    var encoded = DatagramCodec.Encode(datagram);
                    var again = HexText.ToHex(encoded, 0, encoded.Length);
                    var original = HexText.ToHex(bytes, 0, bytes.Length);
                    if (again != original) throw new InvalidOperationException(where + " (" + datagram.Command + ") encodes back to " + again + ", not " + original + ".");
                    if (datagram.Command == EmCommand.Login && datagram.Payload is LoginPayload login && login.Model == "BS20")
                    {
                        if (login.Brand != "BESEN" || login.MaxAmps != 32 || login.MaxPowerW != 7040u)
                            throw new InvalidOperationException(where + ": the BS20 Login decoded to brand " + login.Brand + ", " + login.MaxAmps + " A, " + login.MaxPowerW + " W.");
                        loginSeen = true;
                    }
                    rows++;
                }
            }
            if (rows == 0) throw new InvalidOperationException("the vector files in " + dir + " hold no datagram.");
            if (!loginSeen) throw new InvalidOperationException("no captured BS20 Login among the vectors in " + dir + ".");
            Console.WriteLine("  " + rows + " datagrams from " + dir + " decoded and re-encoded byte for byte");
        }

        /// <summary>The field that holds the datagram: hex text of at least one envelope.</summary>
        private static byte[]? DatagramBytes(IEnumerable<string> fields)
        {
            foreach (var f in fields)
            {
                var text = f.Trim();
                if (text.Length < DatagramCodec.EnvelopeLength * 2 || !text.All(Uri.IsHexDigit)) continue;
                var bytes = HexText.TryParse(text, out _);
                if (bytes != null) return bytes;
            }
            return null;
        }
    }
}
