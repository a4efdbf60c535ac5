namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>One measured number of a scenario, in the row shape bench/Invoke-Benchmarks.ps1 writes out.</summary>
    public sealed class ScenarioRow
    {
        /// <summary>The suite (latency, fleet).</summary>
        public string Suite { get; set; } = string.Empty;

        /// <summary>What was measured.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The value (a median unless the name says otherwise).</summary>
        public double Mean { get; set; }

        /// <summary>The unit of <see cref="Mean"/> (us, ms, s, %, KB, count, x).</summary>
        public string Unit { get; set; } = string.Empty;

        /// <summary>Bytes allocated per operation when measured, else null.</summary>
        public long? Allocated { get; set; }

        /// <summary>Percentiles, ratios, targets.</summary>
        public string Notes { get; set; } = string.Empty;
    }
}
