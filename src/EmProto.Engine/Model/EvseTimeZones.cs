using System;
using System.Globalization;

namespace EmProto.Engine
{
    /// <summary>
    /// The one place a time zone is read from text: "Local", "UTC", a fixed offset ("+02:00", "UTC-03:30"), a zone id
    /// (IANA such as Europe/Amsterdam, or Windows such as "W. Europe Standard Time", as far as the platform maps
    /// them) or a zone's display or standard name. Fixed offsets are named "UTC+hh:mm", so a stored zone reads back.
    /// </summary>
    public static class EvseTimeZones
    {
        private static readonly string[] OffsetFormats = { @"hh\:mm", "hhmm", "%h", "hh" };

        /// <summary>The zone the text names, or null when this system knows none by it.</summary>
        /// <exception cref="ArgumentException">A fixed offset that is not whole minutes within ±14 h.</exception>
        public static TimeZoneInfo? Find(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string t = text!.Trim();
            if (string.Equals(t, "Local", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Local;
            if (string.Equals(t, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "Z", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
            string offsetText = t.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) && t.Length > 4 ? t.Substring(3) : t;
            if (offsetText.Length > 1 && (offsetText[0] == '+' || offsetText[0] == '-') &&
                TimeSpan.TryParseExact(offsetText.Substring(1), OffsetFormats, CultureInfo.InvariantCulture, out var span))
                return FixedOffset(offsetText[0] == '-' ? span.Negate() : span);
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(t);
            }
            catch (TimeZoneNotFoundException)
            {
                // Try the names below.
            }
            catch (InvalidTimeZoneException)
            {
                // Try the names below.
            }
            foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
            {
                if (string.Equals(zone.DisplayName, t, StringComparison.OrdinalIgnoreCase) || string.Equals(zone.StandardName, t, StringComparison.OrdinalIgnoreCase))
                    return zone;
            }
            return null;
        }

        /// <summary>A zone at a fixed offset from UTC, named "UTC+hh:mm".</summary>
        /// <exception cref="ArgumentException">Not whole minutes within ±14 h.</exception>
        public static TimeZoneInfo FixedOffset(TimeSpan offset)
        {
            if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
                throw new ArgumentException("A fixed offset is whole minutes between -14:00 and +14:00; got " + offset + ".", nameof(offset));
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            string name = "UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }

        /// <summary>What to write when text names no zone.</summary>
        public static string Unknown(string text) =>
            "'" + text + "' is not a time zone known to this system. Use an id such as Europe/Amsterdam (IANA) or 'W. Europe Standard Time' (Windows), 'Local', 'UTC', or an offset such as +02:00.";
    }
}
