using System;
using System.Threading;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // The cadence: Login announcements, Headings, pushes and record resends on one timer.
    public sealed partial class SimulatedEvse
    {
        private void OnTimer(object? state)
        {
            try
            {
                lock (_gate)
                {
                    if (_stopped || !_started) return;
                    Integrate();
                    var now = _time.GetUtcNow();
                    _faults.ReleaseDue(now);
                    if (!_registered)
                    {
                        if (now >= _nextLogin)
                        {
                            SendLogin(EmCommand.Login);
                            Counters.AddLoginsSent();
                            _nextLogin = now + _options.LoginInterval;
                        }
                    }
                    else
                    {
                        if (now >= _nextHeading)
                        {
                            if (_unansweredHeadings >= _options.MissedHeadingLimit)
                            {
                                Counters.AddRegistrationsDropped();
                                Unregister();
                            }
                            else
                            {
                                SendToApp(EmCommand.Heading, EmptyPayload.Instance);
                                Counters.AddHeadingsSent();
                                _unansweredHeadings++;
                                _nextHeading = now + _options.HeadingInterval;
                            }
                        }
                        if (_registered && now >= _nextStatus) PushStatus(now);
                        if (_registered && !_firmware.ChargingStatusFollowsStatus && now >= _nextChargingStatus) PushChargingStatus(now);
                    }
                    AfterActivity();
                }
            }
            catch (ObjectDisposedException)
            {
                // Stopped while the callback was running.
            }
        }

        private void AfterActivity()
        {
            if (_stopped || !_started) return;
            var now = _time.GetUtcNow();
            if (_registered)
            {
                if (_changed)
                {
                    PushStatus(now);
                    if (!_firmware.ChargingStatusFollowsStatus) PushChargingStatus(now);
                }
                var record = _records.Next;
                if (record != null && now >= _nextRecord)
                {
                    SendToApp(_firmware.RecordCommand, record);
                    Counters.AddRecordsSent();
                    _nextRecord = now + _options.RecordResendInterval;
                }
            }
            _changed = false;
            _justLoggedIn = false;
            Reschedule();
        }

        private void Reschedule()
        {
            if (_timer == null || _stopped) return;
            var now = _time.GetUtcNow();
            DateTimeOffset due;
            if (!_registered) due = _nextLogin;
            else
            {
                due = Min(_nextHeading, _nextStatus);
                if (!_firmware.ChargingStatusFollowsStatus) due = Min(due, _nextChargingStatus);
                if (_records.Count > 0) due = Min(due, _nextRecord);
            }
            if (_faults.HeldUntil.HasValue) due = Min(due, _faults.HeldUntil.Value);
            if (_active != null)
            {
                if (_active.Phase == SimulatedSessionPhase.Reserved)
                    due = Min(due, _active.ReservedFor!.Value - _clockOffset - _advanced);
                else if (_active.Phase == SimulatedSessionPhase.Charging)
                {
                    var limit = TimeToLimit(_active, out _, out _, out _);
                    if (limit.HasValue) due = Min(due, now + limit.Value);
                }
            }
            // Never zero: a zero due time makes some time providers call back synchronously, inside this lock.
            var wait = due - now;
            if (wait < MinimumWait) wait = MinimumWait;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private void Register()
        {
            var now = _time.GetUtcNow();
            if (!_registered) Counters.AddRegistrations();
            _registered = true;
            _unansweredHeadings = 0;
            _nextHeading = now + _options.HeadingInterval;
            _nextRecord = now;
            _changed = true;
            _justLoggedIn = true;
        }

        private void Unregister()
        {
            _registered = false;
            SendLogin(EmCommand.Login);
            Counters.AddLoginsSent();
            _nextLogin = _time.GetUtcNow() + _options.LoginInterval;
        }

        private void SendLogin(EmCommand command) => SendToApp(command, BuildLogin());

        private void PushStatus(DateTimeOffset now)
        {
            SendToApp(_options.Faults.StatusAsRecord ? EmCommand.StatusRecord : EmCommand.SingleAcStatus, BuildStatus());
            Counters.AddStatusPushes();
            _nextStatus = now + _options.StatusInterval;
            // Firmware such as the Telestar sends the charging status only alongside the status:
            // while a session is charging or planned, and once right after a login.
            if (_firmware.ChargingStatusFollowsStatus && (_active != null || _justLoggedIn)) PushChargingStatus(now);
        }

        private void PushChargingStatus(DateTimeOffset now)
        {
            SendToApp(EmCommand.SingleAcChargingStatusPublicAuto, BuildChargingStatus());
            Counters.AddChargingStatusPushes();
            _nextChargingStatus = now + _options.ChargingStatusInterval;
        }
    }
}
