using System;
using System.Globalization;
using System.Linq;
using EmProto.Engine;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.PowerShell
{
    /// <summary>Turns decoded datagrams into <see cref="DecodedDatagram"/> records for people.</summary>
    internal static class DatagramProjection
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>
        /// Projects a decoded datagram; EM timestamps are read in <paramref name="zone"/> (as the
        /// charger's clock says: a dump carries no measured skew). <paramref name="decodedAt"/> is
        /// the ReceivedAt of status, session and record objects.
        /// </summary>
        public static DecodedDatagram Project(Datagram datagram, TimeZoneInfo zone, DateTimeOffset decodedAt)
        {
            if (zone == null) throw new ArgumentNullException(nameof(zone));
            var payload = datagram.Payload;
            string serial = datagram.Serial.ToString();
            return new DecodedDatagram
            {
                CommandName = EmCommands.Name(datagram.Command),
                Command = (ushort)datagram.Command,
                Direction = EmCommands.IsAppToCharger(datagram.Command) ? DatagramDirection.AppToCharger : DatagramDirection.ChargerToApp,
                Serial = serial,
                HasPassword = datagram.Password.IsPresent,
                Length = datagram.Length,
                KeyType = datagram.KeyType,
                Payload = ProjectPayload(serial, payload, zone, decodedAt),
                Summary = Summarize(payload, zone),
            };
        }

        /// <summary>
        /// The friendlier projection of a payload: status, session and record datagrams give the same
        /// types as the live cmdlets (EvseState, EvseChargeSession, EvseChargeRecord); charge starts and
        /// clock datagrams a record in units; anything else the payload itself.
        /// </summary>
        public static object ProjectPayload(string serial, EmPayload payload, TimeZoneInfo zone, DateTimeOffset decodedAt)
        {
            switch (payload)
            {
                case SingleAcStatusPayload s: return EvseState.FromPayload(serial, s, decodedAt);
                case ChargingStatusPayload c: return EvseChargeSession.FromPayload(serial, c, zone, null, decodedAt);
                case ChargeRecordPayload r: return EvseChargeRecord.FromPayload(serial, r, zone, null, decodedAt);
                case ChargeStartPayload c: return ChargeStart(c, zone);
                case SystemTimePayload t:
                    return new DecodedSystemTime { Action = t.Action, Time = t.Time.ToInstantOrNull(zone), WallClock = t.Time.WallClock, Raw = t.Time.Raw, LongForm = t.LongForm };
                default: return payload;
            }
        }

        private static DecodedChargeStart ChargeStart(ChargeStartPayload c, TimeZoneInfo zone) => new DecodedChargeStart
        {
            LineId = c.LineId,
            UserId = c.UserId,
            ChargeId = c.ChargeId,
            IsReservation = c.IsReservation != 0,
            StartAt = c.ReservationDate.ToInstantOrNull(zone),
            StartType = c.StartType,
            ChargeType = c.ChargeType,
            MaxDurationMinutes = Limit(c.MaxDurationMinutes),
            MaxEnergyKWh = c.MaxEnergyRaw == 0xFFFF ? (double?)null : Hundredths(c.MaxEnergyRaw),
            Param3 = c.Param3,
            MaxAmps = c.MaxAmps,
        };

        /// <summary>A one-line description of a payload (never a secret).</summary>
        public static string Summarize(EmPayload payload, TimeZoneInfo zone)
        {
            switch (payload)
            {
                case LoginPayload l:
                    return F("{0} {1}, hardware {2}, {3} W, {4} A{5}", l.Brand, l.Model, l.HardwareVersion, l.MaxPowerW, l.MaxAmps, l.IsThreePhase ? ", three-phase" : string.Empty);
                case SingleAcStatusPayload s:
                    return F("{0}, {1:0.0} V {2:0.00} A {3:0} W, meter {4:0.00} kWh{5}{6}", s.EffectiveState, s.L1Volts, s.L1Amps, s.EffectivePowerW, s.MeterKWh,
                        s.InnerTemperatureC.HasValue ? F(", {0:0.0} C", s.InnerTemperatureC.Value) : string.Empty,
                        s.Errors == EvseErrors.None ? string.Empty : ", errors: " + s.Errors);
                case ChargingStatusPayload c:
                    return F("{0}, session {1} by {2}, {3:0.00} kWh in {4}, {5} A", c.EffectiveState, c.ChargeId, c.UserId, c.ChargedKWh, TimeSpan.FromSeconds(c.DurationSeconds), c.MaxAmps);
                case ChargeRecordPayload r:
                    return F("record {0}: {1:0.00} kWh in {2}, started by {3}, ended by {4}", r.ChargeId, r.ChargedKWh, TimeSpan.FromSeconds(r.ChargedSeconds), r.StartUserId, r.EndUserId);
                case ChargeStartPayload c:
                    return F("{0} {1} at {2} A by {3}, charge {4}", c.IsReservation != 0 ? "reserve for" : "start", Time(c.ReservationDate, zone), c.MaxAmps, c.UserId, c.ChargeId);
                case ChargeStopPayload s:
                    return F("stop line {0} by {1}", s.LineId, s.UserId);
                case ChargeStartResponsePayload r:
                    return r.IsSuccess
                        ? F("accepted ({0}) at {1} A", r.ReservationResult, r.MaxAmps)
                        : F("refused: {0}, reservation {1}", r.ErrorReason, r.ReservationResult);
                case ChargeStopResponsePayload r:
                    return F("stop result {0}, fail reason {1}", r.StopResult, r.FailReason);
                case SystemTimePayload t:
                    return t.Time.IsZero ? F("Get (action {0}, no time)", (byte)t.Action) : F("{0} {1}", t.Action, Time(t.Time, zone));
                case VersionPayload v:
                    return F("hardware {0}, software {1}", v.HardwareVersion, v.SoftwareVersion);
                case OutputElectricityPayload o:
                    return o.Action == SetAndGetAction.Get ? "Get" : F("{0} {1} A", o.Action, o.Amps);
                case LanguagePayload l:
                    return l.Action == SetAndGetAction.Get ? "Get" : F("{0} {1}", l.Action, l.Language);
                case TemperatureUnitPayload u:
                    return u.Action == SetAndGetAction.Get && u.RawValue == 0 ? "Get" : F("{0} {1}", u.Action, u.Unit);
                case OfflineChargePayload o:
                    return o.Action == SetAndGetAction.Get ? "Get" : F("{0} {1} ({2})", o.Action, o.Mode, o.RawValue);
                case NickNamePayload n:
                    return n.Action == SetAndGetAction.Get && n.Name.Length == 0 ? "Get" : F("{0} '{1}'", n.Action, n.Name);
                case WeeklySchedulePayload w:
                    return w.Slots == null ? F("{0}", w.Action) : F("{0} {1} slot(s): {2}", w.Action, w.Slots.Length, string.Join("; ", w.Slots.Select(s => s.ToString())));
                case BrightnessPayload b:
                    return b.Action == SetAndGetAction.Get ? "Get" : F("brightness {0}", b.Value);
                case ByteValuePayload v:
                    return F("value {0}", v.Value);
                case CurrentChargeRecordAckPayload a:
                    return F("acknowledge record {0}", a.ChargeId);
                case UploadRecordAckPayload a:
                    return a.ShortForm ? "acknowledge (short form)" : F("acknowledge record {0}", a.ChargeId);
                case FeeRequestPayload f:
                    return f.Action == SetAndGetAction.Set ? F("Set rate type {0}, number {1}", f.RateType, f.Number) : F("{0}", f.Action);
                case SetPasswordPayload _:
                    return "set a new password (hidden)";
                case EmptyPayload _:
                    return "(no payload)";
                case RawPayload r:
                    return r.Data.Length <= 24 ? F("{0} bytes: {1}", r.Data.Length, r.Hex) : F("{0} bytes: {1}...", r.Data.Length, r.Hex.Substring(0, 48));
                default:
                    return payload.ToString() ?? string.Empty;
            }
        }

        private static string Time(EmTimestamp t, TimeZoneInfo zone) =>
            t.IsZero ? "(no time)" : t.ToInstant(zone).ToString("yyyy-MM-dd HH:mm:ss zzz", Invariant);

        private static string F(string format, params object[] args) => string.Format(Invariant, format, args);

        private static double Hundredths(long raw) => raw / 100.0;

        private static int? Limit(ushort raw) => raw == 0xFFFF ? (int?)null : raw;
    }
}
