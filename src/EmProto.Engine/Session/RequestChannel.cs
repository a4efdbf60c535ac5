using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;

namespace EmProto.Engine.Session
{
    /// <summary>How much time a request may take.</summary>
    internal enum RequestBudget
    {
        /// <summary>A core request: resent until the communicator's full budget (tries × request timeout) is spent.</summary>
        Full,
        /// <summary>An optional request (a hint): the short optional budget, then the caller falls back.</summary>
        Short,
    }

    /// <summary>An answer and how many tries it took.</summary>
    internal readonly struct RequestReply
    {
        public RequestReply(Datagram datagram, int attempts)
        {
            Datagram = datagram;
            Attempts = attempts;
        }

        public Datagram Datagram { get; }

        /// <summary>1 when the first try was answered; more when the request was resent.</summary>
        public int Attempts { get; }
    }

    /// <summary>
    /// One charger's requests: waiters correlated by the reply they accept, retransmission on a measured
    /// timeout within a bounded wall-clock budget, and de-duplication of identical reads in flight.
    /// </summary>
    internal sealed class RequestChannel
    {
        /// <summary>Tries a request gets even when its budget ran out early.</summary>
        internal const int MinimumTries = 3;

        private readonly object _sync = new object();
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private readonly Dictionary<string, Task<RequestReply>> _inFlight = new Dictionary<string, Task<RequestReply>>(StringComparer.Ordinal);
        private readonly string _serial;
        private readonly CommunicatorOptions _options;
        private readonly CommunicatorCounters _counters;
        private readonly Func<EmCommand, EmPayload, EmPassword?, Task> _send;
        private readonly Func<CancellationToken> _lifetime;

        public RequestChannel(string serial, CommunicatorOptions options, CommunicatorCounters counters, Func<EmCommand, EmPayload, EmPassword?, Task> send, Func<CancellationToken> lifetime)
        {
            _serial = serial;
            _options = options;
            _counters = counters;
            _send = send;
            _lifetime = lifetime;
            Timer = new RetransmitTimer(options.MinRetransmitTimeout, options.RequestTimeout, options.InitialRetransmitTimeout);
        }

        /// <summary>The charger's measured retransmission timeout.</summary>
        public RetransmitTimer Timer { get; }

        /// <summary>Requests waiting for an answer.</summary>
        public int PendingCount
        {
            get { lock (_sync) return _waiters.Count; }
        }

        /// <summary>The whole budget of a request of this kind.</summary>
        public TimeSpan BudgetOf(RequestBudget budget)
        {
            var full = TimeSpan.FromTicks(_options.RequestTimeout.Ticks * (_options.RetryCount + 1));
            return budget == RequestBudget.Full || _options.OptionalRequestBudget > full ? full : _options.OptionalRequestBudget;
        }

