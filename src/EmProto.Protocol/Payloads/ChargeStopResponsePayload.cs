namespace EmProto.Protocol.Payloads
{
    /// <summary>Answer to ChargeStop (command 8).</summary>
    public sealed class ChargeStopResponsePayload : EmPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>Stop result.</summary>
        public byte StopResult { get; set; }

        /// <summary>Failure reason (0 = none).</summary>
        public byte FailReason { get; set; }

        /// <inheritdoc/>
        public override int Length => 3;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            b[o] = LineId;
            b[o + 1] = StopResult;
            b[o + 2] = FailReason;
        }

        internal static ChargeStopResponsePayload Decode(byte[] b, int o, int n) => new ChargeStopResponsePayload
        {
            LineId = b[o],
            StopResult = b[o + 1],
            FailReason = b[o + 2],
        };
    }
}
