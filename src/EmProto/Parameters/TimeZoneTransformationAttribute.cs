using System;
using System.Globalization;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Lets a <see cref="TimeZoneInfo"/> parameter take a zone id (IANA such as Europe/Amsterdam,
    /// or Windows such as "W. Europe Standard Time", as far as the platform maps them), "Local",
    /// "UTC", a fixed offset ("+02:00", "-03:30") or a <see cref="TimeSpan"/>.
    /// </summary>
    public sealed class TimeZoneTransformationAttribute : ValueTransformationAttribute
    {
        /// <inheritdoc/>
        protected override Type TargetType => typeof(TimeZoneInfo);

        /// <inheritdoc/>
        protected override string Expected => "A time zone is a TimeZoneInfo, a zone id such as Europe/Amsterdam, or an offset such as +02:00";

        /// <inheritdoc/>
        protected override object ParseText(string text) => FromText(text.Trim());

        /// <inheritdoc/>
        protected override object FromOther(object value) => value is TimeSpan offset ? FixedOffset(offset) : base.FromOther(value);

        /// <summary>Resolves a zone id, "Local", "UTC" or a fixed offset (see <see cref="EvseTimeZones"/>).</summary>
        /// <exception cref="ArgumentTransformationMetadataException">Nothing matches.</exception>
        public static TimeZoneInfo FromText(string text) =>
            Resolve(() => EvseTimeZones.Find(text) ?? throw new ArgumentTransformationMetadataException(EvseTimeZones.Unknown(text)));

        private static TimeZoneInfo FixedOffset(TimeSpan offset) => Resolve(() => EvseTimeZones.FixedOffset(offset));

        /// <summary>Runs a zone lookup; its ArgumentException becomes the transformation's error.</summary>
        private static TimeZoneInfo Resolve(Func<TimeZoneInfo> find)
        {
            try
            {
                return find();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }
}
