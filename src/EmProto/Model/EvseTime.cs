using System;
using System.Globalization;

namespace EmProto.PowerShell
{
    /// <summary>
    /// A time given to -StartAt or -Time: an instant (DateTimeOffset, a DateTime with a kind, a string
    /// with an offset), a wall-clock date and time in the charger's time zone (a DateTime or string without
    /// offset), or a time of day such as '23:30' (the next such wall-clock time in the charger's zone).
    /// </summary>
    public sealed class EvseTime
    {
        private readonly DateTimeOffset? _instant;
        private readonly DateTime? _wallClock;
        private readonly TimeSpan? _timeOfDay;

        /// <summary>An instant.</summary>
        public EvseTime(DateTimeOffset instant) => _instant = instant;

        /// <summary>A DateTime: UTC and local kinds are instants; unspecified is the charger's wall clock.</summary>
        public EvseTime(DateTime time)
        {
            if (time.Kind == DateTimeKind.Unspecified) _wallClock = time;
            else _instant = new DateTimeOffset(time);
        }

        /// <summary>Parses '23:30', '2026-05-01 23:30' or '2026-05-01T23:30:00+02:00'.</summary>
        public EvseTime(string text)
        {
            string s = (text ?? string.Empty).Trim();
            if (s.Length == 0) throw new FormatException("A time is required, such as '23:30' or '2026-05-01 23:30'.");
            if (s.IndexOf('-') < 0 && s.IndexOf('/') < 0 && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var tod) && tod >= TimeSpan.Zero && tod < TimeSpan.FromDays(1) && s.IndexOf(':') > 0)
            {
                _timeOfDay = tod;
                return;
            }
            if (HasOffset(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            {
                _instant = dto;
                return;
            }
            if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) || DateTime.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.None, out dt))
            {
                _wallClock = DateTime.SpecifyKind(dt, DateTimeKind.Unspecified);
                return;
            }
            throw new FormatException("'" + text + "' is not a time: give a time of day such as '23:30', a date and time such as '2026-05-01 23:30', or a DateTime.");
        }

        /// <summary>Parses like the string constructor (used by PowerShell's conversions).</summary>
        public static EvseTime Parse(string text) => new EvseTime(text);

        /// <summary>The instant this time means for a charger in <paramref name="zone"/>, now being <paramref name="now"/>.</summary>
        public DateTimeOffset Resolve(TimeZoneInfo zone, DateTimeOffset now)
        {
            if (zone == null) throw new ArgumentNullException(nameof(zone));
            if (_instant.HasValue) return _instant.Value;
            if (_wallClock.HasValue) return FromWallClock(_wallClock.Value, zone);
            var localNow = TimeZoneInfo.ConvertTime(now, zone);
            var candidate = FromWallClock(localNow.Date + _timeOfDay!.Value, zone);
            if (candidate <= now) candidate = FromWallClock(localNow.Date.AddDays(1) + _timeOfDay.Value, zone);
            return candidate;
        }

        private static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone)
        {
            var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
            return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }

        private static bool HasOffset(string s) =>
            s.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || System.Text.RegularExpressions.Regex.IsMatch(s, @"[+-]\d{2}:?\d{2}$") && s.IndexOf('T') > 0 || System.Text.RegularExpressions.Regex.IsMatch(s, @"\s[+-]\d{2}:\d{2}$");

        /// <inheritdoc/>
        public override string ToString()
        {
            if (_instant.HasValue) return _instant.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
            if (_wallClock.HasValue) return _wallClock.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (charger's time)";
            return _timeOfDay!.Value.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + " (next, charger's time)";
        }
    }
}
