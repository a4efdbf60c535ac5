using System;
using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Writes the store on a thread of its own: requests from the receive path, logins and housekeeping only
    /// signal it and return at once; requests that arrive while a write runs are coalesced into the next one.
    /// So a slow disk or another process holding the store's lock (up to 10 s) never delays a Heading answer.
    /// </summary>
    internal sealed class StoreWriter : IDisposable
    {
        private readonly Action _write;
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0, 1);
        private readonly object _sync = new object();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private TaskCompletionSource<bool> _nextWrite = NewCompletion();
        private Task? _loop;
        private int _requested;
        private long _writes;

        public StoreWriter(Action write) => _write = write;

        /// <summary>Writes completed so far.</summary>
        public long Writes => Interlocked.Read(ref _writes);

        public void Start()
        {
            lock (_sync)
            {
                if (_loop != null) return;
                _loop = Task.Factory.StartNew(LoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            }
        }

        /// <summary>Asks for a write soon; returns a task that completes when a write that began after the request has finished.</summary>
        public Task Request()
        {
            Task done;
            lock (_sync) done = _nextWrite.Task;
            if (Interlocked.Exchange(ref _requested, 1) == 0)
            {
                try
                {
                    _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already signalled: the pending write covers this request.
                }
            }
            return done;
        }

        private async Task LoopAsync()
        {
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                try
                {
                    await _signal.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                TaskCompletionSource<bool> finishing;
                lock (_sync)
                {
                    finishing = _nextWrite;
                    _nextWrite = NewCompletion();
                }
                Interlocked.Exchange(ref _requested, 0);
#pragma warning disable CA1031 // the writer must outlive a failed write; the failure is kept by the communicator
                try
                {
                    _write();
                }
                catch (Exception)
                {
                    // The communicator records store failures itself (StoreError); nothing else to do here.
                }
#pragma warning restore CA1031
                Interlocked.Increment(ref _writes);
                finishing.TrySetResult(true);
            }
        }

        /// <summary>Stops the writer (waiting for a write in progress, bounded); the caller writes the last state itself.</summary>
        public void Stop()
        {
            Task? loop;
            lock (_sync)
            {
                loop = _loop;
                _loop = null;
            }
            _stop.Cancel();
            try
            {
                loop?.Wait(TimeSpan.FromSeconds(15));
            }
            catch (AggregateException)
            {
                // Ends by cancellation.
            }
            lock (_sync) _nextWrite.TrySetResult(false);
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
            _signal.Dispose();
        }

        private static TaskCompletionSource<bool> NewCompletion() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