        /// <summary>
        /// Sends a request and waits for the datagram <paramref name="match"/> accepts, resending after each
        /// retransmission timeout until the budget is spent. Identical reads in flight share one exchange
        /// when <paramref name="dedupe"/> is set.
        /// </summary>
        public Task<RequestReply> RequestAsync(EmCommand command, EmPayload payload, Func<Datagram, bool> match, EmPassword? password, string describe, bool dedupe, RequestBudget budget, CancellationToken ct)
        {
            if (!dedupe) return RequestCoreAsync(command, payload, match, password, describe, budget, ct);
            var bytes = new byte[payload.Length];
            payload.Write(bytes, 0);
            string key = ((int)command).ToString(CultureInfo.InvariantCulture) + ":" + (int)budget + ":" + HexText.ToHex(bytes, 0, bytes.Length);
            TaskCompletionSource<RequestReply> shared;
            lock (_sync)
            {
                if (_inFlight.TryGetValue(key, out var existing)) return existing.WaitWithCancellation(ct);
                shared = new TaskCompletionSource<RequestReply>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[key] = shared.Task;
            }
            // The exchange runs outside the lock: sending may deliver replies on this very thread.
            Task<RequestReply> exchange;
            try
            {
                exchange = RequestCoreAsync(command, payload, match, password, describe, budget, _lifetime());
            }
#pragma warning disable CA1031 // handed to every caller sharing the exchange
            catch (Exception ex)
#pragma warning restore CA1031
            {
                exchange = Task.FromException<RequestReply>(ex);
            }
            exchange.ContinueWith(t =>
            {
                lock (_sync) _inFlight.Remove(key);
                if (t.IsFaulted) shared.TrySetException(t.Exception!.InnerExceptions);
                else if (t.IsCanceled) shared.TrySetCanceled();
                else shared.TrySetResult(t.Result);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return shared.Task.WaitWithCancellation(ct);
        }

        private async Task<RequestReply> RequestCoreAsync(EmCommand command, EmPayload payload, Func<Datagram, bool> match, EmPassword? password, string describe, RequestBudget budget, CancellationToken ct)
        {
            var time = _options.TimeProvider;
            var total = BudgetOf(budget);
            var waiter = new Waiter(match);
            lock (_sync) _waiters.Add(waiter);
            try
            {
                var started = time.GetUtcNow();
                int attempt = 0;
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    if (attempt > 0) _counters.Retry();
                    attempt++;
                    var sentAt = time.GetUtcNow();
                    await _send(command, payload, password).ConfigureAwait(false);
                    var left = total - (sentAt - started);
                    var wait = Timer.Timeout;
                    if (wait > left) wait = left > TimeSpan.Zero ? left : Timer.Timeout;
                    waiter.Phase = describe + ": try " + attempt + " sent at " + sentAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + ", waiting " + wait.TotalMilliseconds + " ms";
                    if (await waiter.WaitAsync(wait, time, ct).ConfigureAwait(false))
                    {
                        if (attempt == 1) Timer.Sample(time.GetUtcNow() - sentAt);
                        return new RequestReply(waiter.Result, attempt);
                    }
                    // The budget ends a request, but never before its third try: a stalled process (a busy
                    // machine, a debugger) must not turn one late wake-up into a failure.
                    if (time.GetUtcNow() - started >= total && attempt >= MinimumTries) break;
                }
                _counters.Timeout();
                throw new EvseTimeoutException("Charger " + _serial + " did not answer (" + describe + ") after " + attempt + " tries over " +
                    total.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s. Is it online and on this network?", _serial);
            }
            catch (OperationCanceledException ex) when (_lifetime().IsCancellationRequested && !ct.IsCancellationRequested || ct == _lifetime() && ct.IsCancellationRequested)
            {
                // Not the caller's cancellation: the communicator stopped under the request.
                throw new EvseException(EvseErrorKind.Connection, ErrorIds.CommunicatorStopped,
                    "The communicator was stopped while waiting for charger " + _serial + " (" + describe + "). Start-EvseCommunicator starts it again.", _serial, ex);
            }
            finally
            {
                lock (_sync) _waiters.Remove(waiter);
            }
        }

        /// <summary>Hands a reply to the first request waiting for it; false when nobody waited.</summary>
        public bool Deliver(in Datagram d)
        {
            Waiter? hit = null;
            lock (_sync)
            {
                foreach (var w in _waiters)
                {
                    if (!w.IsDone && w.Match(d))
                    {
                        hit = w;
                        break;
                    }
                }
            }
            return hit != null && hit.Complete(d);
        }

        /// <summary>What each waiting request is doing (for diagnostics in tests).</summary>
        internal string DescribePending()
        {
            lock (_sync) return string.Join("; ", _waiters.ConvertAll(w => w.Phase));
        }

        /// <summary>Fails every waiting request (the session ended, or the communicator stopped).</summary>
        public void FailAll(Exception error)
        {
            Waiter[] all;
            lock (_sync) all = _waiters.ToArray();
            foreach (var w in all) w.Fail(error);
        }
    }
}
