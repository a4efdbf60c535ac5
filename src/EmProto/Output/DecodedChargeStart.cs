using System;

namespace EmProto.PowerShell
{
    /// <summary>A ChargeStart request (0x8007) in units.</summary>
    public sealed class DecodedChargeStart
    {
        /// <summary>Line id.</summary>
        public int LineId { get; set; }

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>True when the start is planned for later.</summary>
        public bool IsReservation { get; set; }

        /// <summary>The start time in the charger's zone ("now" when not a reservation), or null.</summary>
        public DateTimeOffset? StartAt { get; set; }

        /// <summary>Start type.</summary>
        public int StartType { get; set; }

        /// <summary>Charge type.</summary>
        public int ChargeType { get; set; }

        /// <summary>Maximum duration in minutes, or null when unlimited.</summary>
        public int? MaxDurationMinutes { get; set; }

        /// <summary>Maximum energy in kWh, or null when unlimited.</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>Parameter 3 (65535 expected).</summary>
        public int Param3 { get; set; }

        /// <summary>Current in amps.</summary>
        public int MaxAmps { get; set; }
    }
}
