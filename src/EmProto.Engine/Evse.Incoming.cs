using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace EmProto.Engine
{
    /// <summary>Applying what the charger sends: address, presence, identity, status, sessions, records; and waiting for fresh status.</summary>
    public sealed partial class Evse
    {
        private readonly List<StateWaiter> _stateWaiters = new List<StateWaiter>();
        private readonly Dictionary<string, EvseChargeRecord> _records = new Dictionary<string, EvseChargeRecord>(StringComparer.Ordinal);
        private readonly List<EvseChargeRecord> _recordOrder = new List<EvseChargeRecord>();
        private DateTimeOffset? _sessionReportedAt;

        /// <summary>Charge records received (acknowledged), oldest first.</summary>
        public IReadOnlyList<EvseChargeRecord> Records
        {
            get { lock (_sync) return _recordOrder.ToArray(); }
        }

        /// <summary>
        /// Waits for a status that satisfies <paramref name="condition"/>. Only statuses received during the
        /// live login session count: with <paramref name="freshOnly"/> only the next ones, else the latest too
        /// when it is current. Never returns a status kept from before a lost session.
        /// </summary>
        public Task<EvseState> WaitForStateAsync(Func<EvseState, bool>? condition, bool freshOnly, CancellationToken cancellationToken)
        {
            var w = new StateWaiter(condition ?? (_ => true));
            lock (_sync)
            {
                if (!freshOnly && _online && StateIsCurrent() && w.Condition(_state!)) return Task.FromResult(_state!.Clone());
                _stateWaiters.Add(w);
            }
            if (cancellationToken.CanBeCanceled)
            {
                var reg = cancellationToken.Register(() =>
                {
                    lock (_sync) _stateWaiters.Remove(w);
                    w.Tcs.TrySetCanceled();
                });
                w.Tcs.Task.ContinueWith(_ => reg.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            return w.Tcs.Task;
        }

        /// <summary>
        /// True when the charger's live state can and should be fetched: a password is stored, it was not
        /// disconnected and its password was not refused, it is not known to be offline, and there is no
        /// status from a live session yet (e.g. the first call in a fresh process).
        /// </summary>
        public bool CanRefreshState
        {
            get
            {
                lock (_sync)
                    return _password != null && !_disconnected && !_authFailedAt.HasValue && !(_seenThisProcess && !_online) && !StateIsCurrent();
            }
        }

        /// <summary>
        /// The charger's live state: logs in with the stored password when needed (never after a
        /// <see cref="Disconnect"/> or a refused password) and waits at most <paramref name="wait"/> for the first
        /// status of the session. Returns null when none arrived in time.
        /// </summary>
        public async Task<EvseState?> GetLiveStateAsync(TimeSpan wait, CancellationToken cancellationToken = default)
        {
            lock (_sync)
            {
                if (StateIsCurrent() && _online) return _state!.Clone();
            }
            if (!CanRefreshState) return null;
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var timeout = _communicator.Options.TimeProvider.Delay(wait, cts.Token);
                var work = LiveStateAsync(cts.Token);
                var first = await Task.WhenAny(work, timeout).ConfigureAwait(false);
                cts.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
                if (first != work) return null;
                return await work.ConfigureAwait(false);
            }
        }

        private async Task<EvseState?> LiveStateAsync(CancellationToken ct)
        {
            bool loggedIn;
            lock (_sync) loggedIn = _loggedIn;
            if (!loggedIn) await AutoLoginAsync(ct).ConfigureAwait(false);
            return await WaitForStateAsync(null, false, ct).ConfigureAwait(false);
        }

        /// <summary>Hands a reply to the request waiting for it; false when nobody waited.</summary>
        internal bool Deliver(in Datagram d)
        {
            if (d.Command == EmCommand.LoginResponse || d.Command == EmCommand.PasswordErrorResponse)
            {
                lock (_sync) _loginAnswers++;
            }
            if (_requests.Deliver(d)) return true;
            // A late answer to an optional request still shows that this firmware answers it.
            if (_capabilities.LateReply(d.Command, Now, TimeSpan.FromTicks(_requests.BudgetOf(RequestBudget.Full).Ticks * 2))) _communicator.MarkDirty(this);
            return false;
        }

        internal Task SendAsync(EmCommand command, EmPayload payload, EmPassword? passwordOverride = null)
        {
            IPEndPoint? target;
            EmPassword password;
            lock (_sync)
            {
                target = _endPoint;
                password = passwordOverride ?? (_password != null ? EmPassword.FromString(_password) : EmPassword.None);
                if (command == EmCommand.RequestLogin && target != null)
                {
                    _loginRequestsSent++;
                    _lastLoginRequestAt = Now;
                }
            }
            if (target == null)
                throw new EvseException(EvseErrorKind.Connection, ErrorIds.AddressUnknown, "The address of charger " + Serial + " is not known yet: wait for its broadcast (Find-Evse) or connect with -IPAddress.", Serial);
            return _communicator.SendAsync(new Datagram(SerialValue, password, command, payload), target);
        }

        /// <summary>Records the sender of a datagram the charger originated; returns true when it moved.</summary>
        internal bool AcceptEndPoint(IPEndPoint remote, bool originated, out IPEndPoint? previous, out bool rejected)
        {
            rejected = false;
            lock (_sync)
            {
                previous = _endPoint;
                if (_endPoint == null)
                {
                    _endPoint = remote;
                    return false;
                }
                if (_endPoint.Equals(remote)) return false;
                if (!originated || _pinned || _communicator.Options.PinAddresses)
                {
                    rejected = true;
                    return false;
                }
                _endPoint = remote;
                return true;
            }
        }

        internal void SetEndPoint(IPEndPoint endPoint)
        {
            lock (_sync) _endPoint = endPoint;
        }

        /// <summary>Marks the charger seen; returns true when it came online.</summary>
        internal bool Touch(DateTimeOffset now)
        {
            lock (_sync)
            {
                _lastSeen = now;
                _seenThisProcess = true;
                if (_online) return false;
                _online = true;
                return true;
            }
        }

        /// <summary>
        /// Takes the model facts of a Login. <paramref name="quiet"/> for a charger being made: it is not in the
        /// registry yet, so no change may be raised for it (its EvseAdded says it all, and whoever acts on an event
        /// must find the charger by its serial).
        /// </summary>
        internal void ApplyInfo(LoginPayload login, bool quiet = false)
        {
            EvseInfo before, after;
            lock (_sync)
            {
                before = _info.Clone();
                _info.Brand = login.Brand;
                _info.Model = login.Model;
                _info.HardwareVersion = login.HardwareVersion;
                _info.TypeCode = login.Type;
                _info.Phases = login.IsThreePhase ? 3 : 1;
                _info.MaxPowerKW = login.MaxPowerW / 1000.0;
                _info.MaxCurrent = login.MaxAmps;
                _info.HotLine = login.HotLine;
                after = _info.Clone();
            }
            if (quiet) return;
            if (before.Brand != after.Brand || before.Model != after.Model || before.HardwareVersion != after.HardwareVersion || before.TypeCode != after.TypeCode ||
                before.MaxCurrent != after.MaxCurrent || before.MaxPowerKW != after.MaxPowerKW || before.HotLine != after.HotLine)
            {
                _communicator.MarkDirty(this);
                _communicator.Raise(this, EvseChange.Info, before, after);
            }
        }

        internal void ApplyStatus(SingleAcStatusPayload p, DateTimeOffset now)
        {
            var s = EvseState.FromPayload(Serial, p, now);
            EvseState? before;
            bool wasCurrent;
            StateWaiter[] ready;
            lock (_sync)
            {
                before = _state;
                wasCurrent = StateIsCurrent();
                _state = s;
                ready = TakeReadyWaiters(s);
            }
            foreach (var w in ready) w.Tcs.TrySetResult(s.Clone());
            EndSessionsSeenInStatus(s);
            if (s.DiffersFrom(before)) _communicator.Raise(this, EvseChange.State, before?.Clone(), s.Clone());
            var oldMeta = wasCurrent ? before!.State : EvseMetaState.Unknown;
            if (oldMeta != s.State)
            {
                _communicator.Raise(this, EvseChange.StateChanged, oldMeta, s.State);
                if (s.State == EvseMetaState.Charging) _communicator.Raise(this, EvseChange.ChargingStarted, before?.Clone(), s.Clone());
                else if (oldMeta == EvseMetaState.Charging) _communicator.Raise(this, EvseChange.ChargingStopped, CurrentSession ?? LastSession, null);
            }
            if (s.Errors != EvseErrors.None && (before == null || before.Errors != s.Errors))
                _communicator.Raise(this, EvseChange.Error, before?.Errors ?? EvseErrors.None, s.Errors);
        }

        /// <summary>
        /// Firmware that pushes the charging status only while a session runs (Telestar) never says that it
        /// ended: a current status that is no longer charging ends the running session, and one that is no
        /// longer reserved ends the plan.
        /// </summary>
        private void EndSessionsSeenInStatus(EvseState status)
        {
            EvseChargeSession? ended = null, before = null;
            lock (_sync)
            {
                if (!StateIsCurrent()) return;
                if (_current != null && status.State != EvseMetaState.Charging && status.State != EvseMetaState.Unknown)
                {
                    before = _current;
                    ended = EvseChargeSession.Ended(_current, status);
                    _last = ended;
                    _current = null;
                }
                if (_planned != null && status.State != EvseMetaState.Reserved && status.State != EvseMetaState.Unknown && status.State != EvseMetaState.PluggedIn)
                    _planned = null;
            }
            if (ended != null) _communicator.Raise(this, EvseChange.Session, before!.Clone(), ended.Clone());
        }

        private StateWaiter[] TakeReadyWaiters(EvseState s)
        {
            if (!StateIsCurrent() || _stateWaiters.Count == 0) return Array.Empty<StateWaiter>();
            var list = new List<StateWaiter>();
            foreach (var w in _stateWaiters)
            {
                bool ok;
                try
                {
                    ok = w.Condition(s);
                }
#pragma warning disable CA1031 // a caller's condition must not break the receive path
                catch (Exception)
#pragma warning restore CA1031
                {
                    ok = false;
                }
                if (ok) list.Add(w);
            }
            foreach (var w in list) _stateWaiters.Remove(w);
            return list.ToArray();
        }

        /// <summary>Applies a charging status (pushed 5, or 6): updates the current, planned or last session and raises Session changes.</summary>
        internal EvseChargeSession? ApplyChargingStatus(ChargingStatusPayload p)
        {
            var now = Now;
            var s = EvseChargeSession.FromPayload(Serial, p, TimeZone, ClockSkew, now);
            var kind = s.Kind;
            lock (_sync) _sessionReportedAt = now;
            if (kind == EvseSessionKind.Last && p.ChargeId.Length == 0 && p.StartDate.IsZero)
            {
                // A charger that never charged reports an empty status: nothing runs, nothing is planned.
                lock (_sync)
                {
                    _current = null;
                    _planned = null;
                }
                return null;
            }
            EvseChargeSession? before;
            lock (_sync)
            {
                before = kind == EvseSessionKind.Current ? _current : kind == EvseSessionKind.Planned ? _planned : _last;
                switch (kind)
                {
                    case EvseSessionKind.Current:
                        _current = s;
                        _planned = null;
                        break;
                    case EvseSessionKind.Planned:
                        _planned = s;
                        _current = null;
                        break;
                    default:
                        _last = s;
                        _current = null;
                        _planned = null;
                        break;
                }
            }
            if (before == null || before.ChargeId != s.ChargeId || before.State != s.State || Math.Abs(before.EnergyKWh - s.EnergyKWh) >= 0.01 || before.Duration != s.Duration)
                _communicator.Raise(this, EvseChange.Session, before?.Clone(), s.Clone());
            return s.Clone();
        }

        internal bool AddRecord(ChargeRecordPayload p, DateTimeOffset now)
        {
            var record = EvseChargeRecord.FromPayload(Serial, p, TimeZone, ClockSkew, now);
            if (!AddRecord(record)) return false;
            SessionFromRecord(record);
            _communicator.MarkDirty(this);
            _communicator.Raise(this, EvseChange.Record, null, record);
            return true;
        }

        /// <summary>A record of the running or last session completes it with the charger's own totals.</summary>
        private void SessionFromRecord(EvseChargeRecord record)
        {
            if (record.ChargeId.Length == 0) return;
            EvseChargeSession? before, after;
            lock (_sync)
            {
                if (_current?.ChargeId == record.ChargeId) before = _current;
                else if (_last == null || _last.ChargeId == record.ChargeId || (_last.ReceivedAt <= record.ReceivedAt && (!_last.Start.HasValue || record.Start >= _last.Start))) before = _last;
                else return;
                after = EvseChargeSession.FromRecord(record, before?.ChargeId == record.ChargeId ? before : null);
                if (_current?.ChargeId == record.ChargeId) _current = null;
                _last = after;
                _sessionReportedAt ??= record.ReceivedAt;
            }
            _communicator.Raise(this, EvseChange.Session, before?.Clone(), after.Clone());
        }

        internal bool AddRecord(EvseChargeRecord record)
        {
            lock (_sync)
            {
                string key = RecordKey(record);
                if (_records.ContainsKey(key)) return false;
                _records[key] = record;
                _recordOrder.Add(record);
                const int Keep = 500;
                if (_recordOrder.Count > Keep)
                {
                    var old = _recordOrder[0];
                    _recordOrder.RemoveAt(0);
                    _records.Remove(RecordKey(old));
                }
                return true;
            }
        }

        private static string RecordKey(EvseChargeRecord r) =>
            r.ChargeId.Length > 0 ? r.ChargeId : r.Start?.ToString("o", CultureInfo.InvariantCulture) ?? string.Empty;

        private sealed class StateWaiter
        {
            public StateWaiter(Func<EvseState, bool> condition) => Condition = condition;

            public Func<EvseState, bool> Condition { get; }

            public TaskCompletionSource<EvseState> Tcs { get; } = new TaskCompletionSource<EvseState>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
