using System;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>Which session a charging status describes.</summary>
    public enum EvseSessionKind
    {
        /// <summary>Charging now.</summary>
        Current,
        /// <summary>A planned (reserved) start.</summary>
        Planned,
        /// <summary>The last finished session.</summary>
        Last,
    }

    /// <summary>A charge session as the charger reports it (charging status 5/6).</summary>
    public sealed class EvseChargeSession
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>Current, planned or last.</summary>
        public EvseSessionKind Kind { get; set; }

        /// <summary>Protocol-level state.</summary>
        public CurrentState State { get; set; }

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Planned start (reservations), in the charger's time zone.</summary>
        public DateTimeOffset? ReservedFor { get; set; }

        /// <summary>Start, in the charger's time zone.</summary>
        public DateTimeOffset? Start { get; set; }

        /// <summary>How long it has been charging.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Maximum duration, null when unlimited.</summary>
        public TimeSpan? MaxDuration { get; set; }

        /// <summary>Maximum energy (kWh), null when unlimited.</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>Current limit (A).</summary>
        public int MaxCurrent { get; set; }

        /// <summary>Meter at the start (kWh).</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter now (kWh).</summary>
        public double MeterKWh { get; set; }

        /// <summary>Energy of this session (kWh).</summary>
        public double EnergyKWh { get; set; }

        /// <summary>Price as reported (× 0.01 applied).</summary>
        public double Price { get; set; }

        /// <summary>When this status arrived.</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <summary>A copy.</summary>
        public EvseChargeSession Clone() => (EvseChargeSession)MemberwiseClone();

        /// <inheritdoc/>
        public override string ToString() => Kind + " " + ChargeId + ": " + EnergyKWh.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " kWh";
    }
}
