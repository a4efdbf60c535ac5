namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Charge fee / service fee requests (0x8104 / 0x8105): GET <c>02 00</c>; SET
    /// <c>01 rateType number 00</c> (semantics unclear).
    /// </summary>
    public sealed class FeeRequestPayload : EmPayload
    {
        /// <summary>Get or Set.</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Get;

        /// <summary>Rate type (SET only).</summary>
        public byte RateType { get; set; }

        /// <summary>Number (SET only).</summary>
        public byte Number { get; set; }

        /// <inheritdoc/>
        public override int Length => Action == SetAndGetAction.Set ? 4 : 2;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            b[o] = (byte)Action;
            if (Action != SetAndGetAction.Set)
            {
                b[o + 1] = 0;
                return;
            }
            b[o + 1] = RateType;
            b[o + 2] = Number;
            b[o + 3] = 0;
        }

        internal static FeeRequestPayload Decode(byte[] b, int o, int n)
        {
            var action = n > 0 ? (SetAndGetAction)b[o] : SetAndGetAction.Get;
            if (action == SetAndGetAction.Set && n >= 3)
                return new FeeRequestPayload { Action = action, RateType = b[o + 1], Number = b[o + 2] };
            return new FeeRequestPayload { Action = action };
        }
    }
}
