using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // The SetAndGet family: settings the app reads and writes.
    public sealed partial class SimulatedEvse
    {
        private static ScheduleSlot CopySlot(ScheduleSlot s) =>
            new ScheduleSlot { Mode = s.Mode, Hour = s.Hour, Minute = s.Minute, DurationMinutes = s.DurationMinutes, Reserved = s.Reserved };

        private static bool IsSixDigits(string s)
        {
            if (s.Length != 6) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private bool AnswerTime(EmCommand reply, SystemTimePayload request)
        {
            bool set = request.Action == SetAndGetAction.Set && !request.Time.IsZero;
            if (set)
            {
                var offset = request.Time.ToInstant(_zone) - SimNow;
                if (offset.Duration() > MaxClockOffset) return false;
                _clockOffset = offset;
            }
            // Seen on real chargers: a SET is answered with action 0, a read with action 1.
            SendToApp(reply, new SystemTimePayload { Action = set ? SetAndGetAction.Report : SetAndGetAction.Set, Time = Em(ChargerClock) });
            return true;
        }

        private bool AnswerSchedule(EmCommand reply, WeeklySchedulePayload request)
        {
            if (request.Action == SetAndGetAction.Set)
            {
                if (request.Slots == null || request.Slots.Length != 7) return false;
                for (int i = 0; i < 7; i++)
                {
                    var s = request.Slots[i];
                    if (s.Hour > 23 || s.Minute > 59) return false;
                }
                for (int i = 0; i < 7; i++) _schedule[i] = CopySlot(request.Slots[i]);
            }
            var slots = new ScheduleSlot[7];
            for (int i = 0; i < 7; i++) slots[i] = CopySlot(_schedule[i]);
            SendToApp(reply, new WeeklySchedulePayload { Action = request.Action, Slots = slots });
            return true;
        }
    }
}
