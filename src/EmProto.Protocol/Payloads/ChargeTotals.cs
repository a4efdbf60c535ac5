namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// What a session has come to: its charging time, the meter at its start and now (or at its
    /// end), the energy, price and fee. The same 23 bytes (u32 × 5, u8, u16) close the charging
    /// status and the fixed part of a charge record, so both share this one block.
    /// </summary>
    public struct ChargeTotals
    {
        /// <summary>The number of bytes the block takes on the wire.</summary>
        public const int Length = 23;

        /// <summary>Charging time in seconds.</summary>
        public uint Seconds { get; set; }

        /// <summary>Meter at the start, raw (× 0.01 kWh).</summary>
        public uint StartMeterRaw { get; set; }

        /// <summary>Meter now (charging status) or at the stop (charge record), raw (× 0.01 kWh).</summary>
        public uint EndMeterRaw { get; set; }

        /// <summary>Energy charged, raw (× 0.01 kWh).</summary>
        public uint ChargedEnergyRaw { get; set; }

        /// <summary>Price, raw (× 0.01).</summary>
        public uint ChargePriceRaw { get; set; }

        /// <summary>Fee type.</summary>
        public byte FeeType { get; set; }

        /// <summary>Fee, raw (× 0.01).</summary>
        public ushort ChargeFeeRaw { get; set; }

        /// <summary>Energy charged in kWh.</summary>
        public readonly double ChargedKWh => ChargedEnergyRaw * 0.01;

        internal static ChargeTotals Read(byte[] b, int o) => new ChargeTotals
        {
            Seconds = BigEndian.U32(b, o),
            StartMeterRaw = BigEndian.U32(b, o + 4),
            EndMeterRaw = BigEndian.U32(b, o + 8),
            ChargedEnergyRaw = BigEndian.U32(b, o + 12),
            ChargePriceRaw = BigEndian.U32(b, o + 16),
            FeeType = b[o + 20],
            ChargeFeeRaw = BigEndian.U16(b, o + 21),
        };

        internal readonly void Write(byte[] b, int o)
        {
            BigEndian.Put32(b, o, Seconds);
            BigEndian.Put32(b, o + 4, StartMeterRaw);
            BigEndian.Put32(b, o + 8, EndMeterRaw);
            BigEndian.Put32(b, o + 12, ChargedEnergyRaw);
            BigEndian.Put32(b, o + 16, ChargePriceRaw);
            b[o + 20] = FeeType;
            BigEndian.Put16(b, o + 21, ChargeFeeRaw);
        }
    }
}
