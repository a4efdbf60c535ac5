using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    /// <summary>
    /// One simulated EVSEMaster charger on loopback: its own UDP socket, the Login / Heading /
    /// push cadence of PROTOCOL.md, the login handshake, every documented SetAndGet, a charging
    /// state machine with reservations and limits, charge records resent until acknowledged,
    /// and optional fault injection. A <see cref="SimulatorFirmware"/> profile decides which optional
    /// requests it answers and the forms of its payloads. All time comes from a <see cref="TimeProvider"/>; the
    /// control methods (<see cref="PlugIn"/>, <see cref="AdvanceTime"/>, ...) are thread-safe.
    /// </summary>
    public sealed partial class SimulatedEvse : IDisposable
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
        private readonly FirmwareProfile _firmware;
        private readonly Dictionary<EmCommand, RequestHandler> _requests;
        private readonly ChargeRecordQueue _records = new ChargeRecordQueue();
        private readonly ScheduleSlot[] _schedule = new ScheduleSlot[7];

        private UdpClient? _udp;
        private ITimer? _timer;
        private IPEndPoint? _local;
        private bool _started;
        private bool _stopped;

        private EmPassword _password;
        private string _softwareVersion;
        private string _name;
        private int _configuredAmps;
        private readonly ByteSetting<OfflineChargePayload> _offlineCharge =
            new ByteSetting<OfflineChargePayload>(EmCommand.SetAndGetOffLineCharge, 0, value => value <= 2);
        private readonly ByteSetting<LanguagePayload> _language =
            new ByteSetting<LanguagePayload>(EmCommand.SetAndGetLanguage, (byte)EvseLanguage.English, value => value >= 1 && value <= 6);
        private readonly ByteSetting<TemperatureUnitPayload> _temperatureUnit =
            new ByteSetting<TemperatureUnitPayload>(EmCommand.SetAndGetTemperatureUnit, (byte)TemperatureUnit.Celsius, value => value == 1 || value == 2);
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
        private bool _justLoggedIn;
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
            _firmware = FirmwareProfile.Resolve(_options);
            _requests = BuildRequestTable();
            _time = timeProvider ?? TimeProvider.System;
            _random = new Random(_options.Faults.Seed);
            Counters = new SimulatorCounters();
            _faults = new PacketFaultInjector(_options.Faults, _random, Counters, SendRaw);
            _zone = _options.TimeZone ?? TimeZoneInfo.Utc;
            _password = EmPassword.FromString(_options.Password);
            _name = _options.Name;
            _softwareVersion = _options.SoftwareVersion;
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

        /// <summary>The firmware the charger behaves like (<see cref="SimulatorOptions.Firmware"/>).</summary>
        public SimulatorFirmware Firmware => _options.Firmware;

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

        /// <summary>The software version the charger reports now (changed by <see cref="ChangeFirmware"/>).</summary>
        public string SoftwareVersion
        {
            get { lock (_gate) return _softwareVersion; }
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
            get { lock (_gate) return _offlineCharge.Value; }
        }

        /// <summary>The display language.</summary>
        public EvseLanguage Language
        {
            get { lock (_gate) return (EvseLanguage)_language.Value; }
        }

        /// <summary>The temperature unit shown.</summary>
        public TemperatureUnit TemperatureUnit
        {
            get { lock (_gate) return (TemperatureUnit)_temperatureUnit.Value; }
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
            get { lock (_gate) return _records.Count; }
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
    }
}
