using System;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>The conversions from wire values to units that the model types share (one place each).</summary>
    internal static class WireValues
    {
        /// <summary>
        /// An EM timestamp as an instant in <paramref name="zone"/>, moved onto this host's clock by
        /// the measured <paramref name="skew"/> (charger minus host) and rounded to whole seconds
        /// (EM timestamps have no fractions); null for a zero timestamp. Without a measured skew the
        /// charger's reading is returned as it is.
        /// </summary>
        public static DateTimeOffset? ToHost(EmTimestamp time, TimeZoneInfo zone, TimeSpan? skew)
        {
            if (time.IsZero) return null;
            var charger = time.ToInstant(zone);
            if (!skew.HasValue) return charger;
            var host = charger - skew.Value;
            long seconds = (long)Math.Round(host.UtcTicks / (double)TimeSpan.TicksPerSecond);
            var utc = new DateTimeOffset(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            return utc.ToOffset(zone.GetUtcOffset(utc.UtcDateTime));
        }

        /// <summary>A raw × 0.01 value, rounded to 2 decimals.</summary>
        public static double Hundredths(long raw) => Math.Round(raw * 0.01, 2);

        /// <summary>A u16 duration limit in minutes; null for 0xFFFF (unlimited).</summary>
        public static TimeSpan? DurationLimit(int minutes) => minutes == 0xFFFF ? (TimeSpan?)null : TimeSpan.FromMinutes(minutes);

        /// <summary>A u16 energy limit (× 0.01 kWh); null for 0xFFFF (unlimited).</summary>
        public static double? EnergyLimit(int raw) => raw == 0xFFFF ? (double?)null : Hundredths(raw);
    }
}
