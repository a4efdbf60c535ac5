using BenchmarkDotNet.Running;

namespace EmProto.Benchmarks
{
    /// <summary>Entry point: BenchmarkDotNet's switcher (see bench/Invoke-Benchmarks.ps1 for the options used).</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "scenario") return Scenarios.ScenarioRunner.Run(args);
            // --quick (ours, not BenchmarkDotNet's): fewer warm-ups and iterations.
            bool quick = System.Array.IndexOf(args, "--quick") >= 0;
            if (quick) args = System.Array.FindAll(args, a => a != "--quick");
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchConfig(quick));
            int count = 0;
            foreach (var summary in summaries)
            {
                if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0) return 1;
                count += summary.Reports.Length;
                foreach (var report in summary.Reports)
                {
                    if (!report.Success) return 1;
                }
            }
            // A filter that matches nothing is a failure, not an empty success.
            return count == 0 ? 1 : 0;
        }
    }
}
