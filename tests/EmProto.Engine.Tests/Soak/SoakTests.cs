using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Tests.Loopback;
using EmProto.Protocol;
using EmProto.Simulator;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.Soak
{
    [CollectionDefinition("Soak", DisableParallelization = true)]
    public sealed class SoakCollection
    {
    }

    /// <summary>
    /// A simulated day (fake time) with 100 chargers, charges starting and stopping every hour: memory,
    /// file descriptors, timers, pending requests and background work do not grow; event subscriptions
    /// leave nothing behind. Runs alone (process-wide measurements).
    /// </summary>
    [Collection("Soak")]
    public class SoakTests
    {
        private readonly ITestOutputHelper _output;

        public SoakTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_simulated_day_with_100_chargers_leaks_no_memory_handles_timers_or_waiters()
        {
            var fake = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
            var counted = new CountingTimeProvider(fake);
            var options = new CommunicatorOptions
            {
                LocalAddress = IPAddress.Loopback,
                Port = 0,
                EnableBroadcast = false,
                TimeProvider = counted,
                DefaultTimeZone = TimeZoneInfo.Utc,
                ProbeTarget = new IPEndPoint(IPAddress.Loopback, 9),
                RequestTimeout = TimeSpan.FromSeconds(5),
                RetryCount = 4,
                OfflineAfter = TimeSpan.FromMinutes(5),
                SessionLapseAfter = TimeSpan.FromMinutes(5),
                HousekeepingInterval = TimeSpan.FromSeconds(10),
                WearGuardInterval = TimeSpan.Zero,
                ConfigRefreshInterval = TimeSpan.FromHours(6),
            };
            using var communicator = new EvseCommunicator(options);
            communicator.Start();
            using var host = new EvseSimulatorHost(fake);
            var template = new SimulatorOptions
            {
                Serial = new EvseSerial(0x5e5e000000020000UL),
                AppEndPoint = communicator.LocalEndPoint!,
                Password = "123456",
                PluggedIn = true,
                LoginInterval = TimeSpan.FromSeconds(30),
                HeadingInterval = TimeSpan.FromSeconds(60),
                StatusInterval = TimeSpan.FromSeconds(300),
                ChargingStatusInterval = TimeSpan.FromSeconds(300),
                MissedHeadingLimit = 5,
            };
            var sims = host.StartMany(template, 100);
            Step(fake, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
            LoopbackRig.WaitUntil(() => communicator.GetEvses().Count == 100, "all 100 chargers are discovered", 60);
            var evses = communicator.GetEvses();
            Drive(fake, Task.WhenAll(evses.Select(e => e.LoginAsync("123456"))));

            int starts = 0, stops = 0;
            var failures = new List<string>();
            long memoryAtHour2 = 0;
            int fdsAtHour2 = 0, timersAtHour2 = 0, socketsAtHour2 = 0;
            for (int hour = 0; hour < 24; hour++)
            {
                if (hour == 2)
                {
                    Quiesce(fake, communicator);
                    memoryAtHour2 = GC.GetTotalMemory(true);
                    fdsAtHour2 = OpenFileDescriptors();
                    socketsAtHour2 = OpenSockets();
                    timersAtHour2 = counted.LiveTimers;
                }
                var batch = Enumerable.Range(0, 5).Select(i => evses[(hour * 5 + i) % evses.Count]).ToList();
                foreach (var e in batch) if (TryDrive(fake, e.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 10, ChargeId = "SOAK" + hour + "X" + e.Serial.Substring(12) }), "hour " + hour + " start " + e.Serial, failures)) starts++;
                Step(fake, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(15));
                foreach (var e in batch) if (TryDrive(fake, e.StopChargeAsync(), "hour " + hour + " stop " + e.Serial, failures)) stops++;
                Step(fake, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(15));
            }
            Quiesce(fake, communicator);
            long memoryAtEnd = GC.GetTotalMemory(true);
            int fdsAtEnd = OpenFileDescriptors();
            int socketsAtEnd = OpenSockets();
            int timersAtEnd = counted.LiveTimers;
            int records = evses.Sum(e => e.Records.Count);
            _output.WriteLine("starts " + starts + ", stops " + stops + ", failures " + failures.Count + ", records " + records +
                "; memory " + memoryAtHour2 / 1024 + " KB at hour 2 -> " + memoryAtEnd / 1024 + " KB at hour 24; fds " + fdsAtHour2 + " -> " + fdsAtEnd +
                "; live timers " + timersAtHour2 + " -> " + timersAtEnd + "; pending requests " + communicator.PendingRequestCount + ", background tasks " + communicator.BackgroundTaskCount +
                "; datagrams received " + communicator.Counters.Snapshot().DatagramsReceived);

            // Every one of the 120 starts and 120 stops succeeds (the README's claim): a reply is awaited for
            // 5 s of fake time, i.e. at least 10 half-second steps of up to 50 ms real each, 4 retries.
            Assert.True(failures.Count == 0, failures.Count + " of 240 starts and stops failed: " + string.Join("; ", failures.Take(10)));
            Assert.Equal(120, starts);
            Assert.Equal(120, stops);
            Assert.Equal(120, records);
            Assert.Equal(0, communicator.PendingRequestCount);
            Assert.Equal(0, communicator.BackgroundTaskCount);
            Assert.Equal(1, timersAtEnd);  // the housekeeping timer, nothing else
            Assert.Equal(socketsAtHour2, socketsAtEnd);
            // The runtime may open a few descriptors of its own on the way (thread pool, GC); a leak per request or session would be thousands.
            Assert.True(fdsAtEnd - fdsAtHour2 <= 16, "file descriptors grew from " + fdsAtHour2 + " to " + fdsAtEnd);
            // 22 hours of traffic (a few hundred thousand datagrams) and ~110 kept charge records: well under 4 MB.
            Assert.True(memoryAtEnd - memoryAtHour2 < 4 * 1024 * 1024, "memory grew by " + (memoryAtEnd - memoryAtHour2) / 1024 + " KB");
        }

        [Fact]
        public void Subscribing_and_unsubscribing_1000_times_leaves_no_handler()
        {
            using var communicator = new EvseCommunicator(new CommunicatorOptions { LocalAddress = IPAddress.Loopback, Port = 0, EnableBroadcast = false });
            int before = communicator.EventSubscriberCount;
            int calls = 0;
            for (int i = 0; i < 1000; i++)
            {
                EventHandler<EvseEventArgs> changed = (s, e) => Interlocked.Increment(ref calls);
                EventHandler<EvseEventArgs> added = (s, e) => Interlocked.Increment(ref calls);
                EventHandler<EvseEventArgs> removed = (s, e) => Interlocked.Increment(ref calls);
                EventHandler<DatagramTrafficEventArgs> traffic = (s, e) => Interlocked.Increment(ref calls);
                communicator.EvseChanged += changed;
                communicator.EvseAdded += added;
                communicator.EvseRemoved += removed;
                communicator.DatagramTraffic += traffic;
                Assert.Equal(before + 4, communicator.EventSubscriberCount);
                communicator.EvseChanged -= changed;
                communicator.EvseAdded -= added;
                communicator.EvseRemoved -= removed;
                communicator.DatagramTraffic -= traffic;
            }
            Assert.Equal(0, before);
            Assert.Equal(0, communicator.EventSubscriberCount);
        }

        private static int OpenFileDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

        private static int OpenSockets() => Directory.GetFiles("/proc/self/fd").Count(f => (new FileInfo(f).LinkTarget ?? string.Empty).StartsWith("socket:", StringComparison.Ordinal));

        private static void Step(FakeTimeProvider fake, TimeSpan total, TimeSpan step)
        {
            for (var t = TimeSpan.Zero; t < total; t += step)
            {
                fake.Advance(step);
                Thread.Yield();
            }
        }

        private static void Drive(FakeTimeProvider fake, Task task)
        {
            var done = ((IAsyncResult)task).AsyncWaitHandle;
            for (int i = 0; i < 4000 && !task.IsCompleted; i++)
            {
                // Up to 50 ms of real time for the loopback round trip before the clock moves on: a
                // loaded machine answers late, and each late answer costs a retry of the 4 allowed.
                if (done.WaitOne(TimeSpan.FromMilliseconds(50))) break;
                fake.Advance(TimeSpan.FromMilliseconds(500));
            }
            Assert.True(done.WaitOne(TimeSpan.FromSeconds(30)), "the operation finished");
            task.GetAwaiter().GetResult();
        }

        private static bool TryDrive(FakeTimeProvider fake, Task task, string what, List<string> failures)
        {
            try
            {
                Drive(fake, task);
                return true;
            }
            catch (EvseException ex)
            {
                failures.Add(what + ": " + ex.GetType().Name + " " + ex.Message);
                return false;
            }
        }

        /// <summary>Lets outstanding work finish: moves time in small steps until no request or background task is pending.</summary>
        private static void Quiesce(FakeTimeProvider fake, EvseCommunicator communicator)
        {
            // Quiet means: nothing pending across several consecutive steps of the clock (a housekeeping
            // tick can start a refresh wave right after a quiet moment, and a loaded CI machine answers slowly).
            // Quiet means: nothing pending across several consecutive steps of the clock, and then nothing
            // pending for a whole second of real time without moving the clock (datagrams that the last move
            // set off arrive late on a loaded machine, and the work they start needs the clock again).
            Func<bool> idle = () => communicator.PendingRequestCount == 0 && communicator.BackgroundTaskCount == 0;
            bool settled = false;
            for (int round = 0; round < 20 && !settled; round++)
            {
                int quietSteps = 0;
                for (int i = 0; i < 4000 && quietSteps < 5; i++)
                {
                    quietSteps = SpinWait.SpinUntil(idle, 20) ? quietSteps + 1 : 0;
                    fake.Advance(TimeSpan.FromMilliseconds(500));
                }
                settled = true;
                var until = DateTime.UtcNow.AddSeconds(1);
                while (settled && DateTime.UtcNow < until)
                {
                    settled = idle();
                    Thread.Sleep(10);
                }
            }
            Assert.True(settled, "the communicator became quiet (pending requests " + communicator.PendingRequestCount + ", background tasks " + communicator.BackgroundTaskCount + ")");
            communicator.FlushEventsAsync().Wait(TimeSpan.FromSeconds(10));
        }
    }
}
