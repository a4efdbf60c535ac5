namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// CurrentChargeRecordResponse (0x8009): u8 lineId, char[16] chargeId, u8 status. The charge
    /// id is echoed byte for byte from the record (<see cref="ChargeIdPayload.ChargeIdBytes"/>).
    /// </summary>
    public sealed class CurrentChargeRecordAckPayload : ChargeIdPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>Status.</summary>
        public byte Status { get; set; } = 1;

        /// <inheritdoc/>
        public override int Length => 18;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            WriteChargeId(b, o + 1);
            b[o + 17] = Status;
        }

        internal static CurrentChargeRecordAckPayload Decode(byte[] b, int o, int n)
        {
            var p = new CurrentChargeRecordAckPayload { LineId = b[o], Status = b[o + 17] };
            p.ReadChargeId(b, o + 1);
            return p;
        }
    }
}
