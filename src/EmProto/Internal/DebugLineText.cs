using System;
using System.Text.RegularExpressions;
using EmProto.Protocol;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Reads the datagram lines of the debug stream back: "-&gt; 127.0.0.1:28376 SetAndGetNickName 0601…",
    /// optionally prefixed "DEBUG: ", with the password's hex digits shown as twelve '*'.
    /// </summary>
    internal static class DebugLineText
    {
        /// <summary>The password field: bytes 13 to 18 of a datagram.</summary>
        private const int PasswordOffset = 13;
        private const int PasswordLength = 6;

        private static readonly Regex DebugLine = new Regex(
            @"^\s*(?:DEBUG:\s*)?(?:<-|->)\s+\S+\s+\S+\s+(?<hex>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>
        /// The hex part of <paramref name="text"/>: a debug line loses its direction, address and command
        /// name; a masked password (twelve '*' where the password's hex digits are) becomes "******" (2a2a…), and
        /// <paramref name="masked"/> is then true. A '*' anywhere else is left for the hex parser to refuse.
        /// </summary>
        public static string HexPart(string? text, out bool masked)
        {
            masked = false;
            if (text == null) return string.Empty;
            var m = DebugLine.Match(text);
            string hex = m.Success ? m.Groups["hex"].Value : text.TrimStart();
            if (hex.StartsWith("DEBUG:", StringComparison.OrdinalIgnoreCase)) hex = hex.Substring(6);
            if (hex.IndexOf('*') < 0) return hex;
            // Positions of the digits, separators skipped: the password is digits 26 to 37.
            var chars = hex.ToCharArray();
            int digit = 0;
            bool onlyPassword = true;
            int stars = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == ' ' || c == '\t' || c == '-' || c == ':' || c == ',') continue;
                if (c == '*')
                {
                    if (digit < PasswordOffset * 2 || digit >= (PasswordOffset + PasswordLength) * 2) onlyPassword = false;
                    chars[i] = stars % 2 == 0 ? '2' : 'a';
                    stars++;
                }
                digit++;
            }
            if (!onlyPassword || stars != PasswordLength * 2) return hex;
            masked = true;
            return new string(chars);
        }

        /// <summary>
        /// After a masked password was read as "******": puts the checksum right for the bytes as they now are,
        /// so the rest decodes. False when the input is not a datagram.
        /// </summary>
        public static bool FixMaskedChecksum(byte[] bytes)
        {
            if (bytes == null || bytes.Length < DatagramCodec.EnvelopeLength) return false;
            int length = (bytes[2] << 8) | bytes[3];
            if (length < DatagramCodec.EnvelopeLength || length > bytes.Length) return false;
            uint sum = 0;
            for (int i = 0; i < length - 4; i++) sum += bytes[i];
            bytes[length - 4] = (byte)(sum >> 8);
            bytes[length - 3] = (byte)sum;
            return true;
        }
    }
}
