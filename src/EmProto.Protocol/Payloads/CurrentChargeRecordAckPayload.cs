namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// CurrentChargeRecordResponse (0x8009): u8 lineId, char[16] chargeId, u8 status. The charge
    /// id is echoed byte for byte from the record (<see cref="ChargeIdBytes"/>).
    /// </summary>
    public sealed class CurrentChargeRecordAckPayload : EmPayload
    {
        private readonly EchoedText _chargeId = new EchoedText(16, nameof(ChargeId));

        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>The acknowledged record's charge id as text.</summary>
        public string ChargeId
        {
            get => _chargeId.Text;
            set => _chargeId.Text = value;
        }

        /// <summary>
        /// The 16 charge id bytes sent: set it to the record's <see cref="ChargeRecordPayload.ChargeIdBytes"/>
        /// to echo them exactly; otherwise the ASCII of <see cref="ChargeId"/>, zero-padded.
        /// </summary>
        public byte[] ChargeIdBytes
        {
            get => _chargeId.Bytes;
            set => _chargeId.Bytes = value;
        }

        /// <summary>Status.</summary>
        public byte Status { get; set; } = 1;

        /// <inheritdoc/>
        public override int Length => 18;

        /// <inheritdoc/>
        public override void Validate() => _chargeId.Validate();

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            _chargeId.Write(b, o + 1);
            b[o + 17] = Status;
        }

        internal static CurrentChargeRecordAckPayload Decode(byte[] b, int o, int n)
        {
            var p = new CurrentChargeRecordAckPayload { LineId = b[o], Status = b[o + 17] };
            p._chargeId.Read(b, o + 1);
            return p;
        }
    }
}
