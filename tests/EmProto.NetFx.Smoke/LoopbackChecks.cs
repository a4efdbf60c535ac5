using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine;
using EmProto.Engine.Persistence;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.NetFx.Smoke
{
    /// <summary>
    /// A real communicator and a simulated charger on 127.0.0.1 (ephemeral ports, a temporary
    /// store file): discovery, login, start and stop of a charge with its record, a store save
    /// and a reload. Waits are on tasks and conditions with generous limits, never on sleeps.
    /// </summary>
    internal sealed class LoopbackChecks : IDisposable
    {
        private const string Password = "246813";
        private const string ChargeId = "NETFX0001";
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

        private readonly string _storeDir = Path.Combine(Path.GetTempPath(), "emproto-netfx-" + Guid.NewGuid().ToString("N"));
        private readonly EvseSimulatorHost _host = new EvseSimulatorHost();
        private EvseCommunicator? _communicator;
        private SimulatedEvse? _simulator;
        private Evse? _evse;
        private TaskCompletionSource<EvseChargeRecord>? _record;

        private string StorePath => Path.Combine(_storeDir, "evses.json");

        private EvseCommunicator Communicator => _communicator ?? throw new InvalidOperationException("the communicator did not start.");

        private SimulatedEvse Simulator => _simulator ?? throw new InvalidOperationException("the simulator did not start.");

        private Evse Evse => _evse ?? throw new InvalidOperationException("the charger was not discovered.");

        public void StartCommunicator()
        {
            Directory.CreateDirectory(_storeDir);
            _communicator = NewCommunicator();
            _communicator.Start();
            if (_communicator.StoreProblem != null) throw new InvalidOperationException("store problem at start: " + _communicator.StoreProblem);
            var local = _communicator.LocalEndPoint ?? throw new InvalidOperationException("no local end point after Start.");
            if (!IPAddress.IsLoopback(local.Address) || local.Port == 0) throw new InvalidOperationException("bound to " + local + ", not an ephemeral loopback port.");
            _communicator.EvseChanged += (s, e) =>
            {
                if (e.Change == EvseChange.Record && e.NewValue is EvseChargeRecord r) _record?.TrySetResult(r);
            };
        }

        public void StartSimulator()
        {
            _simulator = _host.Start(new SimulatorOptions
            {
                Serial = new EvseSerial(0x5e5e_0000_0000_4620UL),
                AppEndPoint = Communicator.LocalEndPoint!,
                Password = Password,
                MaxAmps = 32,
                PluggedIn = true,
            });
            if (!Simulator.IsRunning || Simulator.Port == 0) throw new InvalidOperationException("the simulator is not running on a port.");
        }

        public void Discover()
        {
            Evse? found = null;
            WaitUntil(() => (found = Communicator.GetEvse(Simulator.Serial.ToString())) != null && found.Info.Brand.Length > 0, "the charger's Login broadcast reaches the communicator");
            _evse = found;
            if (!Equals(Evse.EndPoint, Simulator.LocalEndPoint)) throw new InvalidOperationException("the charger was learnt at " + Evse.EndPoint + ", not " + Simulator.LocalEndPoint + ".");
            if (Evse.Info.Brand != "EmProto") throw new InvalidOperationException("the charger's brand is '" + Evse.Info.Brand + "', not the simulator's.");
        }

        public void Login()
        {
            Wait(Evse.LoginAsync(Password), "login");
            if (!Evse.IsLoggedIn || !Evse.HasPassword) throw new InvalidOperationException("LoginAsync returned but the charger is not logged in.");
            WaitUntil(() => Simulator.IsRegistered, "the simulator registers the app");
        }

        public void StartCharge()
        {
            var charging = Evse.WaitForStateAsync(s => s.State == EvseMetaState.Charging, false, CancellationToken.None);
            var result = Wait(Evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, ChargeId = ChargeId }), "start charge");
            if (result.ChargeId != ChargeId) throw new InvalidOperationException("the charge id is '" + result.ChargeId + "', not " + ChargeId + ".");
            var state = Wait(charging, "the Charging status");
            if (state.L1Amps < 15.5 || state.L1Amps > 16.5) throw new InvalidOperationException("charging at " + state.L1Amps + " A, not 16 A.");
        }

        public void StopCharge()
        {
            Simulator.AdvanceTime(TimeSpan.FromHours(1));
            _record = new TaskCompletionSource<EvseChargeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
            Wait(Evse.StopChargeAsync(force: true), "stop charge");
            var record = Wait(_record.Task, "the charge record");
            if (record.ChargeId != ChargeId) throw new InvalidOperationException("the record is for charge '" + record.ChargeId + "'.");
            if (record.EnergyKWh < 3.3 || record.EnergyKWh > 4.1) throw new InvalidOperationException("the record says " + record.EnergyKWh + " kWh for an hour at 16 A.");
            WaitUntil(() => Simulator.PendingRecords == 0, "the record is acknowledged");
        }

        /// <summary>Save writes the file; on Unix it is mode 600 and the password obfuscated, on Windows DPAPI-protected.</summary>
        public void SaveStore()
        {
            Communicator.Save();
            if (Communicator.StoreProblem != null) throw new InvalidOperationException("store problem after Save: " + Communicator.StoreProblem);
            if (!File.Exists(StorePath)) throw new FileNotFoundException("Save wrote no store file.", StorePath);
            var text = File.ReadAllText(StorePath);
            if (!text.Contains(Simulator.Serial.ToString())) throw new InvalidOperationException("the store does not name the charger: " + text);
            if (text.Contains(Password)) throw new InvalidOperationException("the store holds the password in clear.");
            bool windows = Environment.OSVersion.Platform == PlatformID.Win32NT;
            string prefix = windows ? "\"dpapi:" : "\"obf:";
            if (!text.Contains(prefix)) throw new InvalidOperationException("the stored password does not start with " + prefix + "\".");
            if (!windows)
            {
                var mode = FileMode(StorePath);
                if (mode != "600") throw new InvalidOperationException("the store file has mode " + mode + ", not 600.");
                Console.WriteLine("  store mode 600, password obfuscated");
            }
        }

        /// <summary>The default store location follows the platform: XDG_CONFIG_HOME on Unix, %APPDATA% on Windows.</summary>
        public static void DefaultStorePath()
        {
            string expected;
            string? saved = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            string xdg = Path.Combine(Path.GetTempPath(), "emproto-netfx-xdg");
            try
            {
                Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", xdg);
                expected = Environment.OSVersion.Platform == PlatformID.Win32NT
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "EmProto", "evses.json")
                    : Path.Combine(xdg, "emproto", "evses.json");
                if (EvseStore.DefaultPath != expected) throw new InvalidOperationException("the default store path is " + EvseStore.DefaultPath + ", not " + expected + ".");
            }
            finally
            {
                Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", saved);
            }
        }

        /// <summary>A second communicator on the same file knows the charger, its password and its record.</summary>
        public void ReloadStore()
        {
            Communicator.Dispose();
            _communicator = null;
            using var again = NewCommunicator();
            again.Start();
            if (again.StoreProblem != null) throw new InvalidOperationException("store problem on reload: " + again.StoreProblem);
            var evse = again.GetEvse(Simulator.Serial.ToString()) ?? throw new InvalidOperationException("the reloaded store does not know the charger.");
            if (!evse.HasPassword) throw new InvalidOperationException("the reloaded charger has no password (the stored one did not decode).");
            if (evse.Records.Count != 1 || evse.Records[0].ChargeId != ChargeId) throw new InvalidOperationException("the reloaded charger has " + evse.Records.Count + " records.");
        }

        public void Dispose()
        {
            _host.Dispose();
            _communicator?.Dispose();
            try
            {
                if (Directory.Exists(_storeDir)) Directory.Delete(_storeDir, true);
            }
            catch (IOException)
            {
            }
        }

        private EvseCommunicator NewCommunicator() => new EvseCommunicator(new CommunicatorOptions
        {
            LocalAddress = IPAddress.Loopback,
            Port = 0,
            EnableBroadcast = false,
            ProbeTarget = new IPEndPoint(IPAddress.Loopback, 9),
            DefaultTimeZone = TimeZoneInfo.Utc,
            StorePath = StorePath,
        });

        private static T Wait<T>(Task<T> task, string what)
        {
            Wait((Task)task, what);
            return task.GetAwaiter().GetResult();
        }

        private static void Wait(Task task, string what)
        {
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit)) throw new TimeoutException(what + " did not finish within " + Limit.TotalSeconds + " s.");
            task.GetAwaiter().GetResult();
        }

        private static void WaitUntil(Func<bool> condition, string what)
        {
            if (!SpinWait.SpinUntil(condition, Limit)) throw new TimeoutException("timed out after " + Limit.TotalSeconds + " s waiting until " + what + ".");
        }

        /// <summary>The octal permission bits, from stat(1) (net462 has no API for them).</summary>
        private static string FileMode(string path)
        {
            var info = new ProcessStartInfo("stat", "-c %a \"" + path + "\"") { UseShellExecute = false, RedirectStandardOutput = true, CreateNoWindow = true };
            using var stat = Process.Start(info) ?? throw new InvalidOperationException("stat could not be started.");
            var output = stat.StandardOutput.ReadToEnd().Trim();
            if (!stat.WaitForExit(30000) || stat.ExitCode != 0) throw new InvalidOperationException("stat -c %a failed on " + path + ".");
            return output;
        }
    }
}
