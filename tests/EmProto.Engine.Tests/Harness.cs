using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace EmProto.Engine.Tests
{
    /// <summary>A communicator on a fake socket and fake time, with a scripted charger.</summary>
    public sealed class Harness : IDisposable
    {
        public Harness(Action<CommunicatorOptions>? configure = null, string? storePath = null)
        {
            Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            Transport = new FakeTransport();
            var options = new CommunicatorOptions
            {
                TimeProvider = Time,
                TransportFactory = _ => Transport,
                StorePath = storePath,
                DefaultTimeZone = TimeZoneInfo.Utc,
                RequestTimeout = TimeSpan.FromSeconds(1),
                RetryCount = 3,
            };
            configure?.Invoke(options);
            Communicator = new EvseCommunicator(options);
            Communicator.EvseChanged += (s, e) =>
            {
                Changes.Enqueue(e);
                _signal.Release();
            };
            Communicator.Start();
            Charger = new ScriptedCharger(Communicator, Transport);
        }

        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public FakeTimeProvider Time { get; }

        public FakeTransport Transport { get; }

        public EvseCommunicator Communicator { get; }

        public ScriptedCharger Charger { get; }

        public ConcurrentQueue<EvseEventArgs> Changes { get; } = new ConcurrentQueue<EvseEventArgs>();

        public Evse Evse => Communicator.GetEvse(Charger.Serial.ToString()) ?? throw new InvalidOperationException("The charger is not known yet.");

        /// <summary>Drives fake time forward in small steps until the task completes (bounded).</summary>
        public T Run<T>(Task<T> task, double stepSeconds = 0.25, int maxSteps = 400)
        {
            Drive(task, stepSeconds, maxSteps);
            return task.GetAwaiter().GetResult();
        }

        public void Run(Task task, double stepSeconds = 0.25, int maxSteps = 400)
        {
            Drive(task, stepSeconds, maxSteps);
            task.GetAwaiter().GetResult();
        }

        private void Drive(Task task, double stepSeconds, int maxSteps)
        {
            var done = ((IAsyncResult)task).AsyncWaitHandle;
            for (int i = 0; i < maxSteps && !task.IsCompleted; i++)
            {
                // Let continuations scheduled by the previous step run before time moves again.
                if (done.WaitOne(TimeSpan.FromMilliseconds(20))) break;
                WaitForQuietPool();
                Time.Advance(TimeSpan.FromSeconds(stepSeconds));
            }
            if (!done.WaitOne(TimeSpan.FromSeconds(30))) throw new TimeoutException("The operation did not finish within " + maxSteps * stepSeconds + " s of fake time.");
        }

        /// <summary>
        /// Lets the continuations already queued on the thread pool run (bounded) before fake time moves, so
        /// a busy machine cannot make a budget pass before the engine sent its tries.
        /// </summary>
        public static void WaitForQuietPool()
        {
            var quiet = System.Diagnostics.Stopwatch.StartNew();
            while (ThreadPool.PendingWorkItemCount > 0 && quiet.ElapsedMilliseconds < 500) Thread.Sleep(1);
        }

        /// <summary>Waits (real time, generous) until an event matching the predicate was raised.</summary>
        public EvseEventArgs WaitForChange(Func<EvseEventArgs, bool> predicate, int seconds = 20)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (true)
            {
                foreach (var e in Changes) if (predicate(e)) return e;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_signal.Wait(left)) break;
            }
            throw new TimeoutException("The expected event was not raised.");
        }

        /// <summary>Waits (real time, generous bound) for a condition that background work makes true.</summary>
        public static void WaitUntil(Func<bool> condition, string what, int seconds = 20)
        {
            if (!SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds))) throw new TimeoutException("Timed out waiting until " + what + ".");
        }

        /// <summary>Advances fake time in half-second steps until the condition holds (bounded in fake and real time).</summary>
        public void AdvanceUntil(Func<bool> condition, string what, TimeSpan maxFake)
        {
            var step = TimeSpan.FromMilliseconds(500);
            for (var t = TimeSpan.Zero; t < maxFake; t += step)
            {
                if (SpinWait.SpinUntil(condition, 10)) return;
                WaitForQuietPool();
                Time.Advance(step);
            }
            WaitUntil(condition, what);
        }

        /// <summary>Advances fake time one housekeeping tick at a time.</summary>
        public void Advance(TimeSpan total)
        {
            var step = TimeSpan.FromMilliseconds(500);
            for (var t = TimeSpan.Zero; t < total; t += step) Time.Advance(step);
        }

        /// <summary>
        /// Announced and logged in; when the charger answers everything, also waits (briefly, in real time, without
        /// moving fake time) until the reads that follow the login are answered, so they do not race the test.
        /// </summary>
        /// <summary>
        /// Logged in. When the charger answers everything, also waits until the reads that follow a login in
        /// the background are done and nothing is in flight, so that a test's own requests neither join one of
        /// them (identical reads share an exchange) nor are counted with them.
        /// </summary>
        public Evse LoggedIn()
        {
            Charger.Announce();
            Run(Evse.LoginAsync("123456"));
            var evse = Evse;
            if (Charger.Unsupported.Count == 0 && !Charger.Silent) WaitUntilSettled(evse, nothingInFlight: true);
            return evse;
        }

        /// <summary>Logged in, and the reads that follow a login in the background are done (so they add no traffic to count).</summary>
        public Evse LoggedInAndSettled()
        {
            var evse = LoggedIn();
            WaitUntilSettled(evse, nothingInFlight: false);
            return evse;
        }

        // nothingInFlight: also no request waiting (a charger that ignores some leaves them waiting for the fake clock).
        private void WaitUntilSettled(Evse evse, bool nothingInFlight) =>
            WaitUntil(() => evse.Config != null && evse.Capabilities.Brightness != EvseCapability.NotAsked && evse.Info.SoftwareVersion.Length > 0 &&
                (Charger.Unsupported.Contains(EmProto.Protocol.EmCommand.RequestChargingStatus) || evse.Capabilities.ChargingStatus != EvseCapability.NotAsked) &&
                (!nothingInFlight || evse.PendingRequestCount == 0), "the reads after the login are done");

        public void Dispose() => Communicator.Dispose();
    }
}
