namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// UploadLocalChargeRecord acknowledge (0x800A): u8 1, char[16] chargeId, u8 1 — or the
    /// 1-byte <c>01</c> form one client uses (<see cref="ShortForm"/>). The charge id is echoed
    /// byte for byte from the record (<see cref="ChargeIdPayload.ChargeIdBytes"/>): a charger that does not
    /// recognise its own id keeps resending the record.
    /// </summary>
    public sealed class UploadRecordAckPayload : ChargeIdPayload
    {
        /// <summary>First byte (1).</summary>
        public byte Lead { get; set; } = 1;

        /// <summary>Last byte (1).</summary>
        public byte Status { get; set; } = 1;

        /// <summary>True for the 1-byte form.</summary>
        public bool ShortForm { get; set; }

        /// <inheritdoc/>
        public override int Length => ShortForm ? 1 : 18;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = Lead;
            if (ShortForm) return;
            WriteChargeId(b, o + 1);
            b[o + 17] = Status;
        }

        internal static UploadRecordAckPayload Decode(byte[] b, int o, int n)
        {
            if (n < 18) return new UploadRecordAckPayload { Lead = n > 0 ? b[o] : (byte)1, ShortForm = true };
            var p = new UploadRecordAckPayload { Lead = b[o], Status = b[o + 17] };
            p.ReadChargeId(b, o + 1);
            return p;
        }
    }
}
