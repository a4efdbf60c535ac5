using System;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>The outcome of a successful charge start.</summary>
    public sealed class ChargeStartResult
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>The charge id used (recognises our own session).</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>True when the charge is planned rather than started.</summary>
        public bool IsReservation { get; set; }

        /// <summary>Planned start (reservations) in the charger's time zone.</summary>
        public DateTimeOffset? StartAt { get; set; }

        /// <summary>Current limit (A).</summary>
        public int MaxCurrent { get; set; }

        /// <summary>The charger's reservation result.</summary>
        public ReservationResult ReservationResult { get; set; }
    }
}
