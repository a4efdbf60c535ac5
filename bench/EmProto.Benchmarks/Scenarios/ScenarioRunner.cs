using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>
    /// "scenario latency|fleet [--quick] [--out file.json]" runs a measured scenario (not BenchmarkDotNet:
    /// these need real sockets, real time and percentiles); "scenario simhost ..." is the fleet's child process.
    /// </summary>
    public static class ScenarioRunner
    {
        /// <summary>Runs the scenario named by <paramref name="args"/>[1]; the rows go to --out as JSON (and to the console).</summary>
        public static int Run(string[] args)
        {
            if (args.Length < 2) throw new ArgumentException("Usage: scenario latency|fleet|simhost [--quick] [--out file.json]");
            var options = new ScenarioArgs(args, 2);
            List<ScenarioRow> rows;
            switch (args[1])
            {
                case "simhost": return SimulatorFleetProcess.Run(options);
                case "latency": rows = LatencyScenario.Run(options); break;
                case "fleet": rows = FleetScenario.Run(options); break;
                default: throw new ArgumentException("Unknown scenario '" + args[1] + "'.");
            }
            foreach (var r in rows) Console.WriteLine(r.Suite + " | " + r.Name + " | " + r.Mean + " " + r.Unit + " | " + r.Notes);
            string? output = options.Has("out") ? options.Get("out", string.Empty) : null;
            if (output != null) File.WriteAllText(output, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
    }
}
