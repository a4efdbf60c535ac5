using System;

namespace EmProto.Engine
{
    /// <summary>A reading of a charger's clock.</summary>
    public sealed class EvseSystemTime
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>The charger's clock, in its time zone.</summary>
        public DateTimeOffset ChargerTime { get; set; }

        /// <summary>This host's clock when the answer arrived.</summary>
        public DateTimeOffset HostTime { get; set; }

        /// <summary>Charger minus host (positive: the charger is ahead).</summary>
        public TimeSpan Skew { get; set; }

        /// <summary>The charger's time zone id.</summary>
        public string TimeZone { get; set; } = string.Empty;

        /// <summary>
        /// When the skew is within a minute of a whole number of hours (at least one), the charger's time zone
        /// probably differs from <see cref="TimeZone"/>: what to do about it, in words; otherwise null.
        /// </summary>
        public string? TimeZoneHint { get; set; }

        /// <inheritdoc/>
        public override string ToString() => ChargerTime.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) + " (skew " + Skew + ")";
    }
}
