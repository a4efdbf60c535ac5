using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>A runspace with the module and a fresh loopback, memory-only communicator per test.</summary>
    public abstract class CmdletTestBase : IDisposable
    {
        static CmdletTestBase()
        {
            Environment.SetEnvironmentVariable("EMPROTO_PORT", "0");
            Environment.SetEnvironmentVariable("EMPROTO_LOCAL_ADDRESS", "127.0.0.1");
            Environment.SetEnvironmentVariable("EMPROTO_STORE_PATH", System.IO.Path.Combine(System.IO.Path.GetTempPath(), "emproto-module-tests-" + Environment.ProcessId + ".json"));
        }

        protected CmdletTestBase()
        {
            Host = new ModuleHost();
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -RetryCount 1 -Timeout 0.5 -WearGuardInterval 60");
            Assert.True(r.Errors.Count == 0, "the communicator starts: " + string.Join("; ", r.Errors));
        }

        protected ModuleHost Host { get; }

        protected static EvseCommunicator Communicator => CommunicatorHolder.Current ?? throw new InvalidOperationException("No communicator is running.");

        protected const string KnownSerial = "9181102751219513";

        /// <summary>Adds a charger at a loopback address where nothing answers (no datagram is sent by adding).</summary>
        protected static Evse AddSilentCharger(string serial = KnownSerial) => Communicator.AddEvse(serial, new IPEndPoint(IPAddress.Loopback, 9));

        /// <summary>
        /// Starts a simulated charger that talks to the communicator. The communicator is started again first
        /// with a budget that holds on a loaded machine (3 s per attempt, 3 retries): the quick budget of the
        /// constructor (0.5 s, 1 retry) is only for chargers that never answer, where a timeout is the point.
        /// </summary>
        protected SimulatedEvse StartSimulator(string serialHex = "5e5e000000000042", string password = "123456", bool pluggedIn = true, bool restartCommunicator = true)
        {
            if (restartCommunicator)
            {
                var restart = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -RetryCount 3 -Timeout 3 -WearGuardInterval 60");
                Assert.True(restart.Errors.Count == 0, "the communicator starts: " + string.Join("; ", restart.Errors));
            }
            var options = new SimulatorOptions
            {
                Serial = EmProto.Protocol.EvseSerial.Parse(serialHex),
                Password = password,
                PluggedIn = pluggedIn,
                Name = "Garage",
                AppEndPoint = new IPEndPoint(IPAddress.Loopback, Communicator.LocalEndPoint!.Port),
                LoginInterval = TimeSpan.FromSeconds(1),
                StatusInterval = TimeSpan.FromSeconds(2),
            };
            var sim = new SimulatedEvse(options);
            sim.Start();
            return sim;
        }

        /// <summary>
        /// Starts a simulated charger with Start-EvseSimulator (so it is stopped with the test), after starting the
        /// communicator again with the budget of <see cref="StartSimulator"/>, and waits until it is heard.
        /// </summary>
        protected void StartSimulatorCmdlet(string serial, string arguments = "")
        {
            var restart = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -RetryCount 3 -Timeout 3 -WearGuardInterval 60");
            Assert.True(restart.Errors.Count == 0, "the communicator starts: " + string.Join("; ", restart.Errors));
            // A status every 2 s (the default is 15 s, as on real chargers), so a wait for a fresh status is short.
            if (arguments.IndexOf("-StatusInterval", StringComparison.OrdinalIgnoreCase) < 0) arguments += " -StatusInterval 2";
            var r = Host.Run("Start-EvseSimulator -Serial " + serial + " -AppEndPoint \"127.0.0.1:$((Get-EvseCommunicator).Port)\" -Password 123456 -PluggedIn " + arguments);
            Assert.True(r.Errors.Count == 0, "the simulator starts: " + string.Join("; ", r.Errors));
            WaitForCharger(serial);
        }

        /// <summary>Runs a script that must not fail and returns its output as text, one line per object.</summary>
        protected string[] Lines(string script)
        {
            var r = Host.Run(script);
            Assert.True(r.Errors.Count == 0, "the script runs without errors: " + string.Join("; ", r.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            return r.Output.Select(o => o?.ToString() ?? string.Empty).ToArray();
        }

        /// <summary>Runs a script that must not fail and returns its output joined into one text.</summary>
        protected string Text(string script) => string.Join("\n", Lines(script));

        /// <summary>Waits (up to 30 s) until the communicator has heard the charger.</summary>
        protected static void WaitForCharger(string serial)
        {
            using var heard = new System.Threading.ManualResetEventSlim();
            System.EventHandler<EvseEventArgs> handler = (s, e) =>
            {
                if (e.Serial == serial) heard.Set();
            };
            Communicator.EvseAdded += handler;
            try
            {
                if (Communicator.GetEvse(serial) == null)
                    Assert.True(heard.Wait(System.TimeSpan.FromSeconds(30)), "the simulated charger " + serial + " announces itself within 30 s");
            }
            finally
            {
                Communicator.EvseAdded -= handler;
            }
        }

        protected static long DatagramsSent => Communicator.Counters.Snapshot().DatagramsSent;

        /// <summary>
        /// Lets every datagram already sent to the communicator be handled: a stopped simulator's last status may still
        /// be in the socket's queue. A junk datagram sent now queues behind it (loopback delivers in order); once the
        /// communicator has counted it as dropped, everything before it was handled.
        /// </summary>
        protected static void SettleReceive()
        {
            var communicator = Communicator;
            long dropped = communicator.Counters.Snapshot().Dropped;
            using (var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                probe.Send(new byte[] { 0x01, 0x02, 0x03 }, 3, new IPEndPoint(IPAddress.Loopback, communicator.LocalEndPoint!.Port));
            }
            Assert.True(System.Threading.SpinWait.SpinUntil(() => communicator.Counters.Snapshot().Dropped > dropped, TimeSpan.FromSeconds(30)), "the communicator handled what was queued");
        }

        protected static ErrorRecord SingleError(ModuleHost.Result r)
        {
            Assert.True(r.Errors.Count == 1, "exactly one error is expected, got " + r.Errors.Count + ": " + string.Join("; ", r.Errors.Select(e => e.FullyQualifiedErrorId)));
            return r.Errors[0];
        }

        public void Dispose()
        {
            Host.Run("Get-EvseSimulator | Stop-EvseSimulator -Confirm:$false");
            CommunicatorHolder.Stop();
            Host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
