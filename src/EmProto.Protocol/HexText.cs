using System;

namespace EmProto.Protocol
{
    /// <summary>Hex text for packet dumps: parse (spaces, dashes, colons and 0x prefixes allowed) and format.</summary>
    public static class HexText
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Formats bytes as lower-case hex without separators.</summary>
        public static string ToHex(byte[] data, int offset, int count)
        {
            var chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = Digits[data[offset + i] >> 4];
                chars[2 * i + 1] = Digits[data[offset + i] & 15];
            }
            return new string(chars);
        }

        /// <summary>Parses hex text; returns null and a reason when it is not hex.</summary>
        public static byte[]? TryParse(string? text, out string? reason)
        {
            reason = null;
            if (text == null)
            {
                reason = "no text";
                return null;
            }
            var bytes = new byte[text.Length / 2];
            int count = 0;
            int high = -1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' || c == ':' || c == ',')
                {
                    if (high >= 0)
                    {
                        reason = "odd number of hex digits before position " + i;
                        return null;
                    }
                    continue;
                }
                if (c == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X') && high < 0)
                {
                    i++;
                    continue;
                }
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0)
                {
                    reason = "'" + c + "' at position " + i + " is not a hex digit";
                    return null;
                }
                if (high < 0) high = d;
                else
                {
                    bytes[count++] = (byte)((high << 4) | d);
                    high = -1;
                }
            }
            if (high >= 0)
            {
                reason = "odd number of hex digits";
                return null;
            }
            if (count == 0)
            {
                reason = "no hex digits";
                return null;
            }
            Array.Resize(ref bytes, count);
            return bytes;
        }
    }
}
