namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// How a session is to run: start type, charge type, the duration and energy limits and
    /// parameter 3. The same 8 bytes (u8, u8, u16, u16, u16) stand in a ChargeStart, in the
    /// charging status and in a charge record, so the three share this one block.
    /// </summary>
    public struct ChargeTerms
    {
        /// <summary>The number of bytes the block takes on the wire.</summary>
        public const int Length = 8;

        /// <summary>Start type 1, charge type 1, no duration or energy limit, parameter 3 unset (0xFFFF).</summary>
        public static ChargeTerms Default => new ChargeTerms
        {
            StartType = 1,
            ChargeType = 1,
            MaxDurationMinutes = 0xFFFF,
            MaxEnergyRaw = 0xFFFF,
            Param3 = 0xFFFF,
        };

        /// <summary>Start type (1).</summary>
        public byte StartType { get; set; }

        /// <summary>Charge type (1; 11 forces one phase on some firmware).</summary>
        public byte ChargeType { get; set; }

        /// <summary>Maximum duration in minutes (parameter 1); 0xFFFF = unlimited.</summary>
        public ushort MaxDurationMinutes { get; set; }

        /// <summary>Maximum energy, raw (× 0.01 kWh; parameter 2); 0xFFFF = unlimited.</summary>
        public ushort MaxEnergyRaw { get; set; }

        /// <summary>Parameter 3: 0xFFFF when unset (0 makes a charger stop after a few seconds).</summary>
        public ushort Param3 { get; set; }

        /// <summary>Maximum energy in kWh, or null when unlimited.</summary>
        public readonly double? MaxEnergyKWh => MaxEnergyRaw == 0xFFFF ? (double?)null : MaxEnergyRaw * 0.01;

        internal static ChargeTerms Read(byte[] b, int o) => new ChargeTerms
        {
            StartType = b[o],
            ChargeType = b[o + 1],
            MaxDurationMinutes = BigEndian.U16(b, o + 2),
            MaxEnergyRaw = BigEndian.U16(b, o + 4),
            Param3 = BigEndian.U16(b, o + 6),
        };

        internal readonly void Write(byte[] b, int o)
        {
            b[o] = StartType;
            b[o + 1] = ChargeType;
            BigEndian.Put16(b, o + 2, MaxDurationMinutes);
            BigEndian.Put16(b, o + 4, MaxEnergyRaw);
            BigEndian.Put16(b, o + 6, Param3);
        }
    }
}
