using System;
using System.Globalization;
using System.Management.Automation;
using EmProto.Engine;

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

        /// <summary>Resolves a zone id, "Local", "UTC" or a fixed offset (see <see cref="EvseTimeZones"/>).</summary>
        /// <exception cref="ArgumentTransformationMetadataException">Nothing matches.</exception>
        public static TimeZoneInfo FromText(string text)
        {
            try
            {
                return EvseTimeZones.Find(text) ?? throw new ArgumentTransformationMetadataException(EvseTimeZones.Unknown(text));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }

        private static TimeZoneInfo FixedOffset(TimeSpan offset)
        {
            try
            {
                return EvseTimeZones.FixedOffset(offset);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }
}
