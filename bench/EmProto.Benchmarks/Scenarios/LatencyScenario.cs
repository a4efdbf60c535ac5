using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using EmProto.Simulator;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>
    /// Command latency against one simulated charger on loopback, real time, wear guard off: login
    /// handshake, one SetAndGet GET, the full configuration read, charge start and stop. Each is set
    /// against the raw loopback round trip measured right before it the same way.
    /// </summary>
    public static class LatencyScenario
    {
        private const string Password = "123456";

        /// <summary>Runs the scenario; <c>--quick</c> takes fewer samples.</summary>
        public static List<ScenarioRow> Run(ScenarioArgs args)
        {
            int n = args.Has("quick") ? 100 : 1000;
            var rows = new List<ScenarioRow>();
            var raw = RawLoopback.Measure(n * 2, n / 2);
            rows.Add(Row("Raw UDP round trip (floor)", raw, raw));

            var options = new CommunicatorOptions
            {
                LocalAddress = IPAddress.Loopback,
                Port = 0,
                EnableBroadcast = false,
                ProbeTarget = new IPEndPoint(IPAddress.Loopback, 9),
                DefaultTimeZone = TimeZoneInfo.Utc,
                WearGuardInterval = TimeSpan.Zero,
            };
            using var communicator = new EvseCommunicator(options);
            communicator.Start();
            using var host = new EvseSimulatorHost();
            var sim = host.Start(new SimulatorOptions
            {
                Serial = new EvseSerial(0x5e5e0000000b0001UL),
                AppEndPoint = communicator.LocalEndPoint!,
                Password = Password,
                PluggedIn = true,
                MaxAmps = 16,
            });
            var evse = WaitFor(() => communicator.GetEvse(sim.Serial.ToString()), "the simulator is discovered");
            Await(evse.LoginAsync(Password));
            Await(evse.GetConfigAsync(TimeSpan.Zero));

            rows.Add(Row("Login handshake (LoginAsync)", Measure(n / 2, n / 10, _ => evse.LoginAsync(Password)), raw));
            var getAmps = OneGet(evse);
            rows.Add(Row("One SetAndGet GET (max current)", Measure(n, n / 10, _ => getAmps()), raw));
            rows.Add(Row("Full config read (GetConfigAsync, 6 GETs)", Measure(n / 2, n / 10, _ => evse.GetConfigAsync(TimeSpan.Zero)), raw));

            var starts = new Samples();
            var stops = new Samples();
            int pairs = n / 4;
            for (int i = 0; i < pairs + 10; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                Await(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 10, ChargeId = "B" + i.ToString("D8", CultureInfo.InvariantCulture) }));
                if (i >= 10) starts.AddSince(t0);
                t0 = Stopwatch.GetTimestamp();
                Await(evse.StopChargeAsync());
                if (i >= 10) stops.AddSince(t0);
            }
            rows.Add(Row("Charge start (StartChargeAsync)", starts, raw));
            rows.Add(Row("Charge stop (StopChargeAsync)", stops, raw));

            var stats = communicator.Counters.Snapshot();
            rows.Add(new ScenarioRow
            {
                Suite = "latency",
                Name = "Retries / timeouts during the latency runs",
                Mean = stats.Retries,
                Unit = "count",
                Notes = "timeouts " + stats.Timeouts + "; datagrams sent " + stats.DatagramsSent + ", received " + stats.DatagramsReceived + "; dropped " + stats.Dropped + Reasons(stats),
            });
            return rows;
        }

        /// <summary>One SetAndGet GET of the maximum current, exactly as GetConfigAsync issues each of its reads.</summary>
        internal static Func<Task> OneGet(Evse evse) => () => evse.ReadMaxCurrentAsync();

        private static Samples Measure(int iterations, int warmup, Func<int, Task> action)
        {
            var samples = new Samples();
            for (int i = 0; i < warmup + iterations; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                Await(action(i));
                if (i >= warmup) samples.AddSince(t0);
            }
            return samples;
        }

        private static void Await(Task task)
        {
            if (!task.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("A command did not finish within 30 s.");
        }

        private static T WaitFor<T>(Func<T?> probe, string what) where T : class
        {
            T? value = null;
            if (!SpinWait.SpinUntil(() => (value = probe()) != null, TimeSpan.FromSeconds(30))) throw new TimeoutException("Timed out waiting until " + what + ".");
            return value!;
        }

        internal static string Reasons(CommunicatorStatistics stats)
        {
            if (stats.DroppedByReason.Count == 0) return string.Empty;
            var parts = new List<string>();
            foreach (var kv in stats.DroppedByReason) parts.Add(kv.Key + "=" + kv.Value);
            return " (" + string.Join(", ", parts) + ")";
        }

        private static ScenarioRow Row(string name, Samples s, Samples raw) => new ScenarioRow
        {
            Suite = "latency",
            Name = name,
            Mean = Math.Round(s.Median, 1),
            Unit = "us",
            Notes = string.Format(CultureInfo.InvariantCulture, "median {0:F1} us, p99 {1:F1} us, n={2}; {3:F2}x the raw median (+{4:F1} us), p99 {5:F2}x",
                s.Median, s.P99, s.Count, s.Median / raw.Median, s.Median - raw.Median, s.P99 / raw.P99),
        };
    }
}
