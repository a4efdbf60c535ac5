using System;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The power a charger drew over the last minutes, in buckets of <see cref="BucketLength"/>: each bucket keeps
    /// the highest reading that fell into it. Times are passed in, so the history is independent of the clock.
    /// Used by one thread (the pipeline thread of Watch-Evse).
    /// </summary>
    internal sealed class PowerHistory
    {
        /// <summary>How long one bucket (one character of the sparkline) lasts.</summary>
        public static readonly TimeSpan BucketLength = TimeSpan.FromSeconds(10);

        /// <summary>How many buckets are kept (20 minutes).</summary>
        public const int Capacity = 120;

        /// <summary>The sparkline characters, lowest first.</summary>
        public const string Blocks = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

        private readonly long[] _index = new long[Capacity];
        private readonly double[] _max = new double[Capacity];
        private readonly bool[] _used = new bool[Capacity];

        /// <summary>Records a reading (kW) taken at <paramref name="time"/>; readings older than the history are ignored.</summary>
        public void Add(DateTimeOffset time, double kw)
        {
            if (double.IsNaN(kw) || double.IsInfinity(kw)) return;
            long bucket = BucketOf(time);
            int slot = SlotOf(bucket);
            if (!_used[slot] || _index[slot] < bucket)
            {
                _used[slot] = true;
                _index[slot] = bucket;
                _max[slot] = kw;
            }
            else if (_index[slot] == bucket && kw > _max[slot])
            {
                _max[slot] = kw;
            }
        }

        /// <summary>
        /// The last <paramref name="count"/> buckets up to the one holding <paramref name="now"/>, oldest first;
        /// null where no reading was taken.
        /// </summary>
        public double?[] Last(int count, DateTimeOffset now)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            count = Math.Min(count, Capacity);
            var values = new double?[count];
            long newest = BucketOf(now);
            for (int i = 0; i < count; i++)
            {
                long bucket = newest - (count - 1 - i);
                int slot = SlotOf(bucket);
                if (_used[slot] && _index[slot] == bucket) values[i] = _max[slot];
            }
            return values;
        }

        /// <summary>
        /// Draws readings as a sparkline: a blank for no reading, the lowest block for nothing drawn, and the
        /// other blocks in proportion to <paramref name="fullScaleKW"/> (or to the highest reading when that is larger).
        /// </summary>
        public static string Sparkline(double?[] values, double fullScaleKW)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            double scale = fullScaleKW > 0 ? fullScaleKW : 0;
            foreach (var v in values)
            {
                if (v.HasValue && v.Value > scale) scale = v.Value;
            }
            var chars = new char[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (!v.HasValue) chars[i] = ' ';
                else if (v.Value <= 0 || scale <= 0) chars[i] = Blocks[0];
                else
                {
                    // Anything drawn shows at least the second block; full scale is the last.
                    int level = 1 + (int)Math.Round(v.Value / scale * (Blocks.Length - 2), MidpointRounding.AwayFromZero);
                    chars[i] = Blocks[Math.Max(1, Math.Min(Blocks.Length - 1, level))];
                }
            }
            return new string(chars);
        }

        private static long BucketOf(DateTimeOffset time) => time.UtcTicks / BucketLength.Ticks;

        private static int SlotOf(long bucket) => (int)(((bucket % Capacity) + Capacity) % Capacity);
    }
}
