using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>
    /// One charger known to a communicator: what it said about itself, its live state, its
    /// configuration and sessions, and the commands that control it. Thread-safe.
    /// </summary>
    public sealed class Evse
    {
        private const string NamePrefix = "ACP#";
        private static readonly TimeSpan AnnounceGrace = TimeSpan.FromSeconds(5);
        private readonly object _sync = new object();
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private readonly List<StateWaiter> _stateWaiters = new List<StateWaiter>();
        private readonly Dictionary<string, EvseChargeRecord> _records = new Dictionary<string, EvseChargeRecord>(StringComparer.Ordinal);
        private readonly List<EvseChargeRecord> _recordOrder = new List<EvseChargeRecord>();
        private readonly SemaphoreSlim _loginGate = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, Task<Datagram>> _inFlightGets = new Dictionary<string, Task<Datagram>>(StringComparer.Ordinal);
        private readonly EvseCommunicator _communicator;

        private EvseInfo _info;
        private EvseState? _state;
        private EvseConfig? _config;
        private EvseChargeSession? _current, _planned, _last;
        private IPEndPoint? _endPoint;
        private string? _password;
        private bool _loggedIn, _online, _pinned;
        private DateTimeOffset? _lastSeen, _lastHeading, _lastStartStop, _lastAutoLogin, _skewMeasuredAt, _loggedInAt;
        private TimeSpan _skew;
        private TimeZoneInfo? _timeZone;
        private int _loginInProgress;
        private int _refreshInProgress;
        private int _configVersion;
        private int _loginRequestsSent, _loginAnswers;
        private DateTimeOffset _lastLoginRequestAt;
        private readonly HashSet<EmCommand> _unanswered = new HashSet<EmCommand>();
        private readonly List<KeyValuePair<int, Action<EvseConfig>>> _configChanges = new List<KeyValuePair<int, Action<EvseConfig>>>();

        internal Evse(EvseCommunicator communicator, EvseSerial serial)
        {
            _communicator = communicator;
            SerialValue = serial;
            Serial = serial.ToString();
            _info = new EvseInfo { Serial = Serial };
        }

        internal EvseSerial SerialValue { get; }

        internal EvseCommunicator Communicator => _communicator;

        /// <summary>Serial, 16 hex digits.</summary>
        public string Serial { get; }

        /// <summary>Identity and versions (a copy).</summary>
        public EvseInfo Info
        {
            get { lock (_sync) return _info.Clone(); }
        }

        /// <summary>The charger's name (from its configuration), or empty.</summary>
        public string Name
        {
            get { lock (_sync) return _config?.Name ?? string.Empty; }
        }

        /// <summary>Where the charger's datagrams come from (learned only from datagrams it originates).</summary>
        public IPEndPoint? EndPoint
        {
            get { lock (_sync) return _endPoint; }
        }

        /// <summary>True while datagrams keep arriving.</summary>
        public bool IsOnline
        {
            get { lock (_sync) return _online; }
        }

        /// <summary>True while a login session is live.</summary>
        public bool IsLoggedIn
        {
            get { lock (_sync) return _loggedIn; }
        }

        /// <summary>True when a password that worked is known (it is never exposed).</summary>
        public bool HasPassword
        {
            get { lock (_sync) return _password != null; }
        }

        /// <summary>When the last datagram arrived.</summary>
        public DateTimeOffset? LastSeen
        {
            get { lock (_sync) return _lastSeen; }
        }

        /// <summary>The latest status (a copy), or null before the first.</summary>
        public EvseState? State
        {
            get { lock (_sync) return _state?.Clone(); }
        }

        /// <summary>The overall state.</summary>
        public EvseMetaState MetaState
        {
            get
            {
                lock (_sync)
                {
                    if (!_online) return EvseMetaState.Offline;
                    return _state?.State ?? EvseMetaState.Unknown;
                }
            }
        }

        /// <summary>The latest configuration (a copy), or null before it was read.</summary>
        public EvseConfig? Config
        {
            get { lock (_sync) return _config?.Clone(); }
        }

        /// <summary>The session charging now, if any.</summary>
        public EvseChargeSession? CurrentSession
        {
            get { lock (_sync) return _current?.Clone(); }
        }

        /// <summary>The planned (reserved) session, if any.</summary>
        public EvseChargeSession? PlannedSession
        {
            get { lock (_sync) return _planned?.Clone(); }
        }

        /// <summary>The last finished session, if known.</summary>
        public EvseChargeSession? LastSession
        {
            get { lock (_sync) return _last?.Clone(); }
        }

        /// <summary>Charge records received (acknowledged), oldest first.</summary>
        public IReadOnlyList<EvseChargeRecord> Records
        {
            get { lock (_sync) return _recordOrder.ToArray(); }
        }

        /// <summary>The time zone the charger lives in (default: the communicator's default zone).</summary>
        public TimeZoneInfo TimeZone
        {
            get { lock (_sync) return _timeZone ?? _communicator.Options.DefaultTimeZone; }
            set
            {
                lock (_sync) _timeZone = value;
                _communicator.MarkDirty(this);
            }
        }

        /// <summary>When true, datagrams for this charger from another address are ignored.</summary>
        public bool IsPinned
        {
            get { lock (_sync) return _pinned || _communicator.Options.PinAddresses; }
            set
            {
                lock (_sync) _pinned = value;
                _communicator.MarkDirty(this);
            }
        }

        /// <summary>The charger clock's offset from this host (charger minus host), when measured.</summary>
        public TimeSpan? ClockSkew
        {
            get { lock (_sync) return _skewMeasuredAt.HasValue ? _skew : (TimeSpan?)null; }
        }

        /// <summary>When the last start or stop was sent (for the wear guard).</summary>
        public DateTimeOffset? LastStartStop
        {
            get { lock (_sync) return _lastStartStop; }
        }

        private DateTimeOffset Now => _communicator.Options.TimeProvider.GetUtcNow();

        /// <inheritdoc/>
        public override string ToString()
        {
            lock (_sync)
            {
                string name = _config?.Name ?? string.Empty;
                return Serial + (name.Length > 0 ? " '" + name + "'" : string.Empty) + " " + (_online ? (_state?.State ?? EvseMetaState.Unknown).ToString() : "Offline");
            }
        }

        // ------------------------------------------------------------------ login

        /// <summary>
        /// Logs in: RequestLogin, then LoginResponse or PasswordErrorResponse, then LoginConfirm.
        /// The password is remembered (and stored) only after it worked.
        /// </summary>
        /// <exception cref="EvseAuthenticationException">The charger refused the password.</exception>
        /// <exception cref="EvseTimeoutException">No answer within the retry budget.</exception>
        public async Task LoginAsync(string password, CancellationToken cancellationToken = default)
        {
            if (!EmPassword.IsValid(password))
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidPassword", "The password must be exactly 6 printable ASCII characters (the charger's 6-digit PIN).", Serial);
            var secret = EmPassword.FromString(password);
            await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _loginInProgress, 1);
            try
            {
                // Answers to login requests are not numbered: requests of a just-finished login that were
                // resent may still be answered. Skip as many late answers as such requests are outstanding.
                int stale;
                lock (_sync)
                {
                    stale = Now - _lastLoginRequestAt < TimeSpan.FromTicks(_communicator.Options.RequestTimeout.Ticks * 2)
                        ? Math.Max(0, _loginRequestsSent - _loginAnswers) : 0;
                    _loginAnswers = _loginRequestsSent;
                }
                Func<Datagram, bool> answer = d =>
                {
                    if (d.Command != EmCommand.LoginResponse && d.Command != EmCommand.PasswordErrorResponse) return false;
                    if (stale > 0)
                    {
                        stale--;
                        return false;
                    }
                    return true;
                };
                var reply = await RequestAsync(EmCommand.RequestLogin, ByteValuePayload.Zero, answer, secret, "log in", false, cancellationToken).ConfigureAwait(false);
                if (reply.Command == EmCommand.PasswordErrorResponse)
                {
                    // A PasswordErrorResponse carries nothing to correlate it with: a late one meant for an
                    // earlier try (another password, or a lost-and-resent request) must not fail this login.
                    // Ask once more; a wrong password is refused again.
                    reply = await RequestAsync(EmCommand.RequestLogin, ByteValuePayload.Zero, answer, secret, "log in", false, cancellationToken).ConfigureAwait(false);
                }
                if (reply.Command == EmCommand.PasswordErrorResponse)
                {
                    throw new EvseAuthenticationException("Charger " + Serial + " refused the password.", Serial);
                }
                if (reply.Payload is LoginPayload login) ApplyInfo(login);
                bool changed;
                // Live before the confirm leaves: the charger's first pushes follow it at once and
                // their acknowledgements must already carry the password.
                lock (_sync)
                {
                    changed = !_loggedIn;
                    _loggedIn = true;
                    _password = password;
                    _lastHeading = Now;
                    _loggedInAt = Now;
                }
                await SendAsync(EmCommand.LoginConfirm, ByteValuePayload.Zero, secret).ConfigureAwait(false);
                _communicator.MarkDirty(this, saveNow: true);
                if (changed) _communicator.Raise(this, EvseChange.Login, false, true);
            }
            finally
            {
                Interlocked.Exchange(ref _loginInProgress, 0);
                _loginGate.Release();
            }
            _communicator.RunBackground(AfterLoginAsync);
        }

        private async Task AfterLoginAsync(CancellationToken ct)
        {
            await RequestAsync(EmCommand.RequestChargingStatus, ByteValuePayload.Zero, d => d.Command == EmCommand.SingleAcChargingStatusResponse, null, "read the charging status", false, ct).ConfigureAwait(false);
            bool needVersion;
            lock (_sync) needVersion = _info.SoftwareVersion.Length == 0;
            if (needVersion) await GetVersionAsync(ct).ConfigureAwait(false);
            await GetConfigAsync(_communicator.Options.ConfigRefreshInterval, ct).ConfigureAwait(false);
        }

        /// <summary>Logs in with the stored password unless a session is live.</summary>
        /// <exception cref="EvseException">No password is known (EvseNotConnected), or the login failed.</exception>
        public async Task EnsureLoggedInAsync(CancellationToken cancellationToken = default)
        {
            string? password;
            lock (_sync)
            {
                if (_loggedIn) return;
                password = _password;
            }
            if (password == null)
                throw new EvseException(EvseErrorKind.InvalidOperation, "EvseNotConnected", "Charger " + Serial + " is not connected and no password is stored for it. Use Connect-Evse -Password first.", Serial);
            await LoginAsync(password, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Ends the session on our side (the charger notices when Headings go unanswered) and forgets nothing.</summary>
        public void Disconnect()
        {
            bool changed;
            lock (_sync)
            {
                changed = _loggedIn;
                _loggedIn = false;
            }
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        // ------------------------------------------------------------------ configuration

        /// <summary>Reads the software version.</summary>
        public async Task<EvseInfo> GetVersionAsync(CancellationToken cancellationToken = default)
        {
            var reply = await RequestAsync(EmCommand.GetVersion, EmptyPayload.Instance, d => d.Command == EmCommand.GetVersionResponse, null, "read the version", true, cancellationToken).ConfigureAwait(false);
            var v = (VersionPayload)reply.Payload;
            EvseInfo before, after;
            lock (_sync)
            {
                before = _info.Clone();
                _info.SoftwareVersion = v.SoftwareVersion;
                if (v.HardwareVersion.Length > 0) _info.HardwareVersion = v.HardwareVersion;
                _info.Feature = v.Feature;
                after = _info.Clone();
            }
            if (before.SoftwareVersion != after.SoftwareVersion || before.HardwareVersion != after.HardwareVersion)
            {
                _communicator.MarkDirty(this);
                _communicator.Raise(this, EvseChange.Info, before, after);
            }
            return after;
        }

        /// <summary>Returns the configuration, reading it again when it is older than <paramref name="maxAge"/>.</summary>
        public async Task<EvseConfig> GetConfigAsync(TimeSpan? maxAge = null, CancellationToken cancellationToken = default)
        {
            var age = maxAge ?? _communicator.Options.ConfigRefreshInterval;
            lock (_sync)
            {
                if (_config != null && Now - _config.ReadAt < age) return _config.Clone();
            }
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            int startVersion;
            lock (_sync) startVersion = _configVersion;
            EvseConfig? previous;
            lock (_sync) previous = _config;
            var name = Get<NickNamePayload>(EmCommand.SetAndGetNickName, new NickNamePayload(), EmCommand.SetAndGetNickNameResponse, cancellationToken);
            var amps = Get<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload(), EmCommand.SetAndGetOutputElectricityResponse, cancellationToken);
            var offline = Optional<OfflineChargePayload>(EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload(), EmCommand.SetAndGetOffLineChargeResponse, cancellationToken);
            var language = Optional<LanguagePayload>(EmCommand.SetAndGetLanguage, new LanguagePayload(), EmCommand.SetAndGetLanguageResponse, cancellationToken);
            var unit = Optional<TemperatureUnitPayload>(EmCommand.SetAndGetTemperatureUnit, new TemperatureUnitPayload(), EmCommand.SetAndGetTemperatureUnitResponse, cancellationToken);
            var schedule = Optional<WeeklySchedulePayload>(EmCommand.SetAndGetAlarmChargeStrategy, WeeklySchedulePayload.Get(), EmCommand.SetAndGetAlarmChargeStrategyResponse, cancellationToken);
            await Task.WhenAll(name, amps, offline, language, unit, schedule).ConfigureAwait(false);
            var off = await offline.ConfigureAwait(false);
            var lang = await language.ConfigureAwait(false);
            var temp = await unit.ConfigureAwait(false);
            var week = await schedule.ConfigureAwait(false);
            var config = new EvseConfig
            {
                Serial = Serial,
                ReadAt = Now,
                Name = StripPrefix((await name.ConfigureAwait(false)).Name),
                MaxCurrent = (await amps.ConfigureAwait(false)).Amps,
                OfflineCharge = off?.Mode ?? previous?.OfflineCharge ?? OfflineCharge.Enabled,
                OfflineChargeRaw = off?.RawValue ?? previous?.OfflineChargeRaw ?? 0,
                Language = lang?.Language ?? previous?.Language ?? EvseLanguage.Unknown,
                TemperatureUnit = temp?.Unit ?? previous?.TemperatureUnit ?? TemperatureUnit.Unknown,
                Schedule = week != null ? ToSchedule(week.Slots) : previous?.Schedule,
            };
            lock (_sync)
            {
                // Settings written while this read was under way win over what the read saw.
                foreach (var change in _configChanges)
                    if (change.Key > startVersion) change.Value(config);
            }
            SetConfig(config);
            return config.Clone();
        }

        private void SetConfig(EvseConfig config)
        {
            EvseConfig? before;
            lock (_sync)
            {
                before = _config;
                _config = config;
            }
            _communicator.MarkDirty(this);
            if (before == null || before.Name != config.Name || before.MaxCurrent != config.MaxCurrent || before.OfflineChargeRaw != config.OfflineChargeRaw ||
                before.Language != config.Language || before.TemperatureUnit != config.TemperatureUnit || !SameSchedule(before.Schedule, config.Schedule))
            {
                _communicator.Raise(this, EvseChange.Config, before?.Clone(), config.Clone());
            }
        }

        private void UpdateConfig(Action<EvseConfig> change)
        {
            EvseConfig next;
            lock (_sync)
            {
                next = _config?.Clone() ?? new EvseConfig { Serial = Serial, ReadAt = DateTimeOffset.MinValue };
                _configVersion++;
                _configChanges.Add(new KeyValuePair<int, Action<EvseConfig>>(_configVersion, change));
                if (_configChanges.Count > 16) _configChanges.RemoveAt(0);
            }
            change(next);
            SetConfig(next);
        }

        /// <summary>
        /// A setting not every firmware answers: after one unanswered read it is not asked again in
        /// this session (so a configuration read does not wait out the retry budget every time).
        /// </summary>
        private async Task<T?> Optional<T>(EmCommand command, EmPayload payload, EmCommand reply, CancellationToken ct) where T : EmPayload
        {
            lock (_sync)
            {
                if (_unanswered.Contains(command)) return null;
            }
            try
            {
                return await Get<T>(command, payload, reply, ct).ConfigureAwait(false);
            }
            catch (EvseTimeoutException)
            {
                lock (_sync) _unanswered.Add(command);
                return null;
            }
        }

        private async Task<T> Get<T>(EmCommand command, EmPayload payload, EmCommand reply, CancellationToken ct) where T : EmPayload
        {
            var d = await RequestAsync(command, payload, x => x.Command == reply && x.Payload is T, null, "read " + Describe(command), true, ct).ConfigureAwait(false);
            return (T)d.Payload;
        }

        /// <summary>Reads the configured maximum current with a single request (cheaper than a full configuration read).</summary>
        public async Task<int> GetMaxCurrentAsync(CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var amps = (await Get<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload(), EmCommand.SetAndGetOutputElectricityResponse, cancellationToken).ConfigureAwait(false)).Amps;
            lock (_sync)
            {
                if (_config != null) _config.MaxCurrent = amps;
            }
            return amps;
        }

        /// <summary>Sets the name (written with the ACP# prefix; at most 28 ASCII characters). Verified by the echo.</summary>
        public async Task SetNameAsync(string name, CancellationToken cancellationToken = default)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            string trimmed = name.Trim();
            try
            {
                EmText.Validate(trimmed, 32 - NamePrefix.Length, "Name");
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidName", ex.Message, Serial);
            }
            await SetAsync(EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Set, Name = NamePrefix + trimmed },
                EmCommand.SetAndGetNickNameResponse, p => StripPrefix(((NickNamePayload)p).Name) == trimmed, p => StripPrefix(((NickNamePayload)p).Name), "name", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Name = trimmed);
        }

        /// <summary>Sets the configured maximum current (6 to the charger's maximum). Verified by the echo.</summary>
        public async Task SetMaxCurrentAsync(int amps, CancellationToken cancellationToken = default)
        {
            int max = MaxAllowedCurrent();
            if (amps < 6 || amps > max)
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidCurrent", "MaxCurrent must be 6-" + max + " A for charger " + Serial + "; got " + amps + ".", Serial);
            await SetAsync(EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = (byte)amps },
                EmCommand.SetAndGetOutputElectricityResponse, p => ((OutputElectricityPayload)p).Amps == amps, p => ((OutputElectricityPayload)p).Amps, "maximum current", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.MaxCurrent = amps);
        }

        /// <summary>Sets the offline charge mode (raw value 0-255 is sent as given). Verified by the echo.</summary>
        public async Task SetOfflineChargeAsync(OfflineCharge mode, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload { Action = SetAndGetAction.Set, Mode = mode },
                EmCommand.SetAndGetOffLineChargeResponse, p => ((OfflineChargePayload)p).Mode == mode, p => ((OfflineChargePayload)p).Mode, "offline charge", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c =>
            {
                c.OfflineCharge = mode;
                c.OfflineChargeRaw = (byte)mode;
            });
        }

        /// <summary>Sets the display language. Verified by the echo.</summary>
        public async Task SetLanguageAsync(EvseLanguage language, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetLanguage, new LanguagePayload { Action = SetAndGetAction.Set, Language = language },
                EmCommand.SetAndGetLanguageResponse, p => ((LanguagePayload)p).Language == language, p => ((LanguagePayload)p).Language, "language", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Language = language);
        }

        /// <summary>Sets the temperature unit. Verified by the echo.</summary>
        public async Task SetTemperatureUnitAsync(TemperatureUnit unit, CancellationToken cancellationToken = default)
        {
            await SetAsync(EmCommand.SetAndGetTemperatureUnit, new TemperatureUnitPayload { Action = SetAndGetAction.Set, Unit = unit },
                EmCommand.SetAndGetTemperatureUnitResponse, p => ((TemperatureUnitPayload)p).Unit == unit, p => ((TemperatureUnitPayload)p).Unit, "temperature unit", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.TemperatureUnit = unit);
        }

        /// <summary>Sets the weekly schedule. Verified by the echo.</summary>
        public async Task SetScheduleAsync(EvseSchedule schedule, CancellationToken cancellationToken = default)
        {
            if (schedule == null) throw new ArgumentNullException(nameof(schedule));
            ScheduleSlot[] slots;
            try
            {
                slots = ToSlots(schedule);
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidSchedule", ex.Message, Serial);
            }
            var expected = ToSchedule(slots);
            await SetAsync(EmCommand.SetAndGetAlarmChargeStrategy, new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = slots },
                EmCommand.SetAndGetAlarmChargeStrategyResponse, p => SameSchedule(ToSchedule(((WeeklySchedulePayload)p).Slots), expected), p => ToSchedule(((WeeklySchedulePayload)p).Slots), "schedule", cancellationToken).ConfigureAwait(false);
            UpdateConfig(c => c.Schedule = expected);
        }

        private async Task SetAsync(EmCommand command, EmPayload payload, EmCommand reply, Func<EmPayload, bool> applied, Func<EmPayload, object?> shown, string what, CancellationToken ct)
        {
            await EnsureLoggedInAsync(ct).ConfigureAwait(false);
            object? lastSeen = null;
            bool sawReply = false;
            try
            {
                await RequestAsync(command, payload, d =>
                {
                    if (d.Command != reply) return false;
                    if (applied(d.Payload)) return true;
                    sawReply = true;
                    lastSeen = shown(d.Payload);
                    return false;
                }, null, "set the " + what, false, ct).ConfigureAwait(false);
            }
            catch (EvseTimeoutException) when (sawReply)
            {
                throw new EvseCommandRejectedException("EvseSettingNotApplied", "NotApplied", 0,
                    "Charger " + Serial + " did not apply the " + what + ": it keeps reporting '" + lastSeen + "'.", Serial);
            }
        }

        private int MaxAllowedCurrent()
        {
            lock (_sync)
            {
                int max = _info.MaxCurrent;
                return max >= 6 && max <= 32 ? max : 32;
            }
        }

        // ------------------------------------------------------------------ time

        /// <summary>Reads the charger's clock and measures its skew from this host.</summary>
        public async Task<EvseSystemTime> GetSystemTimeAsync(CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var reply = await RequestAsync(EmCommand.SetAndGetSystemTime, SystemTimePayload.Get(), d => d.Command == EmCommand.SetAndGetSystemTimeResponse, null, "read the clock", true, cancellationToken).ConfigureAwait(false);
            return RecordTime(((SystemTimePayload)reply.Payload).Time);
        }

        /// <summary>Sets the charger's clock (default: now) in its time zone, DST-correct.</summary>
        public async Task<EvseSystemTime> SetSystemTimeAsync(DateTimeOffset? time = null, CancellationToken cancellationToken = default)
        {
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var zone = TimeZone;
            var target = time ?? Now;
            EmTimestamp stamp;
            try
            {
                stamp = EmTimestamp.FromInstant(target, zone);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidTime", ex.Message, Serial);
            }
            var reply = await RequestAsync(EmCommand.SetAndGetSystemTime, SystemTimePayload.Set(stamp),
                d => d.Command == EmCommand.SetAndGetSystemTimeResponse && Math.Abs((long)((SystemTimePayload)d.Payload).Time.Raw - stamp.Raw) <= 30,
                null, "set the clock", false, cancellationToken).ConfigureAwait(false);
            var result = RecordTime(((SystemTimePayload)reply.Payload).Time);
            if (time.HasValue)
            {
                // The clock was set to a chosen time: the skew measures the choice, not drift.
                lock (_sync) _skewMeasuredAt = null;
            }
            return result;
        }

        private EvseSystemTime RecordTime(EmTimestamp stamp)
        {
            var zone = TimeZone;
            var host = Now;
            var charger = stamp.ToInstant(zone);
            var skew = charger - host;
            lock (_sync)
            {
                _skew = skew;
                _skewMeasuredAt = host;
            }
            return new EvseSystemTime { Serial = Serial, ChargerTime = charger, HostTime = host.ToOffset(zone.GetUtcOffset(host.UtcDateTime)), Skew = skew, TimeZone = zone.Id };
        }

        // ------------------------------------------------------------------ charging

        /// <summary>
        /// Starts a charge now, or plans it (start within 24 h). The charger's error and reservation
        /// codes become <see cref="EvseCommandRejectedException"/>s; the wear guard refuses a start too soon
        /// after the last start or stop unless forced. A retried start is recognised by its charge id, so a
        /// charge is never started twice.
        /// </summary>
        public async Task<ChargeStartResult> StartChargeAsync(ChargeStartOptions options, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            CheckWearGuard(options.Force, "start");
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            var zone = TimeZone;
            var now = Now;
            int amps = options.MaxCurrent ?? 0;
            if (amps == 0)
            {
                var config = await GetConfigAsync(null, cancellationToken).ConfigureAwait(false);
                amps = config.MaxCurrent;
            }
            int max = MaxAllowedCurrent();
            if (amps < 6 || amps > max)
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidCurrent", "MaxCurrent must be 6-" + max + " A for charger " + Serial + "; got " + amps + ".", Serial);
            string userId = string.IsNullOrEmpty(options.UserId) ? "emproto" : options.UserId;
            string chargeId = options.ChargeId ?? NewChargeId(now, zone);
            ValidateText(userId, "UserId");
            ValidateText(chargeId, "ChargeId");

            bool reservation = options.StartAt.HasValue && options.StartAt.Value > now;
            var startAt = reservation ? options.StartAt!.Value : now;
            if (reservation && startAt - now > TimeSpan.FromHours(24))
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseStartTooFarAhead", "StartAt must be within 24 hours (the charger refuses planned starts further ahead); " + startAt.ToString("o", CultureInfo.InvariantCulture) + " is " + (startAt - now).TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h away.", Serial);
            if (reservation)
            {
                // The charger compares against its own clock: measure it (at most 10 minutes old) and shift.
                TimeSpan? skew;
                lock (_sync) skew = _skewMeasuredAt.HasValue && now - _skewMeasuredAt.Value < TimeSpan.FromMinutes(10) ? _skew : (TimeSpan?)null;
                if (!skew.HasValue) skew = (await GetSystemTimeAsync(cancellationToken).ConfigureAwait(false)).Skew;
                startAt += skew.Value;
                // EM timestamps are whole seconds: round rather than truncate, so 23:30 stays 23:30.
                long seconds = (long)Math.Round(startAt.UtcTicks / (double)TimeSpan.TicksPerSecond);
                startAt = new DateTimeOffset(seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            }
            ushort duration = 0xFFFF;
            if (options.MaxDuration.HasValue)
            {
                double minutes = Math.Ceiling(options.MaxDuration.Value.TotalMinutes);
                if (minutes < 1 || minutes > 65534)
                    throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidDuration", "MaxDuration must be 1 minute to 65534 minutes; got " + options.MaxDuration.Value + ".", Serial);
                duration = (ushort)minutes;
            }
            ushort energy = 0xFFFF;
            if (options.MaxEnergyKWh.HasValue)
            {
                double raw = Math.Round(options.MaxEnergyKWh.Value * 100);
                if (raw < 1 || raw > 65534)
                    throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalidEnergy", "MaxEnergyKWh must be 0.01-655.34 kWh; got " + options.MaxEnergyKWh.Value.ToString(CultureInfo.InvariantCulture) + ".", Serial);
                energy = (ushort)raw;
            }
            int phases;
            lock (_sync) phases = _info.Phases;
            var payload = new ChargeStartPayload
            {
                LineId = (byte)(phases == 3 && !options.SinglePhase ? 2 : 1),
                UserId = userId,
                ChargeId = chargeId,
                IsReservation = (byte)(reservation ? 1 : 0),
                ReservationDate = EmTimestamp.FromInstant(startAt, zone),
                MaxDurationMinutes = duration,
                MaxEnergyRaw = energy,
                MaxAmps = (byte)amps,
            };
            lock (_sync) _lastStartStop = now;
            _communicator.MarkDirty(this);
            var reply = await RequestAsync(EmCommand.ChargeStart, payload, d => d.Command == EmCommand.ChargeStartResponse, null, "start charging", false, cancellationToken).ConfigureAwait(false);
            var r = (ChargeStartResponsePayload)reply.Payload;
            if (!r.IsSuccess)
            {
                bool ours = false;
                if (r.ErrorReason == ChargeStartError.AlreadyCharging || r.ReservationResult == ReservationResult.AlreadyCharging ||
                    r.ErrorReason == ChargeStartError.ReservationPending || r.ReservationResult == ReservationResult.AlreadyReserved)
                {
                    // A retried start lands on our own session: recognise it by the charge id.
                    var session = await RefreshSessionAsync(cancellationToken).ConfigureAwait(false);
                    ours = session != null && session.ChargeId == chargeId;
                }
                if (!ours) throw StartRejected(r);
            }
            _communicator.RunBackground(ct => RefreshSessionAsync(ct));
            return new ChargeStartResult
            {
                Serial = Serial,
                ChargeId = chargeId,
                IsReservation = reservation && r.ReservationResult != ReservationResult.InThePast,
                StartAt = reservation ? options.StartAt!.Value.ToOffset(zone.GetUtcOffset(options.StartAt.Value.UtcDateTime)) : (DateTimeOffset?)null,
                MaxCurrent = r.MaxAmps != 0 ? r.MaxAmps : amps,
                ReservationResult = r.ReservationResult,
            };
        }

        /// <summary>Stops charging, or cancels a planned charge.</summary>
        public async Task StopChargeAsync(string? userId = null, bool force = false, CancellationToken cancellationToken = default)
        {
            CheckWearGuard(force, "stop");
            await EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
            string user = string.IsNullOrEmpty(userId) ? "emproto" : userId!;
            ValidateText(user, "UserId");
            lock (_sync) _lastStartStop = Now;
            _communicator.MarkDirty(this);
            var reply = await RequestAsync(EmCommand.ChargeStop, new ChargeStopPayload { UserId = user }, d => d.Command == EmCommand.ChargeStopResponse, null, "stop charging", false, cancellationToken).ConfigureAwait(false);
            var r = (ChargeStopResponsePayload)reply.Payload;
            if (r.FailReason != 0)
            {
                // A retried stop finds nothing left to stop (the first one worked and its answer was
                // lost): that is the outcome we wanted. Ask the charger rather than trust a stale push.
                var session = await RefreshSessionAsync(cancellationToken).ConfigureAwait(false);
                if (session != null && (session.Kind == EvseSessionKind.Current || session.Kind == EvseSessionKind.Planned))
                    throw new EvseCommandRejectedException("EvseStopRejected", "StopFailed", r.FailReason, "Charger " + Serial + " refused to stop (reason " + r.FailReason + ").", Serial);
            }
            _communicator.RunBackground(ct => RefreshSessionAsync(ct));
        }

        /// <summary>Asks for the charging status and returns the session it describes.</summary>
        public async Task<EvseChargeSession?> RefreshSessionAsync(CancellationToken cancellationToken = default)
        {
            var reply = await RequestAsync(EmCommand.RequestChargingStatus, ByteValuePayload.Zero, d => d.Command == EmCommand.SingleAcChargingStatusResponse, null, "read the charging status", true, cancellationToken).ConfigureAwait(false);
            return ToSession((ChargingStatusPayload)reply.Payload);
        }

        /// <summary>Waits for the next status push (or one that satisfies <paramref name="condition"/>).</summary>
        public Task<EvseState> WaitForStateAsync(Func<EvseState, bool>? condition, bool freshOnly, CancellationToken cancellationToken)
        {
            var w = new StateWaiter(condition ?? (_ => true));
            lock (_sync)
            {
                if (!freshOnly && _state != null && _online && w.Condition(_state)) return Task.FromResult(_state.Clone());
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

        private void CheckWearGuard(bool force, string what)
        {
            if (force) return;
            var interval = _communicator.Options.WearGuardInterval;
            DateTimeOffset? last;
            lock (_sync) last = _lastStartStop;
            if (last.HasValue && Now - last.Value < interval)
            {
                var allowed = last.Value + interval;
                throw new EvseWearGuardException(
                    "Refusing to " + what + " charger " + Serial + ": the last start/stop was " + (int)(Now - last.Value).TotalSeconds + " s ago, and starts and stops within " +
                    (int)interval.TotalSeconds + " s wear the relays and the car's contactors. Allowed from " + allowed.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) +
                    " (" + allowed.ToString("o", CultureInfo.InvariantCulture) + "); use -Force to override.", allowed, Serial);
            }
        }

        private EvseCommandRejectedException StartRejected(ChargeStartResponsePayload r)
        {
            if (r.ErrorReason != ChargeStartError.None)
            {
                string reason = Enum.IsDefined(typeof(ChargeStartError), r.ErrorReason) ? r.ErrorReason.ToString() : "Code" + (int)r.ErrorReason;
                string text = r.ErrorReason switch
                {
                    ChargeStartError.NotPluggedIn => "no car is plugged in",
                    ChargeStartError.AlreadyCharging => "it is already charging",
                    ChargeStartError.IncorrectPower => "the current was refused",
                    ChargeStartError.IncorrectTime => "the time was refused (check the charger's clock: Get-EvseSystemTime)",
                    ChargeStartError.ReservationPending => "a planned charge is pending (Stop-EvseCharge cancels it)",
                    ChargeStartError.SystemMaintenance => "it is in maintenance",
                    _ => "error " + reason,
                };
                return new EvseCommandRejectedException("EvseStart" + reason, reason, (int)r.ErrorReason, "Charger " + Serial + " refused to start: " + text + ".", Serial);
            }
            string rr = Enum.IsDefined(typeof(ReservationResult), r.ReservationResult) ? r.ReservationResult.ToString() : "Code" + (int)r.ReservationResult;
            string why = r.ReservationResult switch
            {
                ReservationResult.TooFarAhead => "the planned start is too far ahead (more than 24 h)",
                ReservationResult.NotSupported => "it does not support planned starts",
                ReservationResult.AlreadyReserved => "a planned charge already exists",
                _ => "reservation result " + rr,
            };
            return new EvseCommandRejectedException("EvseReservation" + rr, rr, (int)r.ReservationResult, "Charger " + Serial + " refused the planned start: " + why + ".", Serial);
        }

        private void ValidateText(string value, string field)
        {
            try
            {
                EmText.Validate(value, 16, field);
            }
            catch (ArgumentException ex)
            {
                throw new EvseException(EvseErrorKind.InvalidArgument, "EvseInvalid" + field, ex.Message, Serial);
            }
        }

        private static string NewChargeId(DateTimeOffset now, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            int random;
            lock (Rng) random = Rng.Next(10000);
            return local.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + random.ToString("0000", CultureInfo.InvariantCulture);
        }

        private static readonly Random Rng = new Random();

        // ------------------------------------------------------------------ requests

        /// <summary>
        /// Sends a request and waits for the datagram <paramref name="match"/> accepts, resending on the
        /// communicator's retry budget. Identical GETs in flight share one exchange.
        /// </summary>
        internal Task<Datagram> RequestAsync(EmCommand command, EmPayload payload, Func<Datagram, bool> match, EmPassword? passwordOverride, string describe, bool dedupe, CancellationToken ct)
        {
            if (!dedupe) return RequestCoreAsync(command, payload, match, passwordOverride, describe, ct);
            var bytes = new byte[payload.Length];
            payload.Write(bytes, 0);
            string key = ((int)command).ToString(CultureInfo.InvariantCulture) + ":" + HexText.ToHex(bytes, 0, bytes.Length);
            lock (_sync)
            {
                if (_inFlightGets.TryGetValue(key, out var existing)) return existing.WaitWithCancellation(ct);
                var task = RequestCoreAsync(command, payload, match, passwordOverride, describe, _communicator.Lifetime);
                _inFlightGets[key] = task;
                task.ContinueWith(_ =>
                {
                    lock (_sync) _inFlightGets.Remove(key);
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return task.WaitWithCancellation(ct);
            }
        }

        private async Task<Datagram> RequestCoreAsync(EmCommand command, EmPayload payload, Func<Datagram, bool> match, EmPassword? passwordOverride, string describe, CancellationToken ct)
        {
            var options = _communicator.Options;
            var waiter = new Waiter(match);
            lock (_sync) _waiters.Add(waiter);
            try
            {
                int attempts = options.RetryCount + 1;
                for (int attempt = 0; attempt < attempts; attempt++)
                {
                    ct.ThrowIfCancellationRequested();
                    if (attempt > 0) _communicator.Counters.Retry();
                    await SendAsync(command, payload, passwordOverride).ConfigureAwait(false);
                    if (await waiter.WaitAsync(options.RequestTimeout, options.TimeProvider, ct).ConfigureAwait(false))
                        return waiter.Result;
                }
                _communicator.Counters.Timeout();
                throw new EvseTimeoutException("Charger " + Serial + " did not answer (" + describe + ") after " + attempts + " tries over " +
                    (options.RequestTimeout.TotalSeconds * attempts).ToString("0.#", CultureInfo.InvariantCulture) + " s. Is it online and on this network?", Serial);
            }
            finally
            {
                lock (_sync) _waiters.Remove(waiter);
            }
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
                throw new EvseException(EvseErrorKind.Connection, "EvseAddressUnknown", "The address of charger " + Serial + " is not known yet: wait for its broadcast (Find-Evse) or connect with -IPAddress.", Serial);
            return _communicator.SendAsync(new Datagram(SerialValue, password, command, payload), target);
        }

        /// <summary>Hands a reply to the request waiting for it; false when nobody waited.</summary>
        internal bool Deliver(in Datagram d)
        {
            if (d.Command == EmCommand.LoginResponse || d.Command == EmCommand.PasswordErrorResponse)
            {
                lock (_sync) _loginAnswers++;
            }
            Waiter? hit = null;
            lock (_sync)
            {
                foreach (var w in _waiters)
                {
                    if (!w.IsDone && w.Match(d))
                    {
                        hit = w;
                        break;
                    }
                }
            }
            return hit != null && hit.Complete(d);
        }

        internal void FailWaiters(Exception error)
        {
            Waiter[] all;
            lock (_sync) all = _waiters.ToArray();
            foreach (var w in all) w.Fail(error);
        }

        // ------------------------------------------------------------------ incoming

        /// <summary>Requests waiting for an answer plus status waiters (for leak checks).</summary>
        internal int PendingRequestCount
        {
            get { lock (_sync) return _waiters.Count + _stateWaiters.Count; }
        }

        internal bool LoginInProgress => Volatile.Read(ref _loginInProgress) == 1;

        /// <summary>Records the sender of a datagram the charger originated; returns the previous endpoint when it moved.</summary>
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
                if (_online) return false;
                _online = true;
                return true;
            }
        }

        internal void OnHeading(DateTimeOffset now)
        {
            lock (_sync) _lastHeading = now;
        }

        internal bool NeedsLogin(DateTimeOffset now, TimeSpan minimumGap)
        {
            lock (_sync)
            {
                if (_password == null || LoginInProgress) return false;
                if (_lastAutoLogin.HasValue && now - _lastAutoLogin.Value < minimumGap) return false;
                _lastAutoLogin = now;
                return true;
            }
        }

        /// <summary>Added by address (AddEvse), so remembered even before a login.</summary>
        internal bool AddedByAddress { get; set; }

        internal bool IsWorthStoring
        {
            get { lock (_sync) return _password != null || _pinned || _timeZone != null || AddedByAddress || _recordOrder.Count > 0; }
        }

        internal string? StoredPassword
        {
            get { lock (_sync) return _password; }
        }

        /// <summary>The charger broadcast a Login: it no longer considers us registered.</summary>
        internal void OnAnnounce(DateTimeOffset now)
        {
            bool changed;
            lock (_sync)
            {
                // An announce sent just before our login completed crosses it on the wire: not a logout.
                if (_loggedInAt.HasValue && now - _loggedInAt.Value < AnnounceGrace) return;
                changed = _loggedIn;
                _loggedIn = false;
            }
            if (changed) _communicator.Raise(this, EvseChange.Login, true, false);
        }

        /// <summary>The charger says our password is not (or no longer) valid.</summary>
        internal void OnPasswordRejected()
        {
            bool changed;
            lock (_sync)
            {
                changed = _loggedIn;
                _loggedIn = false;
            }
            if (!changed) return;
            FailWaiters(new EvseAuthenticationException("Charger " + Serial + " no longer accepts the stored password (it was changed on the charger?). Connect again with the new password.", Serial));
            _communicator.Raise(this, EvseChange.Login, true, false);
        }

        internal void ApplyInfo(LoginPayload login)
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
            StateWaiter[] ready;
            lock (_sync)
            {
                before = _state;
                _state = s;
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
                ready = list.ToArray();
            }
            foreach (var w in ready) w.Tcs.TrySetResult(s.Clone());
            if (s.DiffersFrom(before)) _communicator.Raise(this, EvseChange.State, before?.Clone(), s.Clone());
            var oldMeta = before?.State ?? EvseMetaState.Unknown;
            if (oldMeta != s.State)
            {
                _communicator.Raise(this, EvseChange.StateChanged, oldMeta, s.State);
                if (s.State == EvseMetaState.Charging) _communicator.Raise(this, EvseChange.ChargingStarted, before?.Clone(), s.Clone());
                else if (oldMeta == EvseMetaState.Charging) _communicator.Raise(this, EvseChange.ChargingStopped, CurrentSession ?? LastSession, null);
            }
            if (s.Errors != EvseErrors.None && (before == null || before.Errors != s.Errors))
                _communicator.Raise(this, EvseChange.Error, before?.Errors ?? EvseErrors.None, s.Errors);
        }

        internal EvseChargeSession? ToSession(ChargingStatusPayload p)
        {
            var s = EvseChargeSession.FromPayload(Serial, p, TimeZone, ClockSkew, Now);
            var kind = s.Kind;
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
            _communicator.MarkDirty(this);
            _communicator.Raise(this, EvseChange.Record, null, record);
            return true;
        }

        internal bool AddRecord(EvseChargeRecord record)
        {
            lock (_sync)
            {
                string key = record.ChargeId.Length > 0 ? record.ChargeId : record.Start?.ToString("o", CultureInfo.InvariantCulture) ?? string.Empty;
                if (_records.ContainsKey(key)) return false;
                _records[key] = record;
                _recordOrder.Add(record);
                const int Keep = 500;
                if (_recordOrder.Count > Keep)
                {
                    var old = _recordOrder[0];
                    _recordOrder.RemoveAt(0);
                    _records.Remove(old.ChargeId.Length > 0 ? old.ChargeId : old.Start?.ToString("o", CultureInfo.InvariantCulture) ?? string.Empty);
                }
                return true;
            }
        }

        /// <summary>Housekeeping: offline detection and session lapse. Returns what to do.</summary>
        internal void Tick(DateTimeOffset now, out bool wentOffline, out bool sessionLapsed)
        {
            lock (_sync)
            {
                wentOffline = _online && _lastSeen.HasValue && now - _lastSeen.Value > _communicator.Options.OfflineAfter;
                if (wentOffline) _online = false;
                sessionLapsed = _loggedIn && _lastHeading.HasValue && now - _lastHeading.Value > _communicator.Options.SessionLapseAfter;
                if (sessionLapsed) _loggedIn = false;
            }
        }

        internal bool ConfigIsStale(DateTimeOffset now)
        {
            lock (_sync)
                return _loggedIn && _online && (_config == null || now - _config.ReadAt >= _communicator.Options.ConfigRefreshInterval);
        }

        internal bool TryBeginRefresh() => Interlocked.CompareExchange(ref _refreshInProgress, 1, 0) == 0;

        internal void EndRefresh() => Interlocked.Exchange(ref _refreshInProgress, 0);

        // ------------------------------------------------------------------ persistence

        internal Persistence.StoredEvse ToStored()
        {
            lock (_sync)
            {
                return new Persistence.StoredEvse
                {
                    Serial = Serial,
                    Info = _info.Clone(),
                    Config = _config?.Clone(),
                    Address = _endPoint?.Address.ToString(),
                    Port = _endPoint?.Port ?? 0,
                    TimeZone = _timeZone?.Id,
                    Pinned = _pinned,
                    LastSeen = _lastSeen,
                    LastStartStop = _lastStartStop,
                    Password = _password,
                    Records = _recordOrder.ToArray(),
                };
            }
        }

        internal void LoadStored(Persistence.StoredEvse stored)
        {
            lock (_sync)
            {
                if (stored.Info != null)
                {
                    _info = stored.Info.Clone();
                    _info.Serial = Serial;
                }
                _config = stored.Config;
                if (stored.Address != null && IPAddress.TryParse(stored.Address, out var ip) && stored.Port > 0 && stored.Port < 65536) _endPoint = new IPEndPoint(ip, stored.Port);
                if (stored.TimeZone != null)
                {
                    try
                    {
                        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(stored.TimeZone);
                    }
                    catch (TimeZoneNotFoundException)
                    {
                        _timeZone = null;
                    }
                    catch (InvalidTimeZoneException)
                    {
                        _timeZone = null;
                    }
                }
                _pinned = stored.Pinned;
                AddedByAddress = true;
                _lastSeen = stored.LastSeen;
                _lastStartStop = stored.LastStartStop;
                if (stored.Password != null && EmPassword.IsValid(stored.Password)) _password = stored.Password;
            }
            if (stored.Records != null) foreach (var r in stored.Records) AddRecord(r);
        }

        // ------------------------------------------------------------------ helpers

        private static string StripPrefix(string name) => name.StartsWith(NamePrefix, StringComparison.Ordinal) ? name.Substring(NamePrefix.Length) : name;

        private static string Describe(EmCommand command) => command.ToString().Replace("SetAndGet", string.Empty);

        internal static EvseSchedule? ToSchedule(ScheduleSlot[]? slots)
        {
            if (slots == null) return null;
            var s = new EvseSchedule();
            for (int i = 0; i < slots.Length; i++)
            {
                s.Days.Add(new EvseScheduleEntry
                {
                    Day = (DayOfWeek)((i + 1) % 7),
                    Enabled = slots[i].Mode == ScheduleSlotMode.On,
                    Start = new TimeSpan(slots[i].Hour, slots[i].Minute, 0),
                    Duration = TimeSpan.FromMinutes(slots[i].DurationMinutes),
                });
            }
            return s;
        }

        internal static ScheduleSlot[] ToSlots(EvseSchedule schedule)
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
                    Mode = entry.Enabled ? ScheduleSlotMode.On : ScheduleSlotMode.Off,
                    Hour = (byte)entry.Start.Hours,
                    Minute = (byte)entry.Start.Minutes,
                    DurationMinutes = (ushort)entry.Duration.TotalMinutes,
                };
            }
            return slots;
        }

        private static bool SameSchedule(EvseSchedule? a, EvseSchedule? b)
        {
            if (a == null || b == null) return a == b;
            if (a.Days.Count != b.Days.Count) return false;
            for (int i = 0; i < a.Days.Count; i++)
            {
                var x = a.Days[i];
                var y = b.Days[i];
                if (x.Day != y.Day || x.Enabled != y.Enabled || x.Start != y.Start || x.Duration != y.Duration) return false;
            }
            return true;
        }

        private sealed class StateWaiter
        {
            public StateWaiter(Func<EvseState, bool> condition) => Condition = condition;

            public Func<EvseState, bool> Condition { get; }

            public TaskCompletionSource<EvseState> Tcs { get; } = new TaskCompletionSource<EvseState>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
