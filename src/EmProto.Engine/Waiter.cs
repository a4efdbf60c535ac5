using System;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>A request waiting for its reply datagram.</summary>
    internal sealed class Waiter
    {
        private readonly TaskCompletionSource<Datagram> _tcs = new TaskCompletionSource<Datagram>(TaskCreationOptions.RunContinuationsAsynchronously);

        public Waiter(Func<Datagram, bool> match) => Match = match;

        public Func<Datagram, bool> Match { get; }

        /// <summary>What the request is doing now (diagnostics).</summary>
        public string Phase { get; set; } = "created";

        public bool IsDone => _tcs.Task.IsCompleted;

        public Datagram Result => _tcs.Task.GetAwaiter().GetResult();

        public bool Complete(in Datagram d) => _tcs.TrySetResult(d);

        public void Fail(Exception error) => _tcs.TrySetException(error);

        /// <summary>Waits up to <paramref name="timeout"/>; true when the reply came (rethrows a failure).</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
        {
            if (_tcs.Task.IsCompleted)
            {
                await _tcs.Task.ConfigureAwait(false);
                return true;
            }
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var delay = time.Delay(timeout, cts.Token);
                var first = await Task.WhenAny(_tcs.Task, delay).ConfigureAwait(false);
                cts.Cancel();
                if (first == _tcs.Task)
                {
                    await _tcs.Task.ConfigureAwait(false);
                    return true;
                }
                ct.ThrowIfCancellationRequested();
                return false;
            }
        }
    }
}
