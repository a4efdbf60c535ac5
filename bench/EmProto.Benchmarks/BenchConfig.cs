using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EmProto.Benchmarks
{
    /// <summary>
    /// A short job run in process (no generated project to build), with allocations measured and
    /// results exported as GitHub markdown and full JSON: enough for trends on a 2-core CI box,
    /// finished in a few minutes.
    /// </summary>
    public sealed class BenchConfig : ManualConfig
    {
        public BenchConfig(bool quick = false)
        {
            // The defaults bring the console logger, the columns and the validators.
            Add(DefaultConfig.Instance);
            var job = quick ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3) : Job.ShortRun;
            AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "quick-inprocess" : "short-inprocess"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddExporter(MarkdownExporter.GitHub);
            AddExporter(JsonExporter.Full);
        }
    }
}
