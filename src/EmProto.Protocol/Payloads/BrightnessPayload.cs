using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Screen brightness (0x8162 / 0x0162). GET request <c>00 01 00 01 00 03</c>; SET request
    /// <c>00 02 value</c>; the reply carries the value (0-100) at byte 2.
    /// </summary>
    public sealed class BrightnessPayload : EmPayload
    {
        private static readonly byte[] GetForm = { 0x00, 0x01, 0x00, 0x01, 0x00, 0x03 };

        /// <summary>Get or Set (for a reply: Set, carrying the value).</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Set;

        /// <summary>Brightness 0-100.</summary>
        public byte Value { get; set; }

        /// <inheritdoc/>
        public override int Length => Action == SetAndGetAction.Get ? 6 : 3;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (Action != SetAndGetAction.Get && Value > 100)
                throw new ArgumentException("Brightness must be 0-100; got " + Value + ".", nameof(Value));
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
            b[o] = 0;
            b[o + 1] = 2;
            b[o + 2] = Value;
        }

        internal static BrightnessPayload Decode(byte[] b, int o, int n)
        {
            bool get = n >= 6 && b[o + 1] == 1;
            return new BrightnessPayload
            {
                Action = get ? SetAndGetAction.Get : SetAndGetAction.Set,
                Value = get || n < 3 ? (byte)0 : b[o + 2],
            };
        }
    }
}
