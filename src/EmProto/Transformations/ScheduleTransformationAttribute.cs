using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Transformations
{
    /// <summary>
    /// Turns what people type for a weekly schedule into an <see cref="EvseSchedule"/>: a schedule object,
    /// a line such as 'Mon 23:00-06:00, Tue 23:00+360m' (also the schedule's own ToString text), or a
    /// hashtable of days, @{ Monday = '23:00-06:00'; Tue = '23:00+360m'; Sun = 'off' }. Days not named are off.
    /// </summary>
    public sealed class ScheduleTransformationAttribute : ValueTransformationAttribute
    {
        private static readonly char[] Separators = { ',', ';' };

        /// <inheritdoc/>
        protected override Type TargetType => typeof(EvseSchedule);

        /// <inheritdoc/>
        protected override string Expected =>
            "A schedule is an EvseSchedule, a line such as 'Mon 23:00-06:00, Tue 23:00+360m', or a hashtable such as @{ Monday = '23:00-06:00' }";

        /// <inheritdoc/>
        protected override object ParseText(string text) => Parse(text);

        /// <inheritdoc/>
        protected override object FromOther(object value)
        {
            switch (value)
            {
                case IDictionary days:
                    return Parse(FromDays(days));
                case PSObject deserialized:
                    // A schedule that went through Import-Clixml or remoting keeps its text.
                    return Parse(deserialized.ToString());
                default:
                    return base.FromOther(value);
            }
        }

        private static EvseSchedule Parse(string text)
        {
            try
            {
                return EvseSchedule.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }

        /// <summary>The hashtable as a schedule line: "Monday 23:00-06:00, Tue off".</summary>
        private static string FromDays(IDictionary days)
        {
            var parts = new List<string>();
            foreach (DictionaryEntry entry in days)
            {
                object? key = Unwrap(entry.Key);
                object? slot = Unwrap(entry.Value);
                string day = Convert.ToString(key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                string when = slot == null || slot is bool b && !b ? "off" : Convert.ToString(slot, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                if (day.Length == 0 || when.Length == 0)
                    throw new ArgumentTransformationMetadataException("Each day of a schedule hashtable needs a day name and a time such as '23:00-06:00', '23:00+360m' or 'off'.");
                if (day.IndexOfAny(Separators) >= 0 || when.IndexOfAny(Separators) >= 0)
                    throw new ArgumentTransformationMetadataException("'" + day + " = " + when + "' is not one day of a schedule: give one time per day, such as Monday = '23:00-06:00'.");
                parts.Add(day + " " + when);
            }
            if (parts.Count == 0) throw new ArgumentTransformationMetadataException("A schedule hashtable names at least one day, e.g. @{ Monday = '23:00-06:00' }.");
            return string.Join(", ", parts);
        }
    }
}
