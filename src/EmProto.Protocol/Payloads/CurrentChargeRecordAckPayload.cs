namespace EmProto.Protocol.Payloads
{
    /// <summary>CurrentChargeRecordResponse (0x8009): u8 lineId, char[16] chargeId, u8 status.</summary>
    public sealed class CurrentChargeRecordAckPayload : EmPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>The acknowledged record's charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>Status.</summary>
        public byte Status { get; set; } = 1;

        /// <inheritdoc/>
        public override int Length => 18;

        /// <inheritdoc/>
        public override void Validate() => EmText.Validate(ChargeId, 16, nameof(ChargeId));

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            EmText.Write(b, o + 1, 16, ChargeId, nameof(ChargeId));
            b[o + 17] = Status;
        }

        internal static CurrentChargeRecordAckPayload Decode(byte[] b, int o, int n) => new CurrentChargeRecordAckPayload
        {
            LineId = b[o],
            ChargeId = EmText.Read(b, o + 1, 16),
            Status = b[o + 17],
        };
    }
}
