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
    /// <summary>
    /// One simulated EVSEMaster charger on loopback: its own UDP socket, the Login / Heading /
    /// push cadence of PROTOCOL.md, the login handshake, every documented SetAndGet, a charging
    /// state machine with reservations and limits, charge records resent until acknowledged,
    /// and optional fault injection. All time comes from a <see cref="TimeProvider"/>; the
    /// control methods (<see cref="PlugIn"/>, <see cref="AdvanceTime"/>, ...) are thread-safe.
    /// </summary>
    public sealed class SimulatedEvse : IDisposable
    {
        private const double NominalVolts = 230.0;
        private static readonly TimeSpan SampleInterval = TimeSpan.FromMinutes(20);
        private static readonly TimeSpan Param3ZeroStopAfter = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);
        private static readonly TimeSpan MaxClockOffset = TimeSpan.FromDays(3650);

        private readonly object _gate = new object();
        private readonly SimulatorOptions _options;
        private readonly TimeProvider _time;
        private readonly Random _random;
        private readonly PacketFaultInjector _faults;
        private readonly TimeZoneInfo _zone;
        private readonly Queue<ChargeRecordPayload> _pendingRecords = new Queue<ChargeRecordPayload>();
        private readonly ScheduleSlot[] _schedule = new ScheduleSlot[7];

        private UdpClient? _udp;
        private ITimer? _timer;
        private IPEndPoint? _local;
        private bool _started;
        private bool _stopped;

        private EmPassword _password;
        private string _name;
        private int _configuredAmps;
        private byte _offlineCharge;
        private byte _language = (byte)EvseLanguage.English;
        private byte _temperatureUnit = (byte)TemperatureUnit.Celsius;
        private byte _brightness = 80;

        private TimeSpan _advanced;
        private TimeSpan _clockOffset;
        private DateTimeOffset _lastIntegrated;

        private bool _plugged;
        private bool _finishedWhilePlugged;
        private bool _emergency;
        private EvseErrors _errors;
        private double _meterKWh;
        private SimulatedSession? _active;
        private SimulatedSession? _last;
        private TimeSpan _nextSample;

        private bool _registered;
        private int _unansweredHeadings;
        private bool _changed;
        private DateTimeOffset _nextLogin;
        private DateTimeOffset _nextHeading;
        private DateTimeOffset _nextStatus;
        private DateTimeOffset _nextChargingStatus;
        private DateTimeOffset _nextRecord;

        /// <summary>Creates a charger; call <see cref="Start"/> to bind its socket and begin announcing.</summary>
        /// <param name="options">Identity and behaviour (validated; copied).</param>
        /// <param name="timeProvider">The time source; null means <see cref="TimeProvider.System"/>.</param>
        /// <exception cref="ArgumentException">An option is invalid.</exception>
        public SimulatedEvse(SimulatorOptions options, TimeProvider? timeProvider = null)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            _options = options.CloneWith(options.Serial, 0);
            _time = timeProvider ?? TimeProvider.System;
            _random = new Random(_options.Faults.Seed);
            Counters = new SimulatorCounters();
            _faults = new PacketFaultInjector(_options.Faults, _random, Counters, SendRaw);
            _zone = _options.TimeZone ?? TimeZoneInfo.Utc;
            _password = EmPassword.FromString(_options.Password);
            _name = _options.Name;
            _configuredAmps = _options.MaxAmps;
            _clockOffset = _options.ClockOffset;
            _plugged = _options.PluggedIn;
            _meterKWh = _options.InitialMeterKWh;
            for (int i = 0; i < _schedule.Length; i++) _schedule[i] = new ScheduleSlot { Mode = ScheduleSlotMode.Off };
            _lastIntegrated = _time.GetUtcNow();
        }

        /// <summary>The charger's serial.</summary>
        public EvseSerial Serial => _options.Serial;

        /// <summary>A copy of the options the charger was created with (changing it has no effect).</summary>
        public SimulatorOptions Options => _options.CloneWith(_options.Serial, 0);

        /// <summary>The UDP port the charger sends from and listens on (0 before <see cref="Start"/>).</summary>
        public int Port => _local?.Port ?? 0;

        /// <summary>The charger's own endpoint (null before <see cref="Start"/>).</summary>
        public IPEndPoint? LocalEndPoint => _local;

        /// <summary>Where the charger sends everything.</summary>
        public IPEndPoint AppEndPoint => _options.AppEndPoint;

        /// <summary>The password the charger accepts now. It is a simulator's test password, shown on purpose.</summary>
        public string Password
        {
            get { lock (_gate) return _password.Reveal(); }
        }

        /// <summary>Number of phases (1 or 3).</summary>
        public int Phases => _options.Phases;

        /// <summary>Maximum current per phase in amps.</summary>
        public int MaxAmps => _options.MaxAmps;

        /// <summary>The configured output current (SetAndGetOutputElectricity), 6 to <see cref="MaxAmps"/>.</summary>
        public int ConfiguredAmps
        {
            get { lock (_gate) return _configuredAmps; }
        }

        /// <summary>The name the charger reports.</summary>
        public string Name
        {
            get { lock (_gate) return _name; }
        }

        /// <summary>The time zone the charger's clock shows.</summary>
        public TimeZoneInfo TimeZone => _zone;

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning
        {
            get { lock (_gate) return _started && !_stopped; }
        }

        /// <summary>True while an app is registered (logged in and answering Headings).</summary>
        public bool IsRegistered
        {
            get { lock (_gate) return _registered; }
        }

        /// <summary>True while a car is plugged in.</summary>
        public bool IsPluggedIn
        {
            get { lock (_gate) return _plugged; }
        }

        /// <summary>True while the emergency stop is pressed.</summary>
        public bool EmergencyStopPressed
        {
            get { lock (_gate) return _emergency; }
        }

        /// <summary>The error bits the charger reports.</summary>
        public EvseErrors Errors
        {
            get { lock (_gate) return _errors; }
        }

        /// <summary>The protocol state the charger reports (12 not connected, 13 ready, 14 charging, ...).</summary>
        public CurrentState State
        {
            get { lock (_gate) { Integrate(); return ComputeState(); } }
        }

        /// <summary>The gun (plug) state the charger reports.</summary>
        public GunState GunState
        {
            get { lock (_gate) { Integrate(); return ComputeGun(); } }
        }

        /// <summary>The output (relay) state the charger reports.</summary>
        public OutputState OutputState
        {
            get { lock (_gate) { Integrate(); return IsCharging ? OutputState.Charging : OutputState.Idle; } }
        }

        /// <summary>The energy meter in kWh.</summary>
        public double MeterKWh
        {
            get { lock (_gate) { Integrate(); return _meterKWh; } }
        }

        /// <summary>The power being delivered in watts (nominal, without the voltage noise).</summary>
        public double PowerW
        {
            get { lock (_gate) { Integrate(); return IsCharging ? NominalPower(_active!) : 0; } }
        }

        /// <summary>The charger's clock: simulated time plus its drift (<see cref="ClockOffset"/>).</summary>
        public DateTimeOffset Clock
        {
            get { lock (_gate) return TimeZoneInfo.ConvertTime(ChargerClock, _zone); }
        }

        /// <summary>How far the charger's clock is off from (simulated) true time.</summary>
        public TimeSpan ClockOffset
        {
            get { lock (_gate) return _clockOffset; }
        }

        /// <summary>How far <see cref="AdvanceTime"/> has moved this charger beyond its time provider.</summary>
        public TimeSpan AdvancedBy
        {
            get { lock (_gate) return _advanced; }
        }

        /// <summary>The ongoing or planned session, else the last finished one; null if there never was one.</summary>
        public SimulatedSession? Session
        {
            get { lock (_gate) { Integrate(); return _active ?? _last; } }
        }

        /// <summary>The offline charge (start mode) byte: 0, 1 or 2.</summary>
        public byte OfflineCharge
        {
            get { lock (_gate) return _offlineCharge; }
        }

        /// <summary>The display language.</summary>
        public EvseLanguage Language
        {
            get { lock (_gate) return (EvseLanguage)_language; }
        }

        /// <summary>The temperature unit shown.</summary>
        public TemperatureUnit TemperatureUnit
        {
            get { lock (_gate) return (TemperatureUnit)_temperatureUnit; }
        }

        /// <summary>Screen brightness, 0 to 100.</summary>
        public int Brightness
        {
            get { lock (_gate) return _brightness; }
        }

        /// <summary>A copy of the weekly schedule, Monday first.</summary>
        public IReadOnlyList<ScheduleSlot> Schedule
        {
            get
            {
                lock (_gate)
                {
                    var copy = new ScheduleSlot[7];
                    for (int i = 0; i < 7; i++) copy[i] = CopySlot(_schedule[i]);
                    return copy;
                }
            }
        }

        /// <summary>Charge records waiting for the app's acknowledgement.</summary>
        public int PendingRecords
        {
            get { lock (_gate) return _pendingRecords.Count; }
        }

        /// <summary>What the charger went through: logins, pushes, commands, drops, faults.</summary>
        public SimulatorCounters Counters { get; }

        private bool IsCharging => _active != null && _active.Phase == SimulatedSessionPhase.Charging;

        private DateTimeOffset SimNow => _time.GetUtcNow() + _advanced;

        private DateTimeOffset ChargerClock => SimNow + _clockOffset;

        /// <summary>Binds the socket (loopback, ephemeral port unless configured) and starts announcing.</summary>
        /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
        /// <exception cref="SocketException">The socket could not be bound.</exception>
        public void Start()
        {
            UdpClient udp;
            lock (_gate)
            {
                if (_started) throw new InvalidOperationException("The simulated charger " + Serial + " was already started.");
                udp = new UdpClient(AddressFamily.InterNetwork);
                try
                {
                    if (Environment.OSVersion.Platform == PlatformID.Win32NT)
                    {
                        // Without this, an ICMP "port unreachable" from an absent app fails the next receive on Windows.
                        const int SioUdpConnReset = -1744830452;
                        udp.Client.IOControl(SioUdpConnReset, new byte[] { 0 }, null);
                    }
                    // Only an explicit opt-in leaves loopback; then the app endpoint may be a broadcast address.
                    if (_options.AllowNetworkEndPoints) udp.EnableBroadcast = true;
                    udp.Client.Bind(_options.LocalEndPoint);
                }
                catch
                {
                    udp.Dispose();
                    throw;
                }
                _udp = udp;
                _local = (IPEndPoint)udp.Client.LocalEndPoint!;
                _started = true;
                _lastIntegrated = SimNow;
                SendLogin(EmCommand.Login);
                Counters.AddLoginsSent();
                _nextLogin = _time.GetUtcNow() + _options.LoginInterval;
                _timer = _time.CreateTimer(OnTimer, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Reschedule();
            }
            _ = ReceiveLoopAsync(udp);
        }

        /// <summary>Stops announcing and closes the socket. Idempotent.</summary>
        public void Stop()
        {
            UdpClient? udp;
            ITimer? timer;
            lock (_gate)
            {
                if (_stopped) return;
                _stopped = true;
                _registered = false;
                udp = _udp;
                timer = _timer;
                _udp = null;
                _timer = null;
            }
            timer?.Dispose();
            udp?.Dispose();
        }

        /// <summary>Same as <see cref="Stop"/>.</summary>
        public void Dispose() => Stop();

        /// <summary>Plugs a car in (gun 2, state 13). Does nothing if one is plugged in.</summary>
        public void PlugIn() => Control(() =>
        {
            if (_plugged) return;
            _plugged = true;
            _finishedWhilePlugged = false;
            _changed = true;
        });

        /// <summary>Unplugs the car: ends a running session (record "Unplugged"), cancels a reservation.</summary>
        public void Unplug() => Control(() =>
        {
            if (!_plugged) return;
            if (IsCharging) EndSession(SimNow, "Unplugged", 2, CurrentState.NotConnected);
            else if (_active != null) CancelReservation();
            _plugged = false;
            _finishedWhilePlugged = false;
            _changed = true;
        });

        /// <summary>Raises error bits; a running session ends (state 1, EVSE fault).</summary>
        public void RaiseError(EvseErrors errors) => Control(() =>
        {
            if (errors == EvseErrors.None) return;
            _errors |= errors;
            if ((errors & EvseErrors.EmergencyStop) != 0) _emergency = true;
            StopForFault("Error");
            _changed = true;
        });

        /// <summary>Clears error bits (all of them by default); clearing <see cref="EvseErrors.EmergencyStop"/> releases the button.</summary>
        public void ClearError(EvseErrors errors = (EvseErrors)uint.MaxValue) => Control(() =>
        {
            if ((_errors & errors) == 0 && !_emergency) return;
            _errors &= ~errors;
            if ((errors & EvseErrors.EmergencyStop) != 0) _emergency = false;
            _changed = true;
        });

        /// <summary>Presses the emergency stop: error bit 6, button state 2, a running session ends.</summary>
        public void PressEmergencyStop() => Control(() =>
        {
            _emergency = true;
            _errors |= EvseErrors.EmergencyStop;
            StopForFault("EmergencyStop");
            _changed = true;
        });

        /// <summary>
        /// Changes the password. A registered app is told with a PasswordErrorResponse and loses its
        /// registration; from now on only the new password is accepted.
        /// </summary>
        /// <exception cref="ArgumentException">Not 6 digits.</exception>
        public void ChangePassword(string password)
        {
            if (password == null || !IsSixDigits(password)) throw new ArgumentException("The password must be exactly 6 digits.", nameof(password));
            var newPassword = EmPassword.FromString(password);
            Control(() =>
            {
                _password = newPassword;
                if (_registered)
                {
                    SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                    Counters.AddPasswordErrors();
                    Unregister();
                }
            });
        }

        /// <summary>Sets the charger's clock so that it now shows <paramref name="chargerTime"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">More than 10 years off.</exception>
        public void SetClock(DateTimeOffset chargerTime) => Control(() => SetOffset(chargerTime - SimNow));

        /// <summary>Sets how far the charger's clock is off from true time (positive = ahead).</summary>
        /// <exception cref="ArgumentOutOfRangeException">More than 10 years off.</exception>
        public void SetClockOffset(TimeSpan offset) => Control(() => SetOffset(offset));

        /// <summary>
        /// Moves this charger's simulated time forward: its clock, the energy meter, a running session
        /// (limits included) and a reservation coming due. The push cadence keeps following the time provider.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
        public void AdvanceTime(TimeSpan delta)
        {
            if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), delta, "Time can only be advanced (the amount must not be negative).");
            Control(() => _advanced += delta);
        }

        /// <inheritdoc/>
        public override string ToString() => "Simulated EVSE " + Serial + " on port " + Port;

        private void SetOffset(TimeSpan offset)
        {
            if (offset.Duration() > MaxClockOffset)
                throw new ArgumentOutOfRangeException(nameof(offset), offset, "The charger's clock may be at most 3650 days off.");
            _clockOffset = offset;
        }

        private void Control(Action change)
        {
            lock (_gate)
            {
                Integrate();
                change();
                Integrate();
                AfterActivity();
            }
        }

        // ---- time and physics ------------------------------------------------------------

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
            var samples = s.SamplesCopy();
            _pendingRecords.Enqueue(new ChargeRecordPayload
            {
                LineId = 1,
                StartUserId = s.UserId,
                EndUserId = s.EndedBy,
                ChargeId = s.ChargeId,
                HasReservation = s.ReservedFor.HasValue ? (byte)1 : (byte)0,
                StartType = s.StartType,
                ChargeType = s.ChargeType,
                Param1 = s.MaxDurationMinutes,
                Param2 = s.MaxEnergyRaw,
                Param3 = s.Param3,
                StopReason = stopReason,
                HasStopCharge = 1,
                ReservationDate = s.ReservedFor.HasValue ? Em(s.ReservedFor.Value) : default,
                StartDate = Em(s.StartedAt!.Value),
                StopDate = Em(s.StoppedAt.Value),
                ChargedSeconds = (uint)Math.Round(s.Duration.TotalSeconds),
                StartMeterRaw = Raw(s.StartMeterKWh),
                StopMeterRaw = Raw(s.StartMeterKWh + s.EnergyKWh),
                ChargedEnergyRaw = Raw(s.EnergyKWh),
                DeclaredSampleCount = (ushort)samples.Length,
                Slots = samples,
            });
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

        // ---- scheduling ------------------------------------------------------------------

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
                        if (_registered && now >= _nextChargingStatus) PushChargingStatus(now);
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
                    PushChargingStatus(now);
                }
                if (_pendingRecords.Count > 0 && now >= _nextRecord)
                {
                    SendToApp(EmCommand.UploadLocalChargeRecord, _pendingRecords.Peek());
                    Counters.AddRecordsSent();
                    _nextRecord = now + _options.RecordResendInterval;
                }
            }
            _changed = false;
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
                due = Min(_nextHeading, Min(_nextStatus, _nextChargingStatus));
                if (_pendingRecords.Count > 0) due = Min(due, _nextRecord);
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
        }

        private void Unregister()
        {
            _registered = false;
            SendLogin(EmCommand.Login);
            Counters.AddLoginsSent();
            _nextLogin = _time.GetUtcNow() + _options.LoginInterval;
        }

        // ---- receiving ---------------------------------------------------------------------

        private async Task ReceiveLoopAsync(UdpClient udp)
        {
            while (true)
            {
                UdpReceiveResult received;
                try
                {
                    received = await udp.ReceiveAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    lock (_gate) if (_stopped) return;
                    continue;
                }
                try
                {
                    lock (_gate)
                    {
                        if (_stopped) return;
                        HandlePacket(received.Buffer, received.RemoteEndPoint);
                        AfterActivity();
                    }
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is SocketException)
                {
                    Counters.AddDatagramsDropped();
                }
            }
        }

        private void HandlePacket(byte[] packet, IPEndPoint from)
        {
            Counters.AddPacketsReceived();
            if (_faults.DropInbound()) return;
            Integrate();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            while (reader.TryReadNext(out var datagram, out var error))
            {
                if (error != DecodeError.None)
                {
                    Counters.AddDatagramsDropped();
                    continue;
                }
                Handle(datagram, from);
            }
        }

        private void Handle(in Datagram d, IPEndPoint from)
        {
            if (d.Command == EmCommand.RequestLogin && d.Serial == EvseSerial.Zero)
            {
                // Active discovery probe: answer to the probe's own address and port.
                Counters.AddDiscoveryProbes();
                SendTo(from, EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            if (d.Serial != Serial || !EmCommands.IsAppToCharger(d.Command))
            {
                Counters.AddCommandsIgnored();
                return;
            }
            if (d.Command == EmCommand.RequestLogin)
            {
                Counters.AddLoginRequests();
                if (d.Password.IsPresent && d.Password == _password)
                {
                    Counters.AddLoginsAccepted();
                    SendLogin(EmCommand.LoginResponse);
                }
                else
                {
                    Counters.AddPasswordErrors();
                    SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                }
                return;
            }
            if (!d.Password.IsPresent || d.Password != _password)
            {
                Counters.AddPasswordErrors();
                SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            if (HandleCommand(d)) Counters.AddCommandsReceived();
            else Counters.AddCommandsIgnored();
        }

        private bool HandleCommand(in Datagram d)
        {
            var reply = EmCommands.ReplyTo(d.Command);
            switch (d.Command)
            {
                case EmCommand.LoginConfirm:
                    Register();
                    return true;
                case EmCommand.HeadingResponse:
                    Counters.AddHeadingsAnswered();
                    _unansweredHeadings = 0;
                    return true;
                case EmCommand.SingleAcStatusResponse:
                case EmCommand.SingleAcChargingStatusAcknowledge:
                    return true;
                case EmCommand.RequestChargingStatus:
                    SendToApp(EmCommand.SingleAcChargingStatusResponse, BuildChargingStatus());
                    Counters.AddChargingStatusPushes();
                    return true;
                case EmCommand.RequestStatusRecord:
                    SendToApp(EmCommand.StatusRecord, BuildStatus());
                    return true;
                case EmCommand.ChargeStart when d.Payload is ChargeStartPayload start:
                    SendToApp(reply, StartCharge(start));
                    return true;
                case EmCommand.ChargeStop when d.Payload is ChargeStopPayload stop:
                    SendToApp(reply, StopCharge(stop));
                    return true;
                case EmCommand.UploadLocalChargeRecordAcknowledge when d.Payload is UploadRecordAckPayload ack:
                    return Acknowledge(ack.ShortForm ? null : ack.ChargeId);
                case EmCommand.CurrentChargeRecordResponse when d.Payload is CurrentChargeRecordAckPayload ack:
                    return Acknowledge(ack.ChargeId);
                case EmCommand.SetAndGetSystemTime when d.Payload is SystemTimePayload time:
                    return AnswerTime(reply, time);
                case EmCommand.GetVersion:
                    SendToApp(reply, new VersionPayload
                    {
                        HardwareVersion = _options.HardwareVersion,
                        SoftwareVersion = _options.SoftwareVersion,
                        Feature = 0x42296d48,
                        SupportNew = _options.Faults.VersionForm == 37 ? (byte)1 : (byte?)null,
                    });
                    return true;
                case EmCommand.SetAndGetOutputElectricity when d.Payload is OutputElectricityPayload amps:
                    if (amps.Action == SetAndGetAction.Set && amps.Amps >= 6 && amps.Amps <= _options.MaxAmps && amps.Amps != _configuredAmps)
                    {
                        _configuredAmps = amps.Amps;
                        _changed = true;
                    }
                    SendToApp(reply, new OutputElectricityPayload { Action = amps.Action, Amps = (byte)_configuredAmps });
                    return true;
                case EmCommand.SetAndGetNickName when d.Payload is NickNamePayload name:
                    if (name.Action == SetAndGetAction.Set && name.Name.StartsWith("ACP#", StringComparison.Ordinal))
                        _name = name.Name.Substring(4).Trim();
                    SendToApp(reply, new NickNamePayload { Action = name.Action, Name = _name });
                    return true;
                case EmCommand.SetAndGetOffLineCharge when d.Payload is OfflineChargePayload offline:
                    if (offline.Action == SetAndGetAction.Set && offline.RawValue <= 2) _offlineCharge = offline.RawValue;
                    SendToApp(reply, new OfflineChargePayload { Action = offline.Action, RawValue = _offlineCharge });
                    return true;
                case EmCommand.SetAndGetLanguage when d.Payload is LanguagePayload language:
                    if (language.Action == SetAndGetAction.Set && language.RawValue >= 1 && language.RawValue <= 6) _language = language.RawValue;
                    SendToApp(reply, new LanguagePayload { Action = language.Action, RawValue = _language });
                    return true;
                case EmCommand.SetAndGetTemperatureUnit when d.Payload is TemperatureUnitPayload unit:
                    if (unit.Action == SetAndGetAction.Set && (unit.RawValue == 1 || unit.RawValue == 2)) _temperatureUnit = unit.RawValue;
                    SendToApp(reply, new TemperatureUnitPayload { Action = unit.Action, RawValue = _temperatureUnit });
                    return true;
                case EmCommand.SetAndGetAlarmChargeStrategy when d.Payload is WeeklySchedulePayload schedule:
                    return AnswerSchedule(reply, schedule);
                case EmCommand.Brightness when d.Payload is BrightnessPayload brightness:
                    if (brightness.Action == SetAndGetAction.Set && brightness.Value <= 100) _brightness = brightness.Value;
                    SendToApp(reply, new BrightnessPayload { Action = SetAndGetAction.Set, Value = _brightness });
                    return true;
                case EmCommand.SetPassword when d.Payload is SetPasswordPayload pin:
                    if (!pin.NewPassword.IsPresent || !IsSixDigits(pin.NewPassword.Reveal())) return false;
                    _password = pin.NewPassword;
                    return true;
                default:
                    return false;
            }
        }

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

        private bool Acknowledge(string? chargeId)
        {
            if (_pendingRecords.Count == 0) return false;
            if (chargeId == null || _pendingRecords.Peek().ChargeId == chargeId)
            {
                _pendingRecords.Dequeue();
            }
            else
            {
                int before = _pendingRecords.Count;
                var keep = new List<ChargeRecordPayload>(_pendingRecords);
                keep.RemoveAll(r => r.ChargeId == chargeId);
                if (keep.Count == before) return false;
                _pendingRecords.Clear();
                foreach (var r in keep) _pendingRecords.Enqueue(r);
            }
            Counters.AddRecordsAcknowledged();
            _nextRecord = _time.GetUtcNow();
            return true;
        }

        // ---- charging --------------------------------------------------------------------

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
                    StartType = p.StartType,
                    ChargeType = p.ChargeType,
                    MaxDurationMinutes = p.MaxDurationMinutes,
                    MaxEnergyRaw = p.MaxEnergyRaw,
                    Param3 = p.Param3,
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

        // ---- building and sending datagrams ----------------------------------------------

        private void SendLogin(EmCommand command)
        {
            SendToApp(command, new LoginPayload
            {
                Form = _options.Faults.LoginForm,
                Type = _options.EffectiveTypeCode,
                Brand = _options.Brand,
                Model = _options.EffectiveModel,
                HardwareVersion = _options.HardwareVersion,
                MaxPowerW = (uint)_options.EffectiveMaxPowerW,
                MaxAmps = (byte)_options.MaxAmps,
                HotLine = _options.HotLine,
            });
        }

        private void PushStatus(DateTimeOffset now)
        {
            SendToApp(_options.Faults.StatusAsRecord ? EmCommand.StatusRecord : EmCommand.SingleAcStatus, BuildStatus());
            Counters.AddStatusPushes();
            _nextStatus = now + _options.StatusInterval;
        }

        private void PushChargingStatus(DateTimeOffset now)
        {
            SendToApp(EmCommand.SingleAcChargingStatusPublicAuto, BuildChargingStatus());
            Counters.AddChargingStatusPushes();
            _nextChargingStatus = now + _options.ChargingStatusInterval;
        }

        private SingleAcStatusPayload BuildStatus()
        {
            bool charging = IsCharging;
            double amps = charging ? _active!.Amps : 0;
            int form = _options.Faults.StatusForm != 0 ? _options.Faults.StatusForm : _options.Phases == 3 ? 33 : 25;
            var volts = new double[3];
            double power = 0;
            for (int i = 0; i < _options.Phases; i++)
            {
                volts[i] = Math.Round((NominalVolts + (_random.NextDouble() * 4.0 - 2.0)) * 10) / 10;
                power += volts[i] * amps;
            }
            return new SingleAcStatusPayload
            {
                Form = form,
                LineId = 1,
                L1VoltageRaw = (ushort)Math.Round(volts[0] * 10),
                L1CurrentRaw = (ushort)Math.Round(amps * 100),
                PowerW = (uint)Math.Round(power),
                MeterRaw = Raw(_meterKWh),
                InnerTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(charging ? 38.5 : 27.0),
                OuterTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(charging ? 31.0 : 25.0),
                EmergencyButton = _emergency ? (byte)2 : (byte)1,
                GunState = ComputeGun(),
                OutputState = charging ? OutputState.Charging : OutputState.Idle,
                CurrentState = ComputeState(),
                Errors = _errors,
                L2VoltageRaw = (ushort)Math.Round(volts[1] * 10),
                L2CurrentRaw = _options.Phases == 3 ? (ushort)Math.Round(amps * 100) : (ushort)0,
                L3VoltageRaw = (ushort)Math.Round(volts[2] * 10),
                L3CurrentRaw = _options.Phases == 3 ? (ushort)Math.Round(amps * 100) : (ushort)0,
                PhaseCount = (byte)_options.Phases,
                SecondaryState = 0xFF,
            };
        }

        private ChargingStatusPayload BuildChargingStatus()
        {
            var s = _active ?? _last;
            var p = new ChargingStatusPayload
            {
                Port = 1,
                CurrentState = ComputeState(),
                CurrentMeterRaw = Raw(_meterKWh),
                MaxAmps = (byte)_configuredAmps,
                Extension = _options.Faults.ChargingStatusForm == 80 ? new byte[6] : null,
            };
            if (s == null) return p;
            p.ChargeId = s.ChargeId;
            p.UserId = s.UserId;
            p.StartType = s.StartType;
            p.ChargeType = s.ChargeType;
            p.MaxDurationMinutes = s.MaxDurationMinutes;
            p.MaxEnergyRaw = s.MaxEnergyRaw;
            p.Param3Raw = s.Param3;
            p.MaxAmps = (byte)s.Amps;
            if (s.ReservedFor.HasValue) p.ReservationDate = Em(s.ReservedFor.Value);
            if (s.StartedAt.HasValue) p.StartDate = Em(s.StartedAt.Value);
            p.DurationSeconds = (uint)Math.Round(s.Duration.TotalSeconds);
            p.StartMeterRaw = s.Phase == SimulatedSessionPhase.Charging ? Raw(s.StartMeterKWh) : 0;
            p.ChargedEnergyRaw = Raw(s.EnergyKWh);
            return p;
        }

        private void SendToApp(EmCommand command, EmPayload payload)
        {
            if (_udp == null) return;
            _faults.Send(Encode(command, payload), _time.GetUtcNow());
        }

        private void SendTo(IPEndPoint to, EmCommand command, EmPayload payload)
        {
            if (_udp == null) return;
            SendRaw(Encode(command, payload), to);
        }

        private byte[] Encode(EmCommand command, EmPayload payload) => DatagramCodec.Encode(new Datagram(Serial, EmPassword.None, command, payload));

        private void SendRaw(byte[] packet) => SendRaw(packet, _options.AppEndPoint);

        private void SendRaw(byte[] packet, IPEndPoint to)
        {
            var udp = _udp;
            if (udp == null) return;
            try
            {
                udp.Send(packet, packet.Length, to);
                Counters.AddPacketsSent();
            }
            catch (SocketException)
            {
                Counters.AddSendErrors();
            }
        }
    }
}
