using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>
    /// Fleets of 10, 100 and 1,000 simulated chargers (in a child process, so its CPU and memory are
    /// not ours) against one communicator in this process: discovery time, connect (login all at
    /// once) time, steady-state CPU and memory per charger, datagrams lost or dropped, receive
    /// backlog, and the latency of a command under that load.
    /// </summary>
    public static class FleetScenario
    {
        /// <summary>Runs every fleet size of <c>--counts</c> (default 10,100,1000).</summary>
        public static List<ScenarioRow> Run(ScenarioArgs args)
        {
            var counts = args.Get("counts", "10,100,1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            int intervalSeconds = args.GetInt("interval-seconds", args.Has("quick") ? 11 : 20);
            var rows = new List<ScenarioRow>();
            foreach (int count in counts) rows.AddRange(RunOne(count, intervalSeconds, args.Has("quick") ? 100 : 300));
            return rows;
        }

        private static List<ScenarioRow> RunOne(int count, int intervalSeconds, int latencySamples)
        {
            string suite = "fleet " + count.ToString(CultureInfo.InvariantCulture);
            var rows = new List<ScenarioRow>();
            var self = Process.GetCurrentProcess();
            long heap0 = GC.GetTotalMemory(true);
            self.Refresh();
            long ws0 = self.WorkingSet64;

            using var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                LocalAddress = IPAddress.Loopback,
                Port = 0,
                EnableBroadcast = false,
                ProbeTarget = new IPEndPoint(IPAddress.Loopback, 9),
                DefaultTimeZone = TimeZoneInfo.Utc,
            });
            communicator.Start();
            int port = communicator.LocalEndPoint!.Port;
            using var fleet = FleetChild.Start(count, port, 120 + intervalSeconds * 2);

            fleet.Expect("STARTING", 60);
            var sw = Stopwatch.StartNew();
            string ready = fleet.Expect("READY", 120);
            double simStartMs = double.Parse(ready.Split(' ')[1], CultureInfo.InvariantCulture);
            WaitUntil(() => communicator.GetEvses().Count >= count, "all " + count + " chargers are discovered", 60);
            double discoverMs = sw.Elapsed.TotalMilliseconds;

            var evses = communicator.GetEvses();
            sw.Restart();
            var logins = Task.WhenAll(evses.Select(e => e.LoginAsync("123456")));
            if (!logins.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("The logins did not finish within 60 s.");
            double connectMs = sw.Elapsed.TotalMilliseconds;
            WaitUntil(() => evses.All(e => e.Config != null), "every charger's configuration is read after login", 60);
            double settledMs = sw.Elapsed.TotalMilliseconds;
            WaitUntil(() => fleet.Stats().Registered >= count, "every simulator has registered the app", 60, 100);
            double registeredMs = sw.Elapsed.TotalMilliseconds;
            var afterConnect = communicator.Counters.Snapshot();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            long heap1 = GC.GetTotalMemory(true);
            self.Refresh();
            long ws1 = self.WorkingSet64;

            // Steady state: nothing but the fleet's keep-alives and status pushes.
            var child = fleet.Stats();
            var ours = communicator.Counters.Snapshot();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var childCpu0 = fleet.ProcessorTime;
            var interval = Stopwatch.StartNew();
            int maxBacklog = 0;
            while (interval.Elapsed < TimeSpan.FromSeconds(intervalSeconds))
            {
                maxBacklog = Math.Max(maxBacklog, UdpQueue.Read(port).RxQueue);
                Thread.Sleep(50);
            }
            double seconds = interval.Elapsed.TotalSeconds;
            self.Refresh();
            double cpuPct = (self.TotalProcessorTime - cpu0).TotalSeconds / seconds * 100;
            double childCpuPct = (fleet.ProcessorTime - childCpu0).TotalSeconds / seconds * 100;
            var child2 = fleet.Stats();
            var ours2 = communicator.Counters.Snapshot();
            long simSent = child2.Sent - child.Sent;
            long received = ours2.PacketsReceived - ours.PacketsReceived;

            // A command under that load, to the first charger.
            var get = LatencyScenario.OneGet(evses[0]);
            var samples = new Samples();
            for (int i = 0; i < latencySamples + 20; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                if (!get().Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("A GET under load did not finish within 30 s.");
                if (i >= 20) samples.AddSince(t0);
            }

            var end = communicator.Counters.Snapshot();
            var queue = UdpQueue.Read(port);
            fleet.Quit();
            var endChild = fleet.LastStats;
            long unsolicited = end.DroppedByReason.TryGetValue("Unsolicited", out var u) ? u : 0;

            void Add(string name, double value, string unit, string notes) =>
                rows.Add(new ScenarioRow { Suite = suite, Name = name, Mean = Math.Round(value, 2), Unit = unit, Notes = notes });
            Add("Discover all", discoverMs, "ms", string.Format(CultureInfo.InvariantCulture, "from the simulator process starting its fleet (it took {0:F0} ms to bind and start all {1}) to all known", simStartMs, count));
            Add("Connect all (concurrent LoginAsync)", connectMs, "ms", string.Format(CultureInfo.InvariantCulture,
                "target < 3000 ms at 1,000; configuration of all read after {0:F0} ms, all simulators registered after {1:F0} ms; retries {2}, timeouts {3} until then",
                settledMs, registeredMs, afterConnect.Retries, afterConnect.Timeouts));
            Add("Engine memory per charger (GC heap)", (heap1 - heap0) / 1024.0 / count, "KB", string.Format(CultureInfo.InvariantCulture,
                "target < 20 KB; heap delta {0:F0} KB for {1} connected chargers (incl. the communicator itself); working set delta {2:F1} KB per charger",
                (heap1 - heap0) / 1024.0, count, (ws1 - ws0) / 1024.0 / count));
            Add("Engine CPU, steady state", cpuPct, "%", string.Format(CultureInfo.InvariantCulture,
                "% of one core over {0:F1} s, all connected; simulators' process {1:F2} %; {2:F0} datagrams/s received", seconds, childCpuPct, received / seconds));
            Add("Datagrams dropped by the engine", end.Dropped - unsolicited, "count", string.Format(CultureInfo.InvariantCulture,
                "must be 0 (late duplicate replies, 'Unsolicited', not counted: {0}){1}; kernel drops on our socket {2}", unsolicited, LatencyScenario.Reasons(end), queue.Drops < 0 ? "n/a" : queue.Drops.ToString(CultureInfo.InvariantCulture)));
            Add("Receive backlog, steady state (max socket queue)", maxBacklog, "bytes", string.Format(CultureInfo.InvariantCulture,
                "sampled every 50 ms from /proc/net/udp{0}; over the interval simulators sent {1}, engine received {2}; whole run: simulators sent {3}, engine received {4}",
                maxBacklog < 0 ? " (not available here)" : string.Empty, simSent, received, endChild?.Sent ?? child2.Sent, end.PacketsReceived));
            Add("One GET under load (median)", samples.Median, "us", string.Format(CultureInfo.InvariantCulture,
                "p99 {0:F1} us, n={1}, to one charger while all {2} push keep-alives and status", samples.P99, samples.Count, count));
            return rows;
        }

        private static void WaitUntil(Func<bool> condition, string what, int seconds, int pollMs = 2)
        {
            var deadline = Stopwatch.StartNew();
            while (!condition())
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException("Timed out waiting until " + what + ".");
                Thread.Sleep(pollMs);
            }
        }
    }
}
