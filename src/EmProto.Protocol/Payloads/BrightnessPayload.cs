using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Screen brightness (0x8162 / 0x0162). GET request <c>00 01 00 01 00 03</c>; SET request
    /// <c>00 02 value</c>. The reply (0x0162) carries the value (0-100) at byte 2 whatever the
    /// other bytes are (seen: <c>00 01 37 02 00 01 00 00</c> = 55, <c>00 03 64 02 00 01 00 00</c> = 100);
    /// it is read with <see cref="Action"/> Report and keeps its bytes in <see cref="ReplyData"/>.
    /// </summary>
    public sealed class BrightnessPayload : EmPayload
    {
        private static readonly byte[] GetForm = { 0x00, 0x01, 0x00, 0x01, 0x00, 0x03 };

        /// <summary>Get or Set for a request; Report for a reply read from a charger.</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Set;

        /// <summary>Brightness 0-100.</summary>
        public byte Value { get; set; }

        /// <summary>
        /// A reply's bytes as received (at least 3; the value is byte 2), re-sent as they are with
        /// <see cref="Value"/> at byte 2; null for requests and for replies built in code
        /// (sent as <c>00 02 value</c>).
        /// </summary>
        public byte[]? ReplyData { get; set; }

        /// <inheritdoc/>
        public override int Length => Action == SetAndGetAction.Get ? 6 : ReplyData?.Length ?? 3;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (Action != SetAndGetAction.Get && Value > 100)
                throw new ArgumentException("Brightness must be 0-100; got " + Value + ".", nameof(Value));
            if (ReplyData != null && ReplyData.Length < 3)
                throw new ArgumentException("ReplyData must hold at least 3 bytes (the value is byte 2); got " + ReplyData.Length + ".", nameof(ReplyData));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            if (Action == SetAndGetAction.Get)
            {
                Buffer.BlockCopy(GetForm, 0, b, o, GetForm.Length);
                return;
            }
            if (ReplyData != null)
            {
                Buffer.BlockCopy(ReplyData, 0, b, o, ReplyData.Length);
                b[o + 2] = Value;
                return;
            }
            b[o] = 0;
            b[o + 1] = 2;
            b[o + 2] = Value;
        }

        /// <summary>Reads a request (0x8162): the GET form, or a SET with the value at byte 2.</summary>
        internal static BrightnessPayload DecodeRequest(byte[] b, int o, int n)
        {
            bool get = n >= 6 && b[o + 1] == 1;
            return new BrightnessPayload
            {
                Action = get ? SetAndGetAction.Get : SetAndGetAction.Set,
                Value = get || n < 3 ? (byte)0 : b[o + 2],
            };
        }

        /// <summary>Reads a reply (0x0162, at least 3 bytes): the value is byte 2.</summary>
        internal static BrightnessPayload DecodeReply(byte[] b, int o, int n) => new BrightnessPayload
        {
            Action = SetAndGetAction.Report,
            Value = b[o + 2],
            ReplyData = EmText.Copy(b, o, n),
        };
    }
}
