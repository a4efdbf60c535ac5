namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// UploadLocalChargeRecord acknowledge (0x800A): u8 1, char[16] chargeId, u8 1 — or the
    /// 1-byte <c>01</c> form one client uses (<see cref="ShortForm"/>).
    /// </summary>
    public sealed class UploadRecordAckPayload : EmPayload
    {
        /// <summary>First byte (1).</summary>
        public byte Lead { get; set; } = 1;

        /// <summary>The acknowledged record's charge id (empty in the short form).</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>Last byte (1).</summary>
        public byte Status { get; set; } = 1;

        /// <summary>True for the 1-byte form.</summary>
        public bool ShortForm { get; set; }

        /// <inheritdoc/>
        public override int Length => ShortForm ? 1 : 18;

        /// <inheritdoc/>
        public override void Validate() => EmText.Validate(ChargeId, 16, nameof(ChargeId));

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = Lead;
            if (ShortForm) return;
            EmText.Write(b, o + 1, 16, ChargeId, nameof(ChargeId));
            b[o + 17] = Status;
        }

        internal static UploadRecordAckPayload Decode(byte[] b, int o, int n)
        {
            if (n < 18) return new UploadRecordAckPayload { Lead = n > 0 ? b[o] : (byte)1, ShortForm = true };
            return new UploadRecordAckPayload { Lead = b[o], ChargeId = EmText.Read(b, o + 1, 16), Status = b[o + 17] };
        }
    }
}
