using System;
using System.Globalization;
using System.Management.Automation;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Lets a TimeSpan parameter take a TimeSpan, a string such as '00:01:30', or a plain number of
    /// seconds (90, 1.5, '90').
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case TimeSpan _:
                    return value;
                case int i:
                    return TimeSpan.FromSeconds(i);
                case long l:
                    return TimeSpan.FromSeconds(l);
                case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                    return TimeSpan.FromSeconds(d);
                case decimal m:
                    return TimeSpan.FromSeconds((double)m);
                case string s:
                    return Parse(s);
                default:
                    return value;
            }
        }

        /// <summary>Parses '90', '1.5' (seconds) or '00:01:30' (a TimeSpan).</summary>
        public static TimeSpan Parse(string text)
        {
            string s = (text ?? string.Empty).Trim();
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && !double.IsNaN(seconds) && !double.IsInfinity(seconds))
                return TimeSpan.FromSeconds(seconds);
            if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span))
                return span;
            throw new ArgumentTransformationMetadataException("'" + text + "' is not a duration: give a TimeSpan such as 00:01:30 or a number of seconds such as 90.");
        }
    }
}
