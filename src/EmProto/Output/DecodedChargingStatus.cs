using System;

namespace EmProto.PowerShell
{
    /// <summary>The current, planned or last charge session (commands 5 and 6) in units.</summary>
    public sealed class DecodedChargingStatus
    {
        /// <summary>Port.</summary>
        public int Port { get; set; }

        /// <summary>The state, with the longer form's override applied.</summary>
        public Protocol.CurrentState State { get; set; }

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Start type.</summary>
        public int StartType { get; set; }

        /// <summary>Charge type.</summary>
        public int ChargeType { get; set; }

        /// <summary>Maximum duration in minutes, or null when unlimited.</summary>
        public int? MaxDurationMinutes { get; set; }

        /// <summary>Maximum energy in kWh, or null when unlimited.</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>Maximum current in amps.</summary>
        public int MaxAmps { get; set; }

        /// <summary>Reservation (planned start) time in the charger's zone, or null.</summary>
        public DateTimeOffset? ReservationDate { get; set; }

        /// <summary>Start time in the charger's zone, or null.</summary>
        public DateTimeOffset? StartDate { get; set; }

        /// <summary>Time charged so far.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Meter at the start in kWh (0 once finished).</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter now in kWh.</summary>
        public double CurrentMeterKWh { get; set; }

        /// <summary>Energy of this session in kWh.</summary>
        public double ChargedKWh { get; set; }

        /// <summary>Charge price (× 0.01 applied).</summary>
        public double ChargePrice { get; set; }

        /// <summary>Fee type.</summary>
        public int FeeType { get; set; }

        /// <summary>Charge fee (× 0.01 applied).</summary>
        public double ChargeFee { get; set; }
    }
}
