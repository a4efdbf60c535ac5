using System;

namespace EmProto.Protocol
{
    /// <summary>Fixed-width, zero-padded ASCII text fields.</summary>
    public static class EmText
    {
        /// <summary>Reads a field: stops at the first zero byte, trims spaces; non-ASCII bytes read as '?'.</summary>
        public static string Read(byte[] b, int offset, int width)
        {
            int end = offset;
            int limit = offset + width;
            while (end < limit && b[end] != 0) end++;
            int start = offset;
            while (start < end && b[start] == (byte)' ') start++;
            while (end > start && b[end - 1] == (byte)' ') end--;
            if (end == start) return string.Empty;
            var chars = new char[end - start];
            for (int i = 0; i < chars.Length; i++)
            {
                byte x = b[start + i];
                chars[i] = x >= 0x20 && x < 0x7F ? (char)x : '?';
            }
            return new string(chars);
        }

        /// <summary>
        /// The field's bytes for <paramref name="value"/>: ASCII, zero-padded to <paramref name="width"/>;
        /// never throws (characters outside ASCII become '?', text beyond the width is cut). For
        /// showing or echoing a field; <see cref="Write"/> is the strict form for sending.
        /// </summary>
        public static byte[] ToBytes(string? value, int width)
        {
            var bytes = new byte[width];
            if (value == null) return bytes;
            for (int i = 0; i < value.Length && i < width; i++) bytes[i] = value[i] < 0x80 ? (byte)value[i] : (byte)'?';
            return bytes;
        }

        /// <summary>A copy of <paramref name="width"/> bytes at <paramref name="offset"/>.</summary>
        public static byte[] Copy(byte[] b, int offset, int width)
        {
            var copy = new byte[width];
            Buffer.BlockCopy(b, offset, copy, 0, width);
            return copy;
        }

        /// <summary>Throws unless <paramref name="value"/> is printable ASCII of at most <paramref name="width"/> characters.</summary>
        /// <exception cref="ArgumentException">Too long or not ASCII; the message names the field.</exception>
        public static void Validate(string? value, int width, string field)
        {
            if (value == null) return;
            if (value.Length > width)
                throw new ArgumentException(field + " must be at most " + width + " ASCII characters; '" + value + "' has " + value.Length + ".", field);
            foreach (char c in value)
            {
                if (c < 0x20 || c > 0x7E)
                    throw new ArgumentException(field + " must be printable ASCII (0x20-0x7E); '" + value + "' contains U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ".", field);
            }
        }

        /// <summary>Writes a field, zero-padded; validates first.</summary>
        public static void Write(byte[] b, int offset, int width, string? value, string field)
        {
            Validate(value, width, field);
            Array.Clear(b, offset, width);
            if (value == null) return;
            for (int i = 0; i < value.Length; i++) b[offset + i] = (byte)value[i];
        }
    }
}
