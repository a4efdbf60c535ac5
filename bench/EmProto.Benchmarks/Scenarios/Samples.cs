using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>Latency samples in microseconds, with the order statistics we report.</summary>
    public sealed class Samples
    {
        private readonly List<double> _values = new List<double>();

        /// <summary>The number of samples.</summary>
        public int Count => _values.Count;

        /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
        public void AddSince(long startTimestamp) =>
            _values.Add((Stopwatch.GetTimestamp() - startTimestamp) * 1_000_000.0 / Stopwatch.Frequency);

        /// <summary>The median.</summary>
        public double Median => Percentile(50);

        /// <summary>The 99th percentile.</summary>
        public double P99 => Percentile(99);

        /// <summary>The <paramref name="p"/>th percentile (nearest rank).</summary>
        public double Percentile(double p)
        {
            if (_values.Count == 0) throw new InvalidOperationException("No samples.");
            var sorted = _values.ToArray();
            Array.Sort(sorted);
            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Min(sorted.Length, Math.Max(1, rank)) - 1];
        }
    }
}
