namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// A payload that carries a session's 16-byte charge id: a charge record, or an acknowledgement
    /// that must echo the record's id byte for byte (a charger that does not recognise its own id
    /// keeps resending the record).
    /// </summary>
    public abstract class ChargeIdPayload : EmPayload
    {
        private readonly EchoedText _chargeId = new EchoedText(16, nameof(ChargeId));

        /// <summary>Charge id as text (stops at the first zero byte, trimmed; non-ASCII bytes read as '?').</summary>
        public string ChargeId
        {
            get => _chargeId.Text;
            set => _chargeId.Text = value;
        }

        /// <summary>
        /// The 16 charge id bytes exactly as received (spaces, zeros and non-ASCII bytes included) —
        /// what an acknowledgement must echo: set an acknowledgement's to the record's to echo them
        /// exactly. For a payload built in code: the ASCII of <see cref="ChargeId"/>, zero-padded.
        /// Setting it sets <see cref="ChargeId"/> as read.
        /// </summary>
        public byte[] ChargeIdBytes
        {
            get => _chargeId.Bytes;
            set => _chargeId.Bytes = value;
        }

        /// <inheritdoc/>
        public override void Validate() => _chargeId.Validate();

        /// <summary>Writes the 16 charge id bytes at <paramref name="offset"/>.</summary>
        private protected void WriteChargeId(byte[] buffer, int offset) => _chargeId.Write(buffer, offset);

        /// <summary>Reads the 16 charge id bytes at <paramref name="offset"/>.</summary>
        private protected void ReadChargeId(byte[] buffer, int offset) => _chargeId.Read(buffer, offset);
    }
}
