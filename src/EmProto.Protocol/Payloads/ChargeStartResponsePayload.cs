namespace EmProto.Protocol.Payloads
{
    /// <summary>Answer to ChargeStart (command 7).</summary>
    public sealed class ChargeStartResponsePayload : EmPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>Reservation result.</summary>
        public ReservationResult ReservationResult { get; set; }

        /// <summary>Start result (1 seen on success).</summary>
        public byte StartResult { get; set; }

        /// <summary>Error reason.</summary>
        public ChargeStartError ErrorReason { get; set; }

        /// <summary>Current in amps.</summary>
        public byte MaxAmps { get; set; }

        /// <summary>Success: no error and an immediate start, an accepted reservation, or a past time (starts now).</summary>
        public bool IsSuccess => ErrorReason == ChargeStartError.None &&
            (ReservationResult == ReservationResult.ImmediateStart || ReservationResult == ReservationResult.ReservationOk || ReservationResult == ReservationResult.InThePast);

        /// <inheritdoc/>
        public override int Length => 5;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            b[o] = LineId;
            b[o + 1] = (byte)ReservationResult;
            b[o + 2] = StartResult;
            b[o + 3] = (byte)ErrorReason;
            b[o + 4] = MaxAmps;
        }

        internal static ChargeStartResponsePayload Decode(byte[] b, int o, int n) => new ChargeStartResponsePayload
        {
            LineId = b[o],
            ReservationResult = (ReservationResult)b[o + 1],
            StartResult = b[o + 2],
            ErrorReason = (ChargeStartError)b[o + 3],
            MaxAmps = b[o + 4],
        };
    }
}
