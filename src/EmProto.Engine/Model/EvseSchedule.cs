using System;
using System.Collections.Generic;
using System.Globalization;

namespace EmProto.Engine
{
    /// <summary>One day of a weekly charging schedule.</summary>
    public sealed class EvseScheduleEntry
    {
        /// <summary>Day of the week.</summary>
        public DayOfWeek Day { get; set; }

        /// <summary>True when charging is scheduled on this day.</summary>
        public bool Enabled { get; set; }

        /// <summary>Start time of day.</summary>
        public TimeSpan Start { get; set; }

        /// <summary>Duration.</summary>
        public TimeSpan Duration { get; set; }

        /// <inheritdoc/>
        public override string ToString() =>
            Day.ToString().Substring(0, 3) + " " + (Enabled ? Start.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + "+" + ((int)Duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m" : "off");
    }

    /// <summary>A weekly charging schedule, Monday first.</summary>
    public sealed class EvseSchedule
    {
        /// <summary>The days, Monday first (up to 7).</summary>
        public List<EvseScheduleEntry> Days { get; set; } = new List<EvseScheduleEntry>();

        /// <summary>A schedule with every day off.</summary>
        public static EvseSchedule AllOff()
        {
            var s = new EvseSchedule();
            for (int i = 0; i < 7; i++) s.Days.Add(new EvseScheduleEntry { Day = (DayOfWeek)((i + 1) % 7) });
            return s;
        }

        /// <summary>The entry for a day, or null.</summary>
        public EvseScheduleEntry? this[DayOfWeek day] => Days.Find(d => d.Day == day);

        /// <inheritdoc/>
        public override string ToString() => string.Join(", ", Days.ConvertAll(d => d.ToString()));
    }
}
