using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// SetAndGetAlarmChargeStrategy (0x810E / 0x010E), the weekly schedule: u8 action, then 7
    /// slots of 9 bytes, Monday first. The GET request is the 2-byte form <c>02 00</c>
    /// (<see cref="Slots"/> null); an empty slot array is written in that short form too, as a
    /// lone action byte is shorter than any charger accepts.
    /// </summary>
    public sealed class WeeklySchedulePayload : EmPayload
    {
        /// <summary>Action: 1 SET, 2 GET.</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Get;

        /// <summary>The slots, Monday first; null for the short GET form.</summary>
        public ScheduleSlot[]? Slots { get; set; }

        /// <summary>The GET request.</summary>
        public static WeeklySchedulePayload Get() => new WeeklySchedulePayload();

        /// <inheritdoc/>
        public override int Length => Slots == null || Slots.Length == 0 ? 2 : 1 + 9 * Slots.Length;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (Slots == null) return;
            if (Slots.Length > 7) throw new ArgumentException("A weekly schedule has at most 7 slots (Monday first); got " + Slots.Length + ".", nameof(Slots));
            for (int i = 0; i < Slots.Length; i++)
            {
                if (Slots[i] == null) throw new ArgumentException("Slots[" + i + "] must not be null.", nameof(Slots));
                Slots[i].Validate("Slots[" + i + "]");
            }
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = (byte)Action;
            if (Slots == null || Slots.Length == 0)
            {
                b[o + 1] = 0;
                return;
            }
            for (int i = 0; i < Slots.Length; i++)
            {
                var s = Slots[i];
                int p = o + 1 + 9 * i;
                b[p] = (byte)s.Mode;
                b[p + 1] = s.Hour;
                b[p + 2] = s.Minute;
                BigEndian.Put16(b, p + 3, s.DurationMinutes);
                BigEndian.Put32(b, p + 5, s.Reserved);
            }
        }

        internal static WeeklySchedulePayload Decode(byte[] b, int o, int n)
        {
            var p = new WeeklySchedulePayload { Action = (SetAndGetAction)b[o] };
            int count = Math.Min(7, (n - 1) / 9);
            if (count == 0) return p;
            var slots = new ScheduleSlot[count];
            for (int i = 0; i < count; i++)
            {
                int q = o + 1 + 9 * i;
                slots[i] = new ScheduleSlot
                {
                    Mode = (ScheduleSlotMode)b[q],
                    Hour = b[q + 1],
                    Minute = b[q + 2],
                    DurationMinutes = BigEndian.U16(b, q + 3),
                    Reserved = BigEndian.U32(b, q + 5),
                };
            }
            p.Slots = slots;
            return p;
        }
    }
}
