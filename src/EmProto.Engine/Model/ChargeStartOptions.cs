using System;

namespace EmProto.Engine
{
    /// <summary>What to ask for when starting a charge.</summary>
    public sealed class ChargeStartOptions
    {
        /// <summary>Current in amps (default: the configured maximum).</summary>
        public int? MaxCurrent { get; set; }

        /// <summary>Charge on one phase only (three-phase chargers).</summary>
        public bool SinglePhase { get; set; }

        /// <summary>Planned start; null or not in the future = now.</summary>
        public DateTimeOffset? StartAt { get; set; }

        /// <summary>Maximum duration (whole minutes, at most 65534).</summary>
        public TimeSpan? MaxDuration { get; set; }

        /// <summary>Maximum energy in kWh (at most 655.34).</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>User id shown in the charger's history (ASCII, at most 16).</summary>
        public string UserId { get; set; } = EmProto.Protocol.EmDefaults.UserId;

        /// <summary>Charge id (ASCII, at most 16); generated when null.</summary>
        public string? ChargeId { get; set; }

        /// <summary>Ignore the wear guard.</summary>
        public bool Force { get; set; }
    }
}
