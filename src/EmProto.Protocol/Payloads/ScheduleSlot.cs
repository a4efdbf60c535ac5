using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>One day of the weekly schedule: mode, start time and duration.</summary>
    public sealed class ScheduleSlot
    {
        /// <summary>Off (1) or on (3).</summary>
        public ScheduleSlotMode Mode { get; set; } = ScheduleSlotMode.Off;

        /// <summary>Start hour (0-23).</summary>
        public byte Hour { get; set; }

        /// <summary>Start minute (0-59).</summary>
        public byte Minute { get; set; }

        /// <summary>Duration in minutes.</summary>
        public ushort DurationMinutes { get; set; }

        /// <summary>The 4 bytes after the duration (0xFFFFFFFF in every capture).</summary>
        public uint Reserved { get; set; } = 0xFFFFFFFF;

        /// <summary>Throws when the time is not a valid time of day.</summary>
        public void Validate(string field)
        {
            if (Hour > 23) throw new ArgumentException(field + ".Hour must be 0-23; got " + Hour + ".", field);
            if (Minute > 59) throw new ArgumentException(field + ".Minute must be 0-59; got " + Minute + ".", field);
        }

        /// <inheritdoc/>
        public override string ToString() =>
            Mode + " " + Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":" + Minute.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + " for " + DurationMinutes + " min";
    }
}
