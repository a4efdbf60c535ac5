using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The base of every EmProto cmdlet: a stop token cancelled by Ctrl+C (StopProcessing), waits that
    /// run the engine's tasks while writing queued messages, progress for waits longer than a second,
    /// and the datagram dump in the debug stream. Nothing is written from a worker thread: workers
    /// post actions that the pipeline thread runs.
    /// </summary>
    public abstract partial class EvseCmdletBase : PSCmdlet, IDisposable
    {
        private static int _nextActivityId = 1000;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly HashSet<string> _debugSerials = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly object _debugLock = new object();
        private EvseCommunicator? _trafficSource;
        private bool _debugAll;
        private bool _disposed;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => _stop.Token;

        /// <summary>The process's communicator, started with the defaults on first use.</summary>
        protected EvseCommunicator Communicator
        {
            get
            {
                var communicator = CommunicatorHolder.GetOrStart();
                WriteAddressWarnings();
                if (_trafficSource == null && DebugWanted())
                {
                    _trafficSource = communicator;
                    communicator.DatagramTraffic += OnTraffic;
                }
                return communicator;
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>
        /// True when this command's debug stream is shown (-Debug, or $DebugPreference in the caller's scope),
        /// so the datagram dump is written.
        /// </summary>
        protected bool DebugStreamShown => DebugWanted();

        /// <summary>
        /// Writes a verbose message. Under -Debug without -Verbose PowerShell asks before showing each verbose
        /// message (its old Inquire rule for verbose output under -Debug), and in a non-interactive session, a
        /// scheduled task, that question is an error that ends the command. There the message goes to the debug
        /// stream, which -Debug shows without asking; everywhere else this is Cmdlet.WriteVerbose.
        /// </summary>
        protected new void WriteVerbose(string text)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey("Debug") && !bound.ContainsKey("Verbose") && DebugWanted()) WriteDebug(text);
            else base.WriteVerbose(text);
        }

        /// <summary>BeginProcessing when the command runs in this process.</summary>
        protected virtual void BeginLocal()
        {
        }

        /// <summary>ProcessRecord when the command runs in this process.</summary>
        protected virtual void ProcessLocal()
        {
        }

        /// <summary>EndProcessing when the command runs in this process: writes what workers left queued.</summary>
        protected virtual void EndLocal()
        {
            FlushTraffic();
            Drain();
            WriteAddressWarnings();
            Unsubscribe();
        }

        /// <summary>Shows the datagrams of this charger in the debug stream (when debugging).</summary>
        protected void TraceTraffic(string serial)
        {
            lock (_debugLock) _debugSerials.Add(serial);
        }

        /// <summary>Shows every datagram in the debug stream (when debugging).</summary>
        protected void TraceAllTraffic()
        {
            lock (_debugLock) _debugAll = true;
        }

        /// <summary>Queues an action for the pipeline thread (safe from any thread).</summary>
        protected void Post(Action action)
        {
            try
            {
                _queue.Add(action);
            }
            catch (ObjectDisposedException)
            {
                // The cmdlet is gone: nothing to write to.
            }
            catch (InvalidOperationException)
            {
                // Completed for adding: the cmdlet is finishing.
            }
        }

        /// <summary>Runs the actions queued by workers (pipeline thread only).</summary>
        protected void Drain()
        {
            while (_queue.TryTake(out var action)) action();
        }

        /// <summary>
        /// Runs queued actions until the next one arrives or <paramref name="timeout"/> passes; false on timeout.
        /// Ctrl+C stops the pipeline at once.
        /// </summary>
        protected bool PumpOnce(TimeSpan timeout)
        {
            try
            {
                bool taken = _queue.TryTake(out var action, (int)Math.Max(0, Math.Min(int.MaxValue, timeout.TotalMilliseconds)), StopToken);
                if (taken) action();
                WriteAddressWarnings();
                return taken;
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Waits for an engine task on the pipeline thread, writing queued messages and progress.</summary>
        protected void WaitFor(Task task, string activity, TimeSpan? expected = null) =>
            WaitFor(task.ContinueWith(t =>
            {
                t.GetAwaiter().GetResult();
                return true;
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default), activity, expected);

        /// <summary>Waits for an engine task on the pipeline thread, writing queued messages and progress.</summary>
        protected T WaitFor<T>(Task<T> task, string activity, TimeSpan? expected = null)
        {
            if (task == null) throw new ArgumentNullException(nameof(task));
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                var watch = Stopwatch.StartNew();
                ProgressRecord? progress = null;
                var lastProgress = TimeSpan.Zero;
                while (!task.IsCompleted)
                {
                    PumpOnce(TimeSpan.FromMilliseconds(500));
                    var elapsed = watch.Elapsed;
                    if (elapsed >= TimeSpan.FromSeconds(1) && elapsed - lastProgress >= TimeSpan.FromMilliseconds(500) && !task.IsCompleted)
                    {
                        progress ??= new ProgressRecord(NextActivityId(), activity, "Waiting");
                        WriteWaitProgress(progress, elapsed, expected);
                        lastProgress = elapsed;
                    }
                }
                if (progress != null) CompleteProgress(progress);
            }
            FlushTraffic();
            Drain();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Runs engine work with the stop token (and a time limit when given), waiting on the pipeline thread.
        /// Running out of time raises an <see cref="EvseException"/> of kind Timeout with <paramref name="timeoutErrorId"/>.
        /// </summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work, string activity, TimeSpan? timeout = null, string timeoutErrorId = ErrorIds.CommandTimeout, string? serial = null)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(StopToken))
            {
                if (timeout.HasValue) cts.CancelAfter(timeout.Value);
                try
                {
                    return WaitFor(work(cts.Token), activity, timeout);
                }
                catch (OperationCanceledException) when (!StopToken.IsCancellationRequested && cts.IsCancellationRequested)
                {
                    throw new EvseException(EvseErrorKind.Timeout, timeoutErrorId,
                        activity + ": not done within " + FormatDuration(timeout!.Value) + ".", serial);
                }
            }
        }

        /// <summary>Runs engine work that returns nothing; see <see cref="Run{T}"/>.</summary>
        protected void Run(Func<CancellationToken, Task> work, string activity, TimeSpan? timeout = null, string timeoutErrorId = ErrorIds.CommandTimeout, string? serial = null)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            Run(async ct =>
            {
                await work(ct).ConfigureAwait(false);
                return true;
            }, activity, timeout, timeoutErrorId, serial);
        }

        /// <summary>A duration for messages: '90 s' or '00:01:30'.</summary>
        protected static string FormatDuration(TimeSpan span) =>
            span.TotalSeconds < 120 ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : span.ToString("c", CultureInfo.InvariantCulture);

        /// <summary>A new activity id for a progress bar.</summary>
        protected static int NextActivityId() => Interlocked.Increment(ref _nextActivityId);

        /// <summary>Updates a progress bar with the time waited and, when known, the time left.</summary>
        protected void WriteWaitProgress(ProgressRecord progress, TimeSpan elapsed, TimeSpan? total)
        {
            if (progress == null) throw new ArgumentNullException(nameof(progress));
            if (total.HasValue && total.Value > TimeSpan.Zero)
            {
                var left = total.Value - elapsed;
                if (left < TimeSpan.Zero) left = TimeSpan.Zero;
                progress.PercentComplete = (int)Math.Min(100, elapsed.TotalMilliseconds * 100 / total.Value.TotalMilliseconds);
                progress.SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds);
                progress.StatusDescription = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + " s left";
            }
            else
            {
                progress.StatusDescription = "Waited " + ((int)elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
            }
            WriteProgress(progress);
        }

        /// <summary>Removes a progress bar.</summary>
        protected void CompleteProgress(ProgressRecord progress)
        {
            if (progress == null) throw new ArgumentNullException(nameof(progress));
            progress.RecordType = ProgressRecordType.Completed;
            progress.PercentComplete = 100;
            WriteProgress(progress);
        }

        /// <summary>
        /// Before matching chargers by name: a charger just logged in to has its name read in the background;
        /// give those reads a moment (bounded), so `Connect-Evse; Get-Evse -Name Garage` finds Garage.
        /// </summary>
        protected void AwaitNames(IEnumerable<Evse> evses)
        {
            if (evses == null) throw new ArgumentNullException(nameof(evses));
            var reads = new List<Task>();
            foreach (var evse in evses)
            {
                if (evse.Config == null && evse.IsLoggedIn) reads.Add(evse.GetConfigAsync(null, StopToken));
            }
            if (reads.Count == 0) return;
            var all = Task.WhenAll(reads);
            try
            {
                WaitFor(Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), StopToken)), "Reading the names of the chargers");
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            // A failed read leaves that charger without a name: it is simply not matched.
            _ = all.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        /// <summary>Writes an engine failure as a non-terminating error.</summary>
        protected void WriteEvseError(EvseException exception, object? target) => WriteError(ErrorRecordFactory.FromException(exception, target));

        /// <summary>Describes a charger for messages: serial, name and address.</summary>
        protected static string Describe(Evse evse)
        {
            if (evse == null) throw new ArgumentNullException(nameof(evse));
            string name = evse.Name;
            var ep = evse.EndPoint;
            return evse.Serial + (name.Length > 0 ? " '" + name + "'" : string.Empty) + (ep != null ? " at " + ep : string.Empty);
        }

        /// <summary>Releases the event subscription and the stop token.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases resources.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (_disposed) return;
            _disposed = true;
            if (!disposing) return;
            Unsubscribe();
            _queue.CompleteAdding();
            _stop.Dispose();
            _queue.Dispose();
        }

        /// <summary>Writes the address warnings (a charger moved, or something impersonates it) not yet reported (pipeline thread only).</summary>
        protected void WriteAddressWarnings()
        {
            WriteStoreError();
            foreach (var message in CommunicatorHolder.TakeAddressWarnings()) WriteWarning(message);
        }

        /// <summary>
        /// Writes the known-chargers file's failure (unreadable, unwritable, locked) as one non-terminating
        /// error record, once per failure: the cmdlet's own work goes on with the chargers kept in memory.
        /// </summary>
        protected void WriteStoreError(EvseCommunicator? communicator = null)
        {
            var error = CommunicatorHolder.TakeStoreError(communicator);
            if (error != null) WriteError(ErrorRecordFactory.StoreError(error, (communicator ?? CommunicatorHolder.Current)?.Options.StorePath));
        }

        /// <summary>
        /// True when this command's debug stream is shown: -Debug, or $DebugPreference as the caller sees it
        /// (set in a function or script block too), resolved by the command runtime exactly as WriteDebug
        /// resolves it. Falls back to the session's variable where the runtime does not expose it.
        /// </summary>
        private bool DebugWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var d))
            {
                return d is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(d);
            }
            object? pref = RuntimeDebugPreference(CommandRuntime) ?? GetVariableValue("DebugPreference");
            if (pref is PSObject p) pref = p.BaseObject;
            return pref is ActionPreference ap && ap != ActionPreference.SilentlyContinue && ap != ActionPreference.Ignore;
        }

        /// <summary>
        /// The debug preference the command runtime applies to WriteDebug (it resolves $DebugPreference in the
        /// caller's scope); null when the runtime does not have one.
        /// </summary>
        internal static object? RuntimeDebugPreference(ICommandRuntime? runtime) => RuntimeSetting(runtime, "DebugPreference", typeof(ActionPreference));

        /// <summary>
        /// True when this command runs under -WhatIf (given, or $WhatIfPreference as the caller sees it), as the
        /// command runtime resolves it for ShouldProcess; for checks that would otherwise send a datagram.
        /// </summary>
        protected bool WhatIfInEffect
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)) return w is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(w);
                object? value = RuntimeSetting(CommandRuntime, "WhatIf", typeof(SwitchParameter)) ?? GetVariableValue("WhatIfPreference");
                if (value is PSObject p) value = p.BaseObject;
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            }
        }

        private static object? RuntimeSetting(ICommandRuntime? runtime, string name, Type type)
        {
            var property = runtime?.GetType().GetProperty(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
            if (property == null || property.PropertyType != type || property.GetIndexParameters().Length != 0) return null;
            try
            {
                return property.GetValue(runtime);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                return null;
            }
        }

        private void OnTraffic(object? sender, DatagramTrafficEventArgs e)
        {
            lock (_debugLock)
            {
                if (!_debugAll && !_debugSerials.Contains(e.Serial)) return;
            }
            string line = e.ToString();
            Post(() => WriteDebug(line));
        }

        /// <summary>While debugging: lets the datagrams already seen reach the debug stream (bounded wait).</summary>
        private void FlushTraffic()
        {
            var source = _trafficSource;
            if (source == null) return;
            var flushed = source.FlushEventsAsync();
            try
            {
                flushed.Wait(5000, StopToken);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        private void Unsubscribe()
        {
            var source = _trafficSource;
            _trafficSource = null;
            if (source != null) source.DatagramTraffic -= OnTraffic;
        }
    }
}
