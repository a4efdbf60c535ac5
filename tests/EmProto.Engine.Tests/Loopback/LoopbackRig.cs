using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace EmProto.Engine.Tests.Loopback
{
    /// <summary>
    /// A real communicator and real simulated chargers talking over 127.0.0.1, on one clock
    /// (fake or real). Nothing leaves loopback.
    /// </summary>
    public sealed class LoopbackRig : IDisposable
    {
        private readonly List<string> _tempDirs = new List<string>();
        private readonly List<SimulatedEvse> _sims = new List<SimulatedEvse>();

        public LoopbackRig(bool fakeTime = false, Action<CommunicatorOptions>? configure = null, int port = 0, string? storePath = null)
        {
            Fake = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)) : null;
            Time = (TimeProvider?)Fake ?? TimeProvider.System;
            Options = new CommunicatorOptions
            {
                LocalAddress = IPAddress.Loopback,
                Port = port,
                EnableBroadcast = false,
                TimeProvider = Time,
                DefaultTimeZone = TimeZoneInfo.Utc,
                ProbeTarget = new IPEndPoint(IPAddress.Loopback, 9),
                StorePath = storePath,
                // Real time: a budget that holds on a loaded 2-core machine (these rigs lose nothing, so
                // retries are rare and cost nothing when all is well). Fake time: the clock only moves once
                // the loopback traffic has settled (see Drive), so 1 s of fake time is plenty.
                RequestTimeout = TimeSpan.FromMilliseconds(fakeTime ? 1000 : 2000),
            };
            configure?.Invoke(Options);
            Communicator = new EvseCommunicator(Options);
            Communicator.Start();
            Host = new EvseSimulatorHost(Time);
        }

        public FakeTimeProvider? Fake { get; }

        public TimeProvider Time { get; }

        public CommunicatorOptions Options { get; }

        public EvseCommunicator Communicator { get; private set; }

        public EvseSimulatorHost Host { get; }

        public IPEndPoint AppEndPoint => Communicator.LocalEndPoint!;

        public static int FreePort()
        {
            using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        public string TempStore()
        {
            var dir = Path.Combine(Path.GetTempPath(), "emproto-rig-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            _tempDirs.Add(dir);
            return Path.Combine(dir, "evses.json");
        }

        public SimulatedEvse Charger(Action<SimulatorOptions>? configure = null, ulong serial = 0x5e5e000000000001UL)
        {
            var options = new SimulatorOptions { Serial = new EvseSerial(serial), AppEndPoint = AppEndPoint, Password = "123456", MaxAmps = 32 };
            configure?.Invoke(options);
            var sim = Host.Start(options);
            lock (_sims) _sims.Add(sim);
            return sim;
        }

        /// <summary>Waits until the communicator knows the charger (its Login arrived); with fake time, moves the clock meanwhile (a lost Login is repeated).</summary>
        public Evse Discover(SimulatedEvse sim, int seconds = 30)
        {
            Evse? evse = null;
            Func<bool> known = () => (evse = Communicator.GetEvse(sim.Serial.ToString())) != null;
            if (Fake != null)
            {
                var deadline = DateTime.UtcNow.AddSeconds(seconds);
                while (!known() && DateTime.UtcNow < deadline)
                {
                    Settle();
                    if (known()) break;
                    Fake.Advance(TimeSpan.FromMilliseconds(250));
                }
            }
            WaitUntil(known, "charger " + sim.Serial + " is discovered", seconds);
            return evse!;
        }

        public Evse Connect(SimulatedEvse sim)
        {
            var evse = Discover(sim);
            Run(evse.LoginAsync("123456"));
            return evse;
        }

        /// <summary>Waits for a task; with fake time, moves the clock in small steps meanwhile.</summary>
        public T Run<T>(Task<T> task, int maxSteps = 2000)
        {
            Drive(task, maxSteps);
            return task.GetAwaiter().GetResult();
        }

        public void Run(Task task, int maxSteps = 2000)
        {
            Drive(task, maxSteps);
            task.GetAwaiter().GetResult();
        }

        private void Drive(Task task, int maxSteps)
        {
            var done = ((IAsyncResult)task).AsyncWaitHandle;
            if (Fake == null)
            {
                if (!done.WaitOne(TimeSpan.FromSeconds(60))) throw new TimeoutException("The operation did not finish within 60 s.");
                return;
            }
            for (int i = 0; i < maxSteps && !task.IsCompleted; i++)
            {
                if (done.WaitOne(TimeSpan.FromMilliseconds(15))) break;
                // The clock moves only when nothing has been sent or received for a while: a reply that a
                // loaded machine delivers late is waited for, not turned into a timeout by the clock.
                Settle();
                if (task.IsCompleted) break;
                Fake.Advance(TimeSpan.FromMilliseconds(250));
            }
            if (!done.WaitOne(TimeSpan.FromSeconds(30))) throw new TimeoutException("The operation did not finish.");
        }

        /// <summary>Moves fake time in steps, letting the loopback traffic of each step settle on a condition.</summary>
        public void Advance(TimeSpan total, TimeSpan? step = null)
        {
            if (Fake == null) throw new InvalidOperationException("Advance needs fake time.");
            var s = step ?? TimeSpan.FromSeconds(1);
            for (var t = TimeSpan.Zero; t < total; t += s) Fake.Advance(s);
        }

        /// <summary>
        /// Waits (at most 2 s of real time) until the traffic counters of the communicator and of the
        /// rig's simulators have stayed the same for 30 ms: what was sent has been received and answered.
        /// </summary>
        public void Settle()
        {
            long last = TrafficCount();
            var quietSince = DateTime.UtcNow;
            var giveUp = quietSince.AddSeconds(2);
            while (DateTime.UtcNow < giveUp)
            {
                Thread.Sleep(5);
                long now = TrafficCount();
                if (now != last)
                {
                    last = now;
                    quietSince = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - quietSince >= TimeSpan.FromMilliseconds(30))
                {
                    Harness.WaitForQuietPool();
                    return;
                }
            }
        }

        private long TrafficCount()
        {
            var c = Communicator.Counters.Snapshot();
            long sum = c.DatagramsSent + c.DatagramsReceived;
            lock (_sims)
            {
                foreach (var sim in _sims) sum += sim.Counters.PacketsSent + sim.Counters.PacketsReceived + sim.Counters.PacketsLost;
            }
            return sum;
        }

        public static void WaitUntil(Func<bool> condition, string what, int seconds = 30)
        {
            if (!SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds))) throw new TimeoutException("Timed out waiting until " + what + ".");
        }

        public void RestartCommunicator()
        {
            Communicator.Dispose();
            Communicator = new EvseCommunicator(Options);
            Communicator.Start();
        }

        public void Dispose()
        {
            Host.Dispose();
            Communicator.Dispose();
            foreach (var d in _tempDirs)
            {
                try
                {
                    Directory.Delete(d, true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
