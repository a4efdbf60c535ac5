using System;
using System.Globalization;
using System.Net;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>
    /// The child-process side of the fleet scenario: N simulated chargers on loopback announcing to
    /// 127.0.0.1:--app-port, driven over stdin ("stats", "quit") and reporting on stdout
    /// ("STARTING", "READY ms", "STATS sent received registered sendErrors"). It ends by itself after
    /// --seconds even if nobody says quit.
    /// </summary>
    public static class SimulatorFleetProcess
    {
        /// <summary>Runs the fleet until "quit", end of input or the deadline.</summary>
        public static int Run(ScenarioArgs args)
        {
            int count = args.GetInt("count", 10);
            int appPort = args.GetInt("app-port", 0);
            if (appPort <= 0) throw new ArgumentException("--app-port is required.");
            ulong serial = ulong.Parse(args.Get("serial-base", "5e5e000001000000"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(args.GetInt("seconds", 300));

            using var host = new EvseSimulatorHost();
            Console.Out.WriteLine("STARTING");
            Console.Out.Flush();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            host.StartMany(new SimulatorOptions
            {
                Serial = new EvseSerial(serial),
                AppEndPoint = new IPEndPoint(IPAddress.Loopback, appPort),
                Password = "123456",
            }, count);
            Console.Out.WriteLine("READY " + sw.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();

            Task<string?>? pending = null;
            while (DateTime.UtcNow < deadline)
            {
                pending ??= Console.In.ReadLineAsync();
                if (!pending.Wait(TimeSpan.FromMilliseconds(500))) continue;
                string? line = pending.Result;
                pending = null;
                if (line == null || line.Trim() == "quit") break;
                if (line.Trim() == "stats")
                {
                    long sent = 0, received = 0, sendErrors = 0, registered = 0;
                    foreach (var sim in host.Chargers)
                    {
                        sent += sim.Counters.PacketsSent;
                        received += sim.Counters.PacketsReceived;
                        sendErrors += sim.Counters.SendErrors;
                        if (sim.IsRegistered) registered++;
                    }
                    Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "STATS {0} {1} {2} {3}", sent, received, registered, sendErrors));
                    Console.Out.Flush();
                }
            }
            return 0;
        }
    }
}
