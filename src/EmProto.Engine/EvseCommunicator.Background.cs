using System;
using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine
{
    /// <summary>Events (raised on the dispatcher thread), background work tied to the communicator, and housekeeping.</summary>
    public sealed partial class EvseCommunicator
    {
        // ------------------------------------------------------------------ events and background work

        internal void Raise(Evse evse, EvseChange change, object? oldValue, object? newValue, string? message = null)
        {
            if (EvseChanged == null) return;
            var args = new EvseEventArgs(evse, change, oldValue, newValue, Options.TimeProvider.GetUtcNow(), message);
            _dispatcher.Post(() => EvseChanged?.Invoke(this, args));
        }

        private void RaiseAdded(Evse evse)
        {
            if (EvseAdded == null) return;
            var args = new EvseEventArgs(evse, null, null, null, Options.TimeProvider.GetUtcNow());
            _dispatcher.Post(() => EvseAdded?.Invoke(this, args));
        }

        /// <summary>Completes when every event raised before the call has been delivered to its handlers (at once when events are no longer delivered).</summary>
        public Task FlushEventsAsync()
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_dispatcher.Post(() => done.TrySetResult(true))) done.TrySetResult(false);
            return done.Task;
        }

        /// <summary>Runs work tied to the communicator's lifetime; failures are contained (they surface through state and events).</summary>
        internal void RunBackground(Func<CancellationToken, Task> work)
        {
            var token = _cts.Token;
            if (token.IsCancellationRequested) return;
            Task task = Task.Run(async () =>
            {
#pragma warning disable CA1031 // background refreshes must not crash the process
                try
                {
                    await work(token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Timeouts and refusals here are not the caller's: the next command reports its own.
                }
#pragma warning restore CA1031
            });
            _background[task] = true;
            task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>
        /// The housekeeping tick. Ticks never overlap: a tick that fires while one runs is not lost but makes the
        /// running one go round again with the newer time, so a lapse or an offline charger is noticed on the
        /// tick that crosses its threshold however busy the machine is.
        /// </summary>
        private void Housekeeping()
        {
            if (Interlocked.Increment(ref _ticking) != 1) return;
            int covered;
            do
            {
                covered = Volatile.Read(ref _ticking);
                HousekeepingOnce();
            }
            while (Interlocked.Add(ref _ticking, -covered) != 0);
        }

        private void HousekeepingOnce()
        {
            try
            {
                var now = Options.TimeProvider.GetUtcNow();
                foreach (var evse in _evses.Values)
                {
                    evse.Tick(now, out bool offline, out bool lapsed);
                    if (offline) Raise(evse, EvseChange.Online, true, false);
                    if (lapsed)
                    {
                        Raise(evse, EvseChange.Login, true, false);
                        if (evse.NeedsLogin(now, TimeSpan.FromSeconds(5))) AutoLogin(evse);
                    }
                    if (evse.ConfigIsStale(now) && evse.TryBeginRefresh())
                    {
                        RunBackground(async ct =>
                        {
                            try
                            {
                                await evse.GetConfigAsync(Options.ConfigRefreshInterval, ct).ConfigureAwait(false);
                            }
                            finally
                            {
                                evse.EndRefresh();
                            }
                        });
                    }
                }
                bool dirty;
                lock (_storeLock) dirty = _dirty.Count > 0;
                if (dirty) RequestSave();
            }
#pragma warning disable CA1031 // a timer callback must not crash the process
            catch (Exception)
            {
                Counters.Drop(DropReason.HandlerError);
            }
#pragma warning restore CA1031
        }
    }
}
