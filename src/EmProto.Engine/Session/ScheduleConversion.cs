using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Session
{
    /// <summary>Weekly schedule: wire slots (Monday first) to and from the user's schedule. Unknown slot modes survive both ways.</summary>
    internal static class ScheduleConversion
    {
        public static EvseSchedule? ToSchedule(ScheduleSlot[]? slots)
        {
            if (slots == null) return null;
            var s = new EvseSchedule();
            for (int i = 0; i < slots.Length; i++)
            {
                s.Days.Add(new EvseScheduleEntry
                {
                    Day = (DayOfWeek)((i + 1) % 7),
                    Mode = slots[i].Mode,
                    Start = new TimeSpan(slots[i].Hour, slots[i].Minute, 0),
                    Duration = TimeSpan.FromMinutes(slots[i].DurationMinutes),
                });
            }
            return s;
        }

        /// <exception cref="ArgumentException">A day's start or duration cannot be written.</exception>
        public static ScheduleSlot[] ToSlots(EvseSchedule schedule)
        {
            var slots = new ScheduleSlot[7];
            for (int i = 0; i < 7; i++)
            {
                var day = (DayOfWeek)((i + 1) % 7);
                var entry = schedule[day];
                if (entry == null)
                {
                    slots[i] = new ScheduleSlot { Mode = ScheduleSlotMode.Off };
                    continue;
                }
                if (entry.Start < TimeSpan.Zero || entry.Start >= TimeSpan.FromDays(1))
                    throw new ArgumentException("The start time of " + day + " must be a time of day (00:00-23:59); got " + entry.Start + ".");
                if (entry.Duration < TimeSpan.Zero || entry.Duration.TotalMinutes > 65535)
                    throw new ArgumentException("The duration of " + day + " must be 0-65535 minutes; got " + entry.Duration + ".");
                slots[i] = new ScheduleSlot
                {
                    Mode = entry.Mode,
                    Hour = (byte)entry.Start.Hours,
                    Minute = (byte)entry.Start.Minutes,
                    DurationMinutes = (ushort)entry.Duration.TotalMinutes,
                };
            }
            return slots;
        }

        public static bool Same(EvseSchedule? a, EvseSchedule? b)
        {
            if (a == null || b == null) return a == b;
            if (a.Days.Count != b.Days.Count) return false;
            for (int i = 0; i < a.Days.Count; i++)
            {
                var x = a.Days[i];
                var y = b.Days[i];
                if (x.Day != y.Day || x.Mode != y.Mode || x.Start != y.Start || x.Duration != y.Duration) return false;
            }
            return true;
        }
    }
}
