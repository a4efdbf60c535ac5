using System;
using System.Globalization;

namespace EmProto.Protocol
{
    /// <summary>A charger's serial: 8 raw bytes on the wire, 16 lower-case hex digits for people.</summary>
    public readonly struct EvseSerial : IEquatable<EvseSerial>, IComparable<EvseSerial>
    {
        /// <summary>Creates a serial from its 64-bit big-endian value.</summary>
        public EvseSerial(ulong value) => Value = value;

        /// <summary>The 8 bytes as a big-endian number.</summary>
        public ulong Value { get; }

        /// <summary>The all-zero serial used by discovery probes.</summary>
        public static EvseSerial Zero => default;

        /// <summary>Parses 16 hex digits (spaces, dashes and colons between digits are ignored).</summary>
        /// <exception cref="FormatException">The text is not 16 hex digits.</exception>
        public static EvseSerial Parse(string text)
        {
            if (TryParse(text, out var serial)) return serial;
            throw new FormatException("A charger serial is 16 hexadecimal digits (8 bytes), for example 9181102751219513; got '" + text + "'.");
        }

        /// <summary>Parses 16 hex digits; returns false instead of throwing.</summary>
        public static bool TryParse(string? text, out EvseSerial serial)
        {
            serial = default;
            if (text == null) return false;
            ulong v = 0;
            int digits = 0;
            foreach (char c in text)
            {
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
                else if (c == ' ' || c == '-' || c == ':') continue;
                else return false;
                if (++digits > 16) return false;
                v = (v << 4) | (uint)d;
            }
            if (digits != 16) return false;
            serial = new EvseSerial(v);
            return true;
        }

        internal static EvseSerial Read(byte[] b, int o) => new EvseSerial(((ulong)BigEndian.U32(b, o) << 32) | BigEndian.U32(b, o + 4));

        internal void Write(byte[] b, int o)
        {
            BigEndian.Put32(b, o, (uint)(Value >> 32));
            BigEndian.Put32(b, o + 4, (uint)Value);
        }

        /// <inheritdoc/>
        public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);

        /// <inheritdoc/>
        public bool Equals(EvseSerial other) => Value == other.Value;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is EvseSerial s && Equals(s);

        /// <inheritdoc/>
        public override int GetHashCode() => Value.GetHashCode();

        /// <inheritdoc/>
        public int CompareTo(EvseSerial other) => Value.CompareTo(other.Value);

        /// <summary>Equality.</summary>
        public static bool operator ==(EvseSerial a, EvseSerial b) => a.Value == b.Value;

        /// <summary>Inequality.</summary>
        public static bool operator !=(EvseSerial a, EvseSerial b) => a.Value != b.Value;
    }
}
