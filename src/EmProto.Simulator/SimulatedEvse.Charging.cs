using System;
using System.Globalization;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // The charging state machine: sessions, reservations, limits, the energy meter.
    public sealed partial class SimulatedEvse
    {
        private void Integrate()
        {
            var now = SimNow;
            var dt = now - _lastIntegrated;
            if (dt <= TimeSpan.Zero) return;
            var t = _lastIntegrated;
            _lastIntegrated = now;
            while (dt >= TimeSpan.Zero && _active != null)
            {
                if (_active.Phase == SimulatedSessionPhase.Reserved)
                {
                    var until = (_active.ReservedFor!.Value - _clockOffset) - t;
                    if (until > dt) break;
                    if (until < TimeSpan.Zero) until = TimeSpan.Zero;
                    t += until;
                    dt -= until;
                    BeginCharging(t);
                    continue;
                }
                if (_active.Phase != SimulatedSessionPhase.Charging) break;
                var limit = TimeToLimit(_active, out string endedBy, out byte reason, out CurrentState endState);
                bool hitsLimit = limit.HasValue && limit.Value <= dt;
                var step = hitsLimit ? limit!.Value : dt;
                Accumulate(_active, step, hitsLimit && endedBy == "MaxEnergy");
                t += step;
                dt -= step;
                if (!hitsLimit) break;
                EndSession(t, endedBy, reason, endState);
            }
        }

        private TimeSpan? TimeToLimit(SimulatedSession s, out string endedBy, out byte reason, out CurrentState endState)
        {
            TimeSpan? best = null;
            endedBy = string.Empty;
            reason = 0;
            endState = CurrentState.Completed;
            if (s.MaxDurationMinutes != 0xFFFF)
            {
                best = TimeSpan.FromMinutes(s.MaxDurationMinutes) - s.Duration;
                endedBy = "MaxDuration";
                reason = 3;
            }
            if (s.Param3 == 0)
            {
                var quirk = Param3ZeroStopAfter - s.Duration;
                if (best == null || quirk < best)
                {
                    best = quirk;
                    endedBy = "Param3Zero";
                    reason = 5;
                }
            }
            if (s.MaxEnergyRaw != 0xFFFF)
            {
                double remainingKWh = s.MaxEnergyRaw * 0.01 - s.EnergyKWh;
                double seconds = Math.Max(0, remainingKWh) * 3_600_000.0 / NominalPower(s);
                var energy = TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond));
                if (best == null || energy < best)
                {
                    best = energy;
                    endedBy = "MaxEnergy";
                    reason = 4;
                    endState = CurrentState.CompletedFull;
                }
            }
            if (best.HasValue && best.Value < TimeSpan.Zero) best = TimeSpan.Zero;
            return best;
        }

        private void Accumulate(SimulatedSession s, TimeSpan step, bool toEnergyLimit)
        {
            double watts = NominalPower(s);
            double kwh = toEnergyLimit ? Math.Max(0, s.MaxEnergyRaw * 0.01 - s.EnergyKWh) : watts * step.TotalSeconds / 3_600_000.0;
            s.EnergyKWh += kwh;
            _meterKWh += kwh;
            s.Duration += step;
            while (s.Duration >= _nextSample)
            {
                s.AddSample((ushort)Math.Min(ushort.MaxValue, Math.Round(watts)));
                _nextSample += SampleInterval;
            }
        }

        private double NominalPower(SimulatedSession s) => _options.Phases * NominalVolts * s.Amps;

        private void BeginCharging(DateTimeOffset simTime)
        {
            var s = _active!;
            if (!_plugged || _errors != EvseErrors.None)
            {
                CancelReservation();
                return;
            }
            s.Phase = SimulatedSessionPhase.Charging;
            s.StartedAt = simTime + _clockOffset;
            s.StartMeterKWh = _meterKWh;
            _nextSample = SampleInterval;
            _finishedWhilePlugged = false;
            Counters.AddChargeStarts();
            _changed = true;
        }

        private void CancelReservation()
        {
            if (_active == null) return;
            _active.Phase = SimulatedSessionPhase.Cancelled;
            _active = null;
            _changed = true;
        }

        private void StopForFault(string endedBy)
        {
            if (IsCharging) EndSession(SimNow, endedBy, 6, CurrentState.EvseFault);
            else if (_active != null) CancelReservation();
        }

        private void EndSession(DateTimeOffset simTime, string endedBy, byte stopReason, CurrentState endState)
        {
            var s = _active!;
            s.Phase = SimulatedSessionPhase.Finished;
            s.StoppedAt = simTime + _clockOffset;
            s.EndedBy = endedBy.Length > 16 ? endedBy.Substring(0, 16) : endedBy;
            s.EndState = endState == CurrentState.CompletedFull ? CurrentState.CompletedFull : CurrentState.Completed;
            _last = s;
            _active = null;
            _finishedWhilePlugged = _plugged;
            _records.Add(BuildRecord(s, stopReason));
            _nextRecord = _time.GetUtcNow();
            _changed = true;
        }

        private EmTimestamp Em(DateTimeOffset chargerClockInstant) => EmTimestamp.FromInstant(chargerClockInstant, _zone);

        private static uint Raw(double kwh) => (uint)Math.Max(0, Math.Floor(kwh * 100 + 1e-6));

        private CurrentState ComputeState()
        {
            if (_errors != EvseErrors.None || _emergency) return CurrentState.EvseFault;
            if (_active != null) return _active.Phase == SimulatedSessionPhase.Charging ? CurrentState.Charging : CurrentState.Reservation;
            if (!_plugged) return CurrentState.NotConnected;
            if (_finishedWhilePlugged && _last != null) return _last.EndState;
            return CurrentState.ReadyToCharge;
        }

        private GunState ComputeGun() => !_plugged ? GunState.Disconnected : IsCharging ? GunState.ConnectedLocked : GunState.ConnectedUnlocked;

        private ChargeStartResponsePayload StartCharge(ChargeStartPayload p)
        {
            var r = new ChargeStartResponsePayload { LineId = p.LineId, MaxAmps = p.MaxAmps };
            if (_errors != EvseErrors.None || _emergency) Refuse(r, ChargeStartError.SystemError, ReservationResult.SystemError);
            else if (IsCharging) Refuse(r, ChargeStartError.AlreadyCharging, ReservationResult.AlreadyCharging);
            else if (_active != null) Refuse(r, ChargeStartError.ReservationPending, ReservationResult.AlreadyReserved);
            else if (p.MaxAmps < 6 || p.MaxAmps > _options.MaxAmps) Refuse(r, ChargeStartError.IncorrectPower, ReservationResult.IncorrectPower);
            else if (!_plugged) Refuse(r, ChargeStartError.NotPluggedIn, ReservationResult.ImmediateStart);
            else
            {
                DateTimeOffset? reservedFor = null;
                r.ReservationResult = ReservationResult.ImmediateStart;
                if (p.IsReservation != 0 && !p.ReservationDate.IsZero)
                {
                    var at = p.ReservationDate.ToInstant(_zone);
                    var ahead = at - ChargerClock;
                    if (ahead > _options.MaxReservationAhead)
                    {
                        Refuse(r, ChargeStartError.None, ReservationResult.TooFarAhead);
                        return r;
                    }
                    if (ahead > TimeSpan.Zero)
                    {
                        reservedFor = at;
                        r.ReservationResult = ReservationResult.ReservationOk;
                    }
                    else r.ReservationResult = ReservationResult.InThePast;
                }
                var chargeId = p.ChargeId.Length > 0 ? p.ChargeId : NewChargeId();
                _active = new SimulatedSession(chargeId, p.UserId)
                {
                    Phase = SimulatedSessionPhase.Reserved,
                    Amps = Math.Min(p.MaxAmps, _configuredAmps),
                    Terms = p.Terms,
                    ReservedFor = reservedFor,
                };
                if (reservedFor == null) BeginCharging(SimNow);
                r.StartResult = 1;
                _changed = true;
            }
            return r;
        }

        private void Refuse(ChargeStartResponsePayload r, ChargeStartError error, ReservationResult result)
        {
            r.ErrorReason = error;
            r.ReservationResult = result;
            r.StartResult = 0;
            Counters.AddChargeStartsRefused();
        }

        private string NewChargeId() =>
            TimeZoneInfo.ConvertTime(ChargerClock, _zone).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) +
            _random.Next(10000).ToString("0000", CultureInfo.InvariantCulture);

        private ChargeStopResponsePayload StopCharge(ChargeStopPayload p)
        {
            Counters.AddChargeStops();
            var r = new ChargeStopResponsePayload { LineId = p.LineId };
            if (IsCharging)
            {
                EndSession(SimNow, p.UserId.Length > 0 ? p.UserId : "emmgr", 1, CurrentState.Completed);
                r.StopResult = 1;
            }
            else if (_active != null)
            {
                CancelReservation();
                r.StopResult = 1;
            }
            else
            {
                r.StopResult = 0;
                r.FailReason = 1;
            }
            return r;
        }
    }
}
