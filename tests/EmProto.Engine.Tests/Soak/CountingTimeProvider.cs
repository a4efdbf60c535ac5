using System;
using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine.Tests.Soak
{
    /// <summary>A time provider that passes everything to another and counts the timers alive (created, not disposed).</summary>
    public sealed class CountingTimeProvider : TimeProvider
    {
        private readonly TimeProvider _inner;
        private int _live;

        public CountingTimeProvider(TimeProvider inner) => _inner = inner;

        public int LiveTimers => Volatile.Read(ref _live);

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

        public override long TimestampFrequency => _inner.TimestampFrequency;

        public override long GetTimestamp() => _inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new CountedTimer(_inner.CreateTimer(callback, state, dueTime, period), this);
            Interlocked.Increment(ref _live);
            return timer;
        }

        private sealed class CountedTimer : ITimer
        {
            private readonly ITimer _timer;
            private readonly CountingTimeProvider _owner;
            private int _disposed;

            public CountedTimer(ITimer timer, CountingTimeProvider owner)
            {
                _timer = timer;
                _owner = owner;
            }

            public bool Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(dueTime, period);

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref _owner._live);
                _timer.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
