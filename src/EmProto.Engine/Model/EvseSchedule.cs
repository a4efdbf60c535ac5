using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>One day of a weekly charging schedule.</summary>
    public sealed class EvseScheduleEntry
    {
        private ScheduleSlotMode _mode = ScheduleSlotMode.Off;

        /// <summary>Day of the week.</summary>
        public DayOfWeek Day { get; set; }

        /// <summary>True when charging is scheduled on this day (setting it writes mode On or Off).</summary>
        public bool Enabled
        {
            get => _mode == ScheduleSlotMode.On;
            set => _mode = value ? ScheduleSlotMode.On : ScheduleSlotMode.Off;
        }

        /// <summary>
        /// The slot's mode as the charger reports it (1 off, 3 on). A mode the library does not know is kept
        /// and written back unchanged, unless <see cref="Enabled"/> is set.
        /// </summary>
        public ScheduleSlotMode Mode
        {
            get => _mode;
            set => _mode = value;
        }

        /// <summary>Start time of day.</summary>
        public TimeSpan Start { get; set; }

        /// <summary>Duration.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>A copy.</summary>
        public EvseScheduleEntry Clone() => (EvseScheduleEntry)MemberwiseClone();

        /// <summary>"Mon 23:00+360m", "Mon off", or "Mon mode 7 23:00+360m" for a mode the library does not know.</summary>
        public override string ToString()
        {
            string day = Day.ToString().Substring(0, 3);
            string time = Start.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + "+" + ((int)Duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
            if (_mode == ScheduleSlotMode.On) return day + " " + time;
            if (_mode == ScheduleSlotMode.Off) return day + " off";
            return day + " mode " + ((int)_mode).ToString(CultureInfo.InvariantCulture) + " " + time;
        }
    }

    /// <summary>A weekly charging schedule, Monday first.</summary>
    public sealed class EvseSchedule
    {
        private static readonly char[] Separators = { ',', ';' };
        private static readonly string[] DayNames = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        private static readonly Regex EntryPattern = new Regex(
            @"^\s*(?<day>[A-Za-z]{3,9})\s+(?:(?<off>off)|(?<start>\d{1,2}:\d{2})\s*(?:-\s*(?<end>\d{1,2}:\d{2})|\+\s*(?<minutes>\d{1,5})\s*m?))\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The days, Monday first (up to 7).</summary>
        public List<EvseScheduleEntry> Days { get; set; } = new List<EvseScheduleEntry>();

        /// <summary>A schedule with every day off.</summary>
        public static EvseSchedule AllOff()
        {
            var s = new EvseSchedule();
            for (int i = 0; i < 7; i++) s.Days.Add(new EvseScheduleEntry { Day = (DayOfWeek)((i + 1) % 7) });
            return s;
        }

        /// <summary>The entry of a day, or null.</summary>
        public EvseScheduleEntry? this[DayOfWeek day] => Days.Find(d => d.Day == day);

        /// <summary>A deep copy: editing it never changes the original.</summary>
        public EvseSchedule Clone()
        {
            var copy = new EvseSchedule();
            foreach (var d in Days) copy.Days.Add(d.Clone());
            return copy;
        }

        /// <summary>
        /// Builds a schedule from one line: days separated by commas or semicolons, each
        /// "Mon 23:00-06:00" (start and end), "Mon 23:00+360m" (start and minutes, the form
        /// <see cref="ToString"/> writes) or "Mon off"; days not named are off.
        /// </summary>
        /// <exception cref="FormatException">The text names no day or a part cannot be read (the message says which).</exception>
        public static EvseSchedule Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var schedule = AllOff();
            var parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw new FormatException("A schedule names at least one day, e.g. 'Mon 23:00-06:00, Tue 23:00+360m'.");
            foreach (var part in parts)
            {
                var m = EntryPattern.Match(part);
                if (!m.Success) throw new FormatException("'" + part.Trim() + "' is not a day of a schedule: write 'Mon 23:00-06:00', 'Mon 23:00+360m' or 'Mon off'.");
                var day = ParseDay(m.Groups["day"].Value);
                var entry = schedule[day]!;
                if (m.Groups["off"].Success)
                {
                    entry.Enabled = false;
                    continue;
                }
                var start = ParseTime(m.Groups["start"].Value, part);
                TimeSpan duration;
                if (m.Groups["end"].Success)
                {
                    var end = ParseTime(m.Groups["end"].Value, part);
                    duration = end > start ? end - start : end + TimeSpan.FromDays(1) - start;
                }
                else
                {
                    duration = TimeSpan.FromMinutes(int.Parse(m.Groups["minutes"].Value, CultureInfo.InvariantCulture));
                }
                entry.Enabled = true;
                entry.Start = start;
                entry.Duration = duration;
            }
            return schedule;
        }

        /// <summary>Sets one day: enabled from <paramref name="start"/> for <paramref name="duration"/>; returns this schedule.</summary>
        public EvseSchedule Set(DayOfWeek day, TimeSpan start, TimeSpan duration)
        {
            var entry = this[day];
            if (entry == null)
            {
                entry = new EvseScheduleEntry { Day = day };
                Days.Add(entry);
            }
            entry.Enabled = true;
            entry.Start = start;
            entry.Duration = duration;
            return this;
        }

        private static DayOfWeek ParseDay(string text)
        {
            string key = text.Substring(0, 3);
            for (int i = 0; i < DayNames.Length; i++)
            {
                if (string.Equals(DayNames[i], key, StringComparison.OrdinalIgnoreCase) &&
                    ((DayOfWeek)i).ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase))
                    return (DayOfWeek)i;
            }
            throw new FormatException("'" + text + "' is not a day of the week (Mon, Tue, ... or Monday, Tuesday, ...).");
        }

        private static TimeSpan ParseTime(string text, string part)
        {
            var bits = text.Split(':');
            int h = int.Parse(bits[0], CultureInfo.InvariantCulture), m = int.Parse(bits[1], CultureInfo.InvariantCulture);
            if (h > 23 || m > 59) throw new FormatException("'" + text + "' in '" + part.Trim() + "' is not a time of day (00:00-23:59).");
            return new TimeSpan(h, m, 0);
        }

        /// <inheritdoc/>
        public override string ToString() => string.Join(", ", Days.ConvertAll(d => d.ToString()));
    }
}
