using System;

namespace EmProto.Engine
{
    /// <summary>A finished charge session record (commands 9 and 10), acknowledged and kept.</summary>
    public sealed class EvseChargeRecord
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>Charge id (records are de-duplicated by it).</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>User that started the session.</summary>
        public string StartUserId { get; set; } = string.Empty;

        /// <summary>User (or cause) that ended it.</summary>
        public string EndUserId { get; set; } = string.Empty;

        /// <summary>Start, in the charger's time zone.</summary>
        public DateTimeOffset? Start { get; set; }

        /// <summary>Stop, in the charger's time zone.</summary>
        public DateTimeOffset? Stop { get; set; }

        /// <summary>Charging time.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Meter at the start (kWh).</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter at the stop (kWh).</summary>
        public double StopMeterKWh { get; set; }

        /// <summary>Energy charged (kWh).</summary>
        public double EnergyKWh { get; set; }

        /// <summary>Stop reason number.</summary>
        public int StopReason { get; set; }

        /// <summary>Power samples (W, inferred unit; about one per 20 minutes).</summary>
        public int[] PowerSamplesW { get; set; } = Array.Empty<int>();

        /// <summary>When the record was received.</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <inheritdoc/>
        public override string ToString() => ChargeId + ": " + EnergyKWh.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " kWh";
    }
}
