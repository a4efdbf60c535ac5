using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts one or more simulated EVSEMaster chargers on loopback.</para>
    /// <para type="description">Each simulated charger has its own UDP port on 127.0.0.1 and sends its Login announcements, and everything else, to the app endpoint (default: this process's communicator, else the port it would use), as a real charger does. -Firmware makes it behave like a given charger firmware. With -Wait the cmdlet keeps them running until Ctrl+C or until -Duration has passed, then stops them.</para>
    /// <example><code>Start-EvseSimulator -Password 123456 -PluggedIn -PassThru</code></example>
    /// <example><code>Start-EvseSimulator -Firmware Telestar -IgnoreCommand GetVersion -PassThru</code></example>
    /// <example><code>Start-EvseSimulator -AppEndPoint 127.0.0.1:40000 -Count 10 -LossRatio 0.1 -Seed 42 -Wait -Duration 120</code></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "EvseSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SimulatedEvse))]
    public sealed class StartEvseSimulatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override bool RunsInAgent => false; // simulated chargers live in this session

        /// <summary>
        /// The UDP port the simulated charger sends from on 127.0.0.1 (with -Count, consecutive ports from it);
        /// 0, the default, picks a free port.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int LocalPort { get; set; }

        /// <summary>How many chargers to start (consecutive serials).</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int Count { get; set; } = 1;

        /// <summary>The (first) serial: 16 hex digits. Default: the first free serial from 5e5e000000000001.</summary>
        [Parameter(Position = 0)]
        public string? Serial { get; set; }

        /// <summary>The 6-digit password the chargers accept (default 123456).</summary>
        [Parameter]
        public string Password { get; set; } = "123456";

        /// <summary>1 or 3 phases.</summary>
        [Parameter]
        [ValidateSet("1", "3")]
        public int Phases { get; set; } = 1;

        /// <summary>Maximum current per phase, 6 to 32 A.</summary>
        [Parameter]
        [ValidateRange(6, 32)]
        public int MaxAmps { get; set; } = 16;

        /// <summary>
        /// Where the chargers send: 'address:port' or an IPEndPoint (loopback). Default: the endpoint of
        /// this process's communicator when one runs, else 127.0.0.1 and the port a communicator would
        /// use (EMPROTO_PORT, else 28376).
        /// </summary>
        [Parameter]
        [EndPointTransformation]
        public IPEndPoint? AppEndPoint { get; set; }

        /// <summary>The firmware the chargers behave like (default Full: answers every request).</summary>
        [Parameter]
        public SimulatorFirmware Firmware { get; set; } = SimulatorFirmware.Full;

        /// <summary>App-to-charger requests the chargers silently ignore, on top of the firmware's (names or numbers such as 0x8006).</summary>
        [Parameter]
        [EmCommandTransformation]
        [ValidateNotNull]
        public EmCommand[]? IgnoreCommand { get; set; }

        /// <summary>Send every reply to a request twice, as some firmware does.</summary>
        [Parameter]
        public SwitchParameter DuplicateReplies { get; set; }

        /// <summary>The interval of status pushes while an app is registered (seconds or a TimeSpan; default 15 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? StatusInterval { get; set; }

        /// <summary>Start with a car plugged in.</summary>
        [Parameter]
        public SwitchParameter PluggedIn { get; set; }

        /// <summary>The charger's time zone (an id such as Europe/Amsterdam or 'W. Europe Standard Time'); default UTC.</summary>
        [Parameter]
        public string? TimeZone { get; set; }

        /// <summary>How far the charger's clock is off (seconds or a TimeSpan; negative = behind).</summary>
        [Parameter]
        [DurationTransformation(AllowNegative = true)]
        public TimeSpan ClockOffset { get; set; }

        /// <summary>The name the charger reports.</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>The interval of Login announcements while no app is registered (default 3 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? LoginInterval { get; set; }

        /// <summary>Probability (0 to 1) that a packet is lost, in both directions.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double LossRatio { get; set; }

        /// <summary>Probability (0 to 1) that a packet to the app is sent twice.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double DuplicateRatio { get; set; }

        /// <summary>Probability (0 to 1) that a packet to the app is delayed behind the next one.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double ReorderRatio { get; set; }

        /// <summary>Probability (0 to 1) that a packet to the app has a byte changed.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double CorruptRatio { get; set; }

        /// <summary>Probability (0 to 1) that a packet to the app is followed by random bytes.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double GarbageRatio { get; set; }

        /// <summary>Probability (0 to 1) that two datagrams go out in one UDP packet.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double CoalesceRatio { get; set; }

        /// <summary>Seed for every fault decision (each charger adds its index).</summary>
        [Parameter]
        public int Seed { get; set; } = 1;

        /// <summary>Status payload length: 25, 33 or 40 (default: the firmware's form).</summary>
        [Parameter]
        [ValidateSet("25", "33", "40")]
        public int StatusForm { get; set; }

        /// <summary>Login payload length: 70, 118, 119 or 151.</summary>
        [Parameter]
        [ValidateSet("70", "118", "119", "151")]
        public int LoginForm { get; set; } = 70;

        /// <summary>Charging status payload length: 74 or 80 (default: the firmware's form).</summary>
        [Parameter]
        [ValidateSet("74", "80")]
        public int ChargingStatusForm { get; set; }

        /// <summary>Version payload length: 36 or 37 (default: the firmware's form).</summary>
        [Parameter]
        [ValidateSet("36", "37")]
        public int VersionForm { get; set; }

        /// <summary>Width of the name field in name replies: 16 or 32 (default: the firmware's width).</summary>
        [Parameter]
        [ValidateSet("16", "32")]
        public int NameForm { get; set; }

        /// <summary>Send status pushes as command 13 instead of 4.</summary>
        [Parameter]
        public SwitchParameter StatusAsRecord { get; set; }

        /// <summary>Write the started simulators to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Keep running in the foreground until Ctrl+C or -Duration, then stop the simulators.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to run (seconds or a TimeSpan). Implies -Wait.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? Duration { get; set; }

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            var options = BuildOptions();
            if (options == null) return;
            var first = Serial != null ? options.Serial : SimulatorRegistry.FirstFreeRun(options.Serial, Count);
            var started = new List<SimulatedEvse>();
            bool wait = Wait || Duration.HasValue;
            try
            {
                StartAll(options, first, started);
                if (wait && started.Count > 0) WaitForEnd(started.Count);
            }
            finally
            {
                // With -Wait the simulators live only as long as the command, however it ends (Ctrl+C included).
                if (wait) foreach (var evse in started) SimulatorRegistry.Stop(evse);
            }
            if (wait && started.Count > 0) WriteVerbose("Stopped " + started.Count + " simulated charger(s).");
            base.EndLocal();
        }

        private void StartAll(SimulatorOptions options, EvseSerial first, List<SimulatedEvse> started)
        {
            var owner = Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;
            for (int i = 0; i < Count; i++)
            {
                var serial = new EvseSerial(first.Value + (ulong)i);
                var target = serial + " -> " + options.AppEndPoint;
                if (!ShouldProcess(target, "Start simulated charger")) continue;
                if (SimulatorRegistry.Contains(serial))
                {
                    WriteError(new ErrorRecord(new InvalidOperationException("A simulated charger with serial " + serial + " is already running; stop it first or pick another -Serial."),
                        ErrorIds.SimulatorExists, ErrorCategory.ResourceExists, serial.ToString()));
                    continue;
                }
                var chargerOptions = options.CloneWith(serial, i);
                if (LocalPort > 0)
                {
                    if (LocalPort + i > 65535)
                    {
                        WriteError(ErrorRecordFactory.InvalidArgument(ErrorIds.SimulatorInvalidArgument, "-LocalPort " + LocalPort + " with -Count " + Count + " runs past port 65535.", null, serial.ToString()));
                        break;
                    }
                    chargerOptions.LocalEndPoint = new IPEndPoint(IPAddress.Loopback, LocalPort + i);
                }
                var evse = new SimulatedEvse(chargerOptions);
                try
                {
                    evse.Start();
                }
                catch (SocketException ex)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException("The simulated charger " + serial + " could not open its UDP socket: " + ex.Message, ex),
                        ErrorIds.SimulatorStartFailed, ErrorCategory.ConnectionError, serial.ToString()));
                    continue;
                }
                if (!SimulatorRegistry.TryAdd(evse, owner))
                {
                    evse.Stop();
                    WriteError(new ErrorRecord(new InvalidOperationException("A simulated charger with serial " + serial + " is already running."),
                        ErrorIds.SimulatorExists, ErrorCategory.ResourceExists, serial.ToString()));
                    continue;
                }
                started.Add(evse);
                WriteVerbose("Started simulated charger " + serial + " on " + evse.LocalEndPoint + ", sending to " + options.AppEndPoint + ".");
                if (PassThru) WriteObject(evse);
            }
        }

        private void WaitForEnd(int count)
        {
            var begin = DateTime.UtcNow;
            var progress = new ProgressRecord(0, "Simulating " + count + " charger(s)", "Running; press Ctrl+C to stop.");
            while (!StopToken.IsCancellationRequested)
            {
                var elapsed = DateTime.UtcNow - begin;
                TimeSpan slice = TimeSpan.FromSeconds(1);
                if (Duration.HasValue)
                {
                    var left = Duration.Value - elapsed;
                    if (left <= TimeSpan.Zero) break;
                    if (left < slice) slice = left;
                    progress.SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds);
                    progress.PercentComplete = (int)Math.Min(100, 100 * elapsed.Ticks / Duration.Value.Ticks);
                }
                progress.StatusDescription = "Running for " + elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) + "; press Ctrl+C to stop.";
                WriteProgress(progress);
                StopToken.WaitHandle.WaitOne(slice);
            }
            progress.RecordType = ProgressRecordType.Completed;
            if (!StopToken.IsCancellationRequested) WriteProgress(progress);
        }

        private SimulatorOptions? BuildOptions()
        {
            var appEndPoint = AppEndPoint ?? DefaultAppEndPoint();
            var options = new SimulatorOptions
            {
                Password = Password,
                Phases = Phases,
                MaxAmps = MaxAmps,
                AppEndPoint = appEndPoint,
                PluggedIn = PluggedIn,
                ClockOffset = ClockOffset,
                Name = Name ?? string.Empty,
                Firmware = Firmware,
                DuplicateReplies = DuplicateReplies,
            };
            if (LoginInterval.HasValue) options.LoginInterval = LoginInterval.Value;
            if (StatusInterval.HasValue) options.StatusInterval = StatusInterval.Value;
            foreach (var command in IgnoreCommand ?? Array.Empty<EmCommand>())
            {
                if (!EmCommands.IsAppToCharger(command))
                    return Invalid("IgnoreCommand", "-IgnoreCommand takes app-to-charger requests (0x8000 and above, such as RequestChargingStatus or 0x8006); got " +
                        EmCommands.Name(command) + " (0x" + ((ushort)command).ToString("x4", CultureInfo.InvariantCulture) + "), which the charger sends.", command);
                options.IgnoredCommands.Add(command);
            }
            options.Faults.OutboundLossRatio = LossRatio;
            options.Faults.InboundLossRatio = LossRatio;
            options.Faults.DuplicateRatio = DuplicateRatio;
            options.Faults.ReorderRatio = ReorderRatio;
            options.Faults.CorruptRatio = CorruptRatio;
            options.Faults.GarbageRatio = GarbageRatio;
            options.Faults.CoalesceRatio = CoalesceRatio;
            options.Faults.Seed = Seed;
            options.Faults.StatusForm = StatusForm;
            options.Faults.LoginForm = LoginForm;
            options.Faults.ChargingStatusForm = ChargingStatusForm;
            options.Faults.VersionForm = VersionForm;
            options.Faults.NameForm = NameForm;
            options.Faults.StatusAsRecord = StatusAsRecord;

            if (Serial != null)
            {
                if (!EvseSerial.TryParse(Serial, out var serial))
                    return Invalid("Serial", "-Serial must be 16 hexadecimal digits, for example 9181102751219513; got '" + Serial + "'.", Serial);
                if (serial.Value > ulong.MaxValue - (ulong)(Count - 1))
                    return Invalid("Serial", "-Serial " + Serial + " leaves no room for " + Count + " consecutive serials.", Serial);
                options.Serial = serial;
            }
            if (TimeZone != null)
            {
                var zone = FindZone(TimeZone);
                if (zone == null) return Invalid("TimeZone", "-TimeZone '" + TimeZone + "' is not a time zone on this system; use an id such as 'Europe/Amsterdam' or 'W. Europe Standard Time'.", TimeZone);
                options.TimeZone = zone;
            }
            if (!IPAddress.IsLoopback(appEndPoint.Address))
                return Invalid("AppEndPoint", "-AppEndPoint must be a loopback address (the simulator lives on 127.0.0.1); got " + appEndPoint + ".", appEndPoint);
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                string name = ex.ParamName ?? "Options";
                string message = name == nameof(SimulatorOptions.Password) ? "-Password must be exactly 6 digits, for example 123456."
                    : name == nameof(SimulatorOptions.StatusInterval) ? "-StatusInterval must be longer than zero, for example 15 (seconds) or '00:00:15'."
                    : ex.Message;
                return Invalid(name, message, null);
            }
            return options;
        }

        /// <summary>The UDP endpoint of the user's agent when it serves this session (and this process runs no communicator), else null.</summary>
        private static IPEndPoint? AgentEndPoint()
        {
            EvseAgentInfo? agent;
            try
            {
                agent = Agent.AgentClient.IsAgentProcess || !Agent.AgentSocket.IsSupported ? null : Agent.AgentClient.Describe(Agent.AgentSocket.DefaultPath);
            }
            catch (EvseException)
            {
                return null;
            }
            if (agent == null) return null;
            int colon = agent.LocalEndPoint.LastIndexOf(':');
            if (colon < 0 || !IPAddress.TryParse(agent.LocalEndPoint.Substring(0, colon).Trim('[', ']'), out var address)
                || !int.TryParse(agent.LocalEndPoint.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)) return null;
            return new IPEndPoint(address, port);
        }

        /// <summary>
        /// Where the simulators send when -AppEndPoint is not given: this process's running communicator (or the user's agent),
        /// else the port a communicator started now would use (EMPROTO_PORT), else 28376 — on 127.0.0.1.
        /// </summary>
        private IPEndPoint DefaultAppEndPoint()
        {
            var communicator = CommunicatorHolder.Current;
            var local = communicator != null && communicator.IsRunning ? communicator.LocalEndPoint : null;
            if (local == null) local = AgentEndPoint();
            if (local != null)
            {
                var address = local.Address;
                if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) address = IPAddress.Loopback;
                if (!IPAddress.IsLoopback(address))
                {
                    WriteWarning("The communicator listens on " + local + ", which simulated chargers (loopback only) cannot reach; they send to 127.0.0.1:" + local.Port +
                        ". Start the communicator with -LocalAddress 127.0.0.1 to talk to them.");
                    address = IPAddress.Loopback;
                }
                var target = new IPEndPoint(address, local.Port);
                WriteVerbose("Simulated chargers send to the running communicator at " + target + ".");
                return target;
            }
            int port;
            try
            {
                port = CommunicatorHolder.DefaultOptions().Port;
            }
            catch (EvseException ex)
            {
                Invalid("AppEndPoint", ex.Message + " Fix it, or give -AppEndPoint.", null);
                throw;
            }
            if (port == 0)
            {
                // EMPROTO_PORT=0: a communicator would take any free port, which cannot be known before it starts.
                WriteVerbose("EMPROTO_PORT is 0 (any free port) and no communicator runs: sending to the default port " + SimulatorOptions.AppPort + ".");
                port = SimulatorOptions.AppPort;
            }
            var fallback = new IPEndPoint(IPAddress.Loopback, port);
            WriteVerbose("No communicator runs in this process; simulated chargers send to " + fallback + ", where one started with the current settings listens.");
            return fallback;
        }

        private SimulatorOptions? Invalid(string parameter, string message, object? target)
        {
            ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.SimulatorInvalidArgument, message, parameter, target));
            return null;
        }

        private static TimeZoneInfo? FindZone(string id)
        {
            try
            {
                return EvseTimeZones.Find(id);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
