using System;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// Retries sized for a lossy network: the retransmission timeout is measured per charger (within a
    /// floor), so many tries fit into the same wall-clock budget as before.
    /// </summary>
    public class RetransmissionTests
    {
        private readonly ITestOutputHelper _output;

        public RetransmissionTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_configuration_read_at_30_percent_loss_each_way_succeeds_at_least_999_times_in_1000()
        {
            using var h = new Harness(o =>
            {
                // The product's defaults: 5 tries x 1.5 s is the whole budget of a request.
                o.RequestTimeout = TimeSpan.FromSeconds(1.5);
                o.RetryCount = 4;
            });
            h.LoggedIn();
            var evse = h.Evse;
            h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            h.Charger.LossRandom = new Random(20261129);
            h.Charger.RequestLoss = 0.3;
            h.Charger.ReplyLoss = 0.3;
            // Warm-up (not counted): the retry paths are compiled before fake time is driven fast.
            for (int i = 0; i < 20; i++)
            {
                var warm = evse.GetConfigAsync(TimeSpan.Zero);
                Drive(h, warm);
                try
                {
#pragma warning disable xUnit1031 // the task is complete here
                    warm.GetAwaiter().GetResult();
#pragma warning restore xUnit1031
                }
                catch (EvseTimeoutException)
                {
                    // Warm-up only.
                }
            }
            long retriesBefore = h.Communicator.Counters.Snapshot().Retries;
            int failures = 0;
            var longest = TimeSpan.Zero;
            for (int i = 0; i < 1000; i++)
            {
                var started = h.Time.GetUtcNow();
                var read = evse.GetConfigAsync(TimeSpan.Zero);
                try
                {
                    Drive(h, read);
#pragma warning disable xUnit1031 // fake time is driven by this thread; the task is complete here
                    read.GetAwaiter().GetResult();
#pragma warning restore xUnit1031
                }
                catch (EvseTimeoutException ex)
                {
                    failures++;
                    _output.WriteLine("Read " + i + " failed: " + ex.Message);
                }
                var took = h.Time.GetUtcNow() - started;

                if (took > longest) longest = took;
            }
            long retries = h.Communicator.Counters.Snapshot().Retries - retriesBefore;
            _output.WriteLine("1000 reads: " + failures + " failed, " + retries + " retransmissions, longest " + longest.TotalSeconds + " s of fake time.");
            Assert.True(failures <= 1, failures + " of 1000 configuration reads failed at 30 % loss each way.");
            Assert.True(retries > 1000, "The loss was not felt: only " + retries + " retransmissions.");
            Assert.True(longest <= TimeSpan.FromSeconds(7.5), "A read took " + longest + " of fake time, more than one request budget (7.5 s).");
        }

        [Fact]
        public void The_retransmission_timeout_follows_the_measured_round_trip_within_its_floor_and_ceiling()
        {
            var timer = new EmProto.Engine.Session.RetransmitTimer(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(500));
            Assert.Equal(TimeSpan.FromMilliseconds(500), timer.Timeout);
            Assert.Null(timer.SmoothedRoundTrip);
            timer.Sample(TimeSpan.FromMilliseconds(2));
            Assert.Equal(TimeSpan.FromMilliseconds(250), timer.Timeout);
            for (int i = 0; i < 50; i++) timer.Sample(TimeSpan.FromMilliseconds(400));
            Assert.InRange(timer.Timeout.TotalMilliseconds, 400, 520);
            for (int i = 0; i < 5; i++) timer.Sample(TimeSpan.FromSeconds(5));
            Assert.Equal(TimeSpan.FromSeconds(1.5), timer.Timeout);
        }

        /// <summary>
        /// Moves fake time in small steps, giving the engine's continuations a moment between steps; the
        /// charger keeps the session alive with a Heading every 10 s, as a real one does.
        /// </summary>
        private static void Drive(Harness h, Task task)
        {
            var done = ((IAsyncResult)task).AsyncWaitHandle;
            for (int i = 0; i < 2000 && !task.IsCompleted; i++)
            {
                if (done.WaitOne(TimeSpan.FromMilliseconds(2))) break;
                // Fake time moves only once the engine's queued continuations have run (bounded), so a
                // busy thread pool cannot make a request's budget pass without its tries being sent.
                var quiet = System.Diagnostics.Stopwatch.StartNew();
                while (ThreadPool.PendingWorkItemCount > 0 && quiet.ElapsedMilliseconds < 500) Thread.Sleep(1);
                h.Time.Advance(TimeSpan.FromMilliseconds(125));
                if (h.Time.GetUtcNow() >= _nextHeading)
                {
                    h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
                    _nextHeading = h.Time.GetUtcNow() + TimeSpan.FromSeconds(10);
                }
            }
            if (!done.WaitOne(TimeSpan.FromSeconds(30)))
                throw new TimeoutException("The read did not finish within 250 s of fake time; " + h.Evse.PendingRequestCount + " requests pending, logged in: " + h.Evse.IsLoggedIn + "; last sent: " +
                    string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.TakeLast(h.Transport.Sent, 12), x => x.Datagram.Command.ToString())) + "; pending: " + h.Evse.DescribePendingRequests() + "; now " + h.Time.GetUtcNow().ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        }

        [ThreadStatic]
        private static DateTimeOffset _nextHeading;
    }
}
