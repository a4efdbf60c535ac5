using System;
using System.Globalization;
using System.Management.Automation;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Lets a <see cref="TimeZoneInfo"/> parameter take a zone id (IANA such as Europe/Amsterdam,
    /// or Windows such as "W. Europe Standard Time", as far as the platform maps them), "Local",
    /// "UTC", a fixed offset ("+02:00", "-03:30") or a <see cref="TimeSpan"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TimeZoneTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] OffsetFormats = { @"hh\:mm", "hhmm", "%h", "hh" };

        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null!;
                case TimeZoneInfo zone:
                    return zone;
                case TimeSpan offset:
                    return FixedOffset(offset);
                case string text:
                    return FromText(text.Trim());
                default:
                    throw new ArgumentTransformationMetadataException("A time zone is a TimeZoneInfo, a zone id such as Europe/Amsterdam, or an offset such as +02:00; got a " + value.GetType().Name + ".");
            }
        }

        /// <summary>Resolves a zone id, "Local", "UTC" or a fixed offset.</summary>
        /// <exception cref="ArgumentTransformationMetadataException">Nothing matches.</exception>
        public static TimeZoneInfo FromText(string text)
        {
            if (string.Equals(text, "Local", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Local;
            if (string.Equals(text, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Z", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
            if (text.Length > 1 && (text[0] == '+' || text[0] == '-'))
            {
                if (TimeSpan.TryParseExact(text.Substring(1), OffsetFormats, CultureInfo.InvariantCulture, out var span))
                    return FixedOffset(text[0] == '-' ? span.Negate() : span);
            }
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(text);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException || e is InvalidTimeZoneException)
            {
                throw new ArgumentTransformationMetadataException("'" + text + "' is not a time zone known to this system. Use an id such as Europe/Amsterdam (IANA) or 'W. Europe Standard Time' (Windows), 'Local', 'UTC', or an offset such as +02:00.", e);
            }
        }

        private static TimeZoneInfo FixedOffset(TimeSpan offset)
        {
            if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
                throw new ArgumentTransformationMetadataException("A fixed offset is whole minutes between -14:00 and +14:00; got " + offset + ".");
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            string name = "UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }
    }
}
