using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>The simulator fleet in a child process (this program's "simhost" mode), seen from the parent.</summary>
    public sealed class FleetChild : IDisposable
    {
        private readonly Process _process;

        private FleetChild(Process process) => _process = process;

        /// <summary>The counters of the last "stats" answer.</summary>
        public FleetStats? LastStats { get; private set; }

        /// <summary>The CPU time the child has used so far.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <summary>Starts <paramref name="count"/> chargers announcing to 127.0.0.1:<paramref name="appPort"/>; the child ends itself after <paramref name="seconds"/>.</summary>
        public static FleetChild Start(int count, int appPort, int seconds)
        {
            string host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
            var info = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
                info.ArgumentList.Add(typeof(FleetChild).Assembly.Location);
            foreach (var a in new[] { "scenario", "simhost", "--count", count.ToString(CultureInfo.InvariantCulture), "--app-port", appPort.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture) })
                info.ArgumentList.Add(a);
            return new FleetChild(Process.Start(info) ?? throw new InvalidOperationException("The simulator process did not start."));
        }

        /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns it.</summary>
        public string Expect(string prefix, int seconds)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var remaining = TimeSpan.FromSeconds(seconds) - deadline.Elapsed;
                if (remaining <= TimeSpan.Zero) throw new TimeoutException("The simulator process did not say " + prefix + " within " + seconds + " s.");
                var line = _process.StandardOutput.ReadLineAsync();
                if (!line.Wait(remaining)) throw new TimeoutException("The simulator process did not say " + prefix + " within " + seconds + " s.");
                if (line.Result == null) throw new EndOfStreamException("The simulator process ended before saying " + prefix + ".");
                if (line.Result.StartsWith(prefix, StringComparison.Ordinal)) return line.Result;
            }
        }

        /// <summary>Asks the child for its counters.</summary>
        public FleetStats Stats()
        {
            _process.StandardInput.WriteLine("stats");
            _process.StandardInput.Flush();
            var parts = Expect("STATS", 30).Split(' ');
            LastStats = new FleetStats(
                long.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture),
                long.Parse(parts[4], CultureInfo.InvariantCulture));
            return LastStats;
        }

        /// <summary>Takes the final counters and tells the child to stop; waits up to 30 s for it.</summary>
        public void Quit()
        {
            if (_process.HasExited) return;
            Stats();
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Flush();
            _process.WaitForExit(30_000);
        }

        /// <summary>Ends the child (killed if it did not quit).</summary>
        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.Close();
                    if (!_process.WaitForExit(10_000)) _process.Kill();
                }
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
