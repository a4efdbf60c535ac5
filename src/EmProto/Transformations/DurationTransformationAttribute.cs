using System;
using System.Globalization;
using System.Management.Automation;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Turns what people type for a duration into a <see cref="TimeSpan"/>: a TimeSpan, a TimeSpan
    /// string ('00:01:30'), or a number of seconds (90, 2.5, '90'). Without it PowerShell would read
    /// 90 as 90 ticks. Negative durations are rejected unless <see cref="AllowNegative"/> is set.
    /// </summary>
    public sealed class DurationTransformationAttribute : ValueTransformationAttribute
    {
        /// <summary>Accept negative values (for offsets rather than durations).</summary>
        public bool AllowNegative { get; set; }

        /// <inheritdoc/>
        protected override Type TargetType => typeof(TimeSpan);

        /// <inheritdoc/>
        protected override string Expected => "A duration is a TimeSpan, a TimeSpan string such as '00:01:30', or a number of seconds such as 90";

        /// <inheritdoc/>
        protected override object TransformValue(object value)
        {
            var result = (TimeSpan)base.TransformValue(value);
            if (result < TimeSpan.Zero && !AllowNegative)
                throw new ArgumentTransformationMetadataException("A duration must not be negative; got " + result.ToString("c", CultureInfo.InvariantCulture) + ".");
            return result;
        }

        /// <inheritdoc/>
        protected override object ParseText(string text) => Parse(text.Trim());

        /// <inheritdoc/>
        protected override object FromOther(object value) =>
            IsNumber(value, TypeCode.SByte, TypeCode.Decimal) ? FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), value) : base.FromOther(value);

        private static TimeSpan Parse(string text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                return FromSeconds(seconds, text);
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                return span;
            throw new ArgumentTransformationMetadataException(
                "'" + text + "' is not a duration: use a number of seconds (90) or a TimeSpan such as '00:01:30' or '1.02:00:00'.");
        }

        private static TimeSpan FromSeconds(double seconds, object original)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds - 1)
                throw new ArgumentTransformationMetadataException("'" + Convert.ToString(original, CultureInfo.InvariantCulture) + "' seconds is not a usable duration.");
            return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }
    }
}
