using System.Net;

namespace EmProto.Engine.Transport
{
    /// <summary>
    /// Reads an IP address from text (a stored charger's address, EMPROTO_LOCAL_ADDRESS) exactly as
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> does, with the common case, four decimal
    /// octets such as 192.168.1.20, read here: the framework's parser is compiled on its first use, a few
    /// milliseconds of every fresh process that connects to a stored charger. Every other form (IPv6,
    /// leading zeros, fewer parts, hexadecimal, blanks) is left to <see cref="IPAddress.TryParse(string, out IPAddress)"/>.
    /// </summary>
    public static class AddressText
    {
        /// <summary>Parses <paramref name="text"/>; false (and null) when it is not an IP address.</summary>
        public static bool TryParse(string? text, out IPAddress? address)
        {
            address = null;
            if (text is null) return false;
            if (TryParseDottedQuad(text, out address)) return true;
            if (!IPAddress.TryParse(text, out var parsed)) return false;
            address = parsed;
            return true;
        }

        // "a.b.c.d", each part 0-255 in decimal without a leading zero: what IPAddress.TryParse reads the same way.
        private static bool TryParseDottedQuad(string text, out IPAddress? address)
        {
            address = null;
            if (text.Length < 7 || text.Length > 15) return false;
            var bytes = new byte[4];
            int part = 0, value = 0, digits = 0;
            foreach (char c in text)
            {
                if (c == '.')
                {
                    if (digits == 0 || part == 3) return false;
                    bytes[part++] = (byte)value;
                    value = 0;
                    digits = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (digits == 1 && value == 0) return false; // a leading zero: octal to IPAddress
                    value = (value * 10) + (c - '0');
                    if (++digits > 3 || value > 255) return false;
                }
                else
                {
                    return false;
                }
            }
            if (digits == 0 || part != 3) return false;
            bytes[3] = (byte)value;
            address = new IPAddress(bytes);
            return true;
        }
    }
}
