using System;

namespace EmProto.Protocol
{
    /// <summary>
    /// The 6-character password field of an envelope. All 0x00 or all 0xFF means "no password"
    /// (chargers send FF×6). <see cref="ToString"/> never reveals the password.
    /// </summary>
    public readonly struct EmPassword : IEquatable<EmPassword>
    {
        private const ulong Mask = 0xFFFF_FFFF_FFFFUL;
        private readonly ulong _bits; // 48 bits, big-endian bytes
        private readonly bool _present;

        private EmPassword(ulong bits, bool present)
        {
            _bits = bits & Mask;
            _present = present;
        }

        /// <summary>No password (sent as FF×6, as chargers do).</summary>
        public static EmPassword None => default;

        /// <summary>Six zero bytes: what working clients send as the password of the discovery probe.</summary>
        public static EmPassword Zeros => new EmPassword(0, true);

        /// <summary>True when the field holds a password.</summary>
        public bool IsPresent => _present;

        /// <summary>Creates a password from exactly 6 ASCII characters.</summary>
        /// <exception cref="ArgumentException">Not 6 printable ASCII characters.</exception>
        public static EmPassword FromString(string password)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            if (password.Length != 6)
                throw new ArgumentException("The password must be exactly 6 characters (the charger's 6-digit PIN); got " + password.Length + ".", nameof(password));
            ulong v = 0;
            foreach (char c in password)
            {
                if (c < 0x21 || c > 0x7E)
                    throw new ArgumentException("The password must be printable ASCII (normally 6 digits).", nameof(password));
                v = (v << 8) | c;
            }
            return new EmPassword(v, true);
        }

        /// <summary>True when <paramref name="password"/> is a valid 6-character password.</summary>
        public static bool IsValid(string? password)
        {
            if (password == null || password.Length != 6) return false;
            foreach (char c in password) if (c < 0x21 || c > 0x7E) return false;
            return true;
        }

        internal static EmPassword Read(byte[] b, int o)
        {
            ulong v = 0;
            bool allZero = true, allFf = true;
            for (int i = 0; i < 6; i++)
            {
                byte x = b[o + i];
                allZero &= x == 0;
                allFf &= x == 0xFF;
                v = (v << 8) | x;
            }
            return allZero || allFf ? default : new EmPassword(v, true);
        }

        internal void Write(byte[] b, int o)
        {
            for (int i = 0; i < 6; i++)
                b[o + i] = _present ? (byte)(_bits >> (8 * (5 - i))) : (byte)0xFF;
        }

        /// <summary>The password in clear text: only for sending it or comparing it, never for display.</summary>
        public string Reveal()
        {
            if (!_present) return string.Empty;
            var chars = new char[6];
            for (int i = 0; i < 6; i++) chars[i] = (char)(byte)(_bits >> (8 * (5 - i)));
            return new string(chars);
        }

        /// <summary>A masked form: "******" or "(none)".</summary>
        public override string ToString() => _present ? "******" : "(none)";

        /// <inheritdoc/>
        public bool Equals(EmPassword other) => _present == other._present && _bits == other._bits;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is EmPassword p && Equals(p);

        /// <inheritdoc/>
        public override int GetHashCode() => _bits.GetHashCode();

        /// <summary>Equality.</summary>
        public static bool operator ==(EmPassword a, EmPassword b) => a.Equals(b);

        /// <summary>Inequality.</summary>
        public static bool operator !=(EmPassword a, EmPassword b) => !a.Equals(b);
    }
}
