using System;
using System.Globalization;

namespace EmProto.Protocol
{
    /// <summary>
    /// An EM timestamp: u32 seconds of the charger's wall clock, counted as if it were
    /// UTC+8 (the firmware adds a fixed 8 hours). Encoding takes the time zone the charger
    /// lives in, so the charger shows local wall-clock time; DST is honoured. A wall-clock time
    /// that occurs twice (DST fall-back) decodes to the earlier instant; one that does not
    /// exist (spring-forward gap) decodes with the offset in force before the gap.
    /// </summary>
    public readonly struct EmTimestamp : IEquatable<EmTimestamp>
    {
        private const long ChinaOffsetSeconds = 8 * 3600;
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

        /// <summary>Wraps a raw wire value.</summary>
        public EmTimestamp(uint raw) => Raw = raw;

        /// <summary>The raw u32 wire value.</summary>
        public uint Raw { get; }

        /// <summary>True for the zero value (no time).</summary>
        public bool IsZero => Raw == 0;

        /// <summary>Encodes an instant for a charger in <paramref name="zone"/> (null: the local zone).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The instant is outside the representable range.</exception>
        public static EmTimestamp FromInstant(DateTimeOffset instant, TimeZoneInfo? zone = null)
        {
            zone ??= TimeZoneInfo.Local;
            var offset = zone.GetUtcOffset(instant.UtcDateTime);
            long seconds = instant.ToUnixTimeSeconds() + (long)offset.TotalSeconds - ChinaOffsetSeconds;
            if (seconds < 0 || seconds > uint.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(instant), instant, "An EM timestamp holds wall-clock times from 1970-01-01T08:00 to 2106-02-07 (u32 seconds); " + instant.ToString("o", CultureInfo.InvariantCulture) + " is outside that range.");
            return new EmTimestamp((uint)seconds);
        }

        /// <summary>The charger's wall-clock time this value shows (no zone attached).</summary>
        public DateTime WallClock => UnixEpoch.AddSeconds((double)Raw + ChinaOffsetSeconds);

        /// <summary>Decodes to an instant, with the offset of <paramref name="zone"/> at that instant (null: the local zone).</summary>
        public DateTimeOffset ToInstant(TimeZoneInfo? zone = null)
        {
            zone ??= TimeZoneInfo.Local;
            var wall = WallClock;
            TimeSpan offset;
            if (zone.IsAmbiguousTime(wall))
            {
                // Earlier instant = the larger offset (still on summer time).
                var candidates = zone.GetAmbiguousTimeOffsets(wall);
                offset = candidates[0];
                foreach (var c in candidates) if (c > offset) offset = c;
            }
            else if (zone.IsInvalidTime(wall))
            {
                // In a spring-forward gap: use the offset in force just before the gap.
                offset = zone.GetUtcOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified).AddHours(-3));
            }
            else
            {
                offset = zone.GetUtcOffset(wall);
            }
            var utcTicks = wall.Ticks - offset.Ticks;
            return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)));
        }

        /// <summary>The zero value as null, otherwise <see cref="ToInstant"/>.</summary>
        public DateTimeOffset? ToInstantOrNull(TimeZoneInfo? zone = null) => Raw == 0 ? (DateTimeOffset?)null : ToInstant(zone);

        /// <summary>Hex form of the raw value, as seen in datagram dumps.</summary>
        public override string ToString() => "0x" + Raw.ToString("x8", CultureInfo.InvariantCulture);

        /// <inheritdoc/>
        public bool Equals(EmTimestamp other) => Raw == other.Raw;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is EmTimestamp t && Equals(t);

        /// <inheritdoc/>
        public override int GetHashCode() => (int)Raw;

        /// <summary>Equality.</summary>
        public static bool operator ==(EmTimestamp a, EmTimestamp b) => a.Raw == b.Raw;

        /// <summary>Inequality.</summary>
        public static bool operator !=(EmTimestamp a, EmTimestamp b) => a.Raw != b.Raw;
    }
}
