using System;
using System.Diagnostics;
using System.Net;
using EmProto.Protocol;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.NetworkFaults
{
    public sealed class MutatedDatagramFloodTests
    {
        private const int Packets = 1_000_000;
        private static readonly IPEndPoint Charger = new IPEndPoint(IPAddress.Loopback, 40001);
        private static readonly IPEndPoint Impostor = new IPEndPoint(IPAddress.Loopback, 40002);

        private readonly ITestOutputHelper _output;

        public MutatedDatagramFloodTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_million_mutated_packets_are_all_counted_none_escapes_and_login_still_works()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            var transport = new FakeTransport();
            // No event subscribers: the flood must not queue a single event.
            using var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                TimeProvider = time,
                TransportFactory = _ => transport,
                DefaultTimeZone = TimeZoneInfo.Utc,
                RequestTimeout = TimeSpan.FromSeconds(1),
                RetryCount = 3,
            });
            communicator.Start();
            // Known chargers, so that mutated replies reach the reply dispatch and not only discovery.
            communicator.AddEvse("9181102751219513", Charger);
            communicator.AddEvse("0123456789abcdef", Charger);
            // One of them logged in (its password stored), so the flood also meets keep-alive
            // replies with a password, auto-login on announces and live-session handling.
            LogIn(communicator, transport, time);
            // The scripted charger answers at once, so the after-login reads end once all three are answered.
            var loggedIn = communicator.GetEvse("9181102751219513")!;
            Harness.WaitUntil(() => loggedIn.Config != null && loggedIn.Info.SoftwareVersion.Length > 0 && loggedIn.Capabilities.ChargingStatus != EvseCapability.NotAsked,
                "the after-login reads (versions, configuration, charging status) finished");
            Harness.WaitForQuietPool();
            // The flood only counts what is sent: no decoding, no scripted answers.
            transport.OnSend = null;
            transport.Recording = false;
            var baseline = communicator.Counters.Snapshot();

            var mutator = new DatagramMutator(SeedVectors.Datagrams(), seed: 20250301);
            var buffer = new byte[DatagramMutator.MaxPacketLength];
            var expectedDecodeDrops = new long[Enum.GetValues(typeof(DecodeError)).Length];
            long expectedFromCharger = 0, expectedFromApp = 0, datagramSteps = 0, escaped = 0;
            var byKind = new long[Enum.GetValues(typeof(MutationKind)).Length];
            Exception? firstEscape = null;

            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Packets; i++)
            {
                int count = mutator.Next(buffer, out var kind);
                byKind[(int)kind]++;

                // The oracle: what the codec says about this packet, datagram by datagram.
                var reader = DatagramCodec.ReadPacket(buffer, 0, count);
                while (reader.TryReadNext(out var datagram, out var error))
                {
                    datagramSteps++;
                    if (error != DecodeError.None) expectedDecodeDrops[(int)error]++;
                    else if (EmCommands.IsAppToCharger(datagram.Command)) expectedFromApp++;
                    else expectedFromCharger++;
                }

                try
                {
                    communicator.HandlePacket(buffer, count, (i & 7) == 7 ? Impostor : Charger);
                }
#pragma warning disable CA1031 // counted and reported below
                catch (Exception ex)
                {
                    escaped++;
                    firstEscape ??= ex;
                }
#pragma warning restore CA1031
            }
            watch.Stop();

            var stats = Delta(communicator.Counters.Snapshot(), baseline);
            long Dropped(DropReason reason) => stats.DroppedByReason.TryGetValue(reason.ToString(), out long v) ? v : 0;
            _output.WriteLine(Packets + " packets (" + datagramSteps + " datagram steps) in " + watch.Elapsed.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " s");
            _output.WriteLine("by mutation: " + string.Join(", ", Array.ConvertAll(Enum.GetNames(typeof(MutationKind)), n => n + "=" + byKind[(int)Enum.Parse<MutationKind>(n)])));
            _output.WriteLine("accepted from chargers " + stats.DatagramsReceived + "; drops: " + string.Join(", ", System.Linq.Enumerable.Select(stats.DroppedByReason, kv => kv.Key + "=" + kv.Value)));
            _output.WriteLine("replies sent " + transport.SendCount + "; chargers known " + communicator.GetEvses().Count);

            Assert.True(escaped == 0, escaped + " packets threw out of HandlePacket; the first: " + firstEscape);
            Assert.True(Dropped(DropReason.HandlerError) == 0, Dropped(DropReason.HandlerError) + " datagrams made a handler throw (contained, but each is a bug).");
            Assert.Equal(0, stats.EventHandlerErrors);
            Assert.Equal(Packets, stats.PacketsReceived);

            // Every datagram the codec rejects is dropped under the codec's reason; the counts match exactly.
            foreach (DecodeError error in Enum.GetValues(typeof(DecodeError)))
            {
                if (error == DecodeError.None) continue;
                var reason = (DropReason)((int)error - 1);
                Assert.True(expectedDecodeDrops[(int)error] == Dropped(reason), reason + ": expected " + expectedDecodeDrops[(int)error] + " drops, counted " + Dropped(reason) + ".");
            }
            Assert.Equal(expectedFromApp, Dropped(DropReason.NotFromCharger));
            Assert.Equal(expectedFromCharger, stats.DatagramsReceived);
            // Every datagram step ends as accepted or dropped, nothing is lost between the counters.
            long decodeDrops = 0;
            foreach (long v in expectedDecodeDrops) decodeDrops += v;
            Assert.Equal(datagramSteps, stats.DatagramsReceived + decodeDrops + expectedFromApp);
            // Accepted datagrams that the engine then refuses are a subset of the accepted ones.
            Assert.InRange(Dropped(DropReason.Unsolicited) + Dropped(DropReason.AddressMismatch), 0, stats.DatagramsReceived);
            Assert.Equal(decodeDrops + expectedFromApp + Dropped(DropReason.Unsolicited) + Dropped(DropReason.AddressMismatch), stats.Dropped);
            // The flood must reach past the checksum: a large share decodes and is dispatched.
            Assert.True(stats.DatagramsReceived > Packets / 4, "Only " + stats.DatagramsReceived + " datagrams reached the handlers.");

            AssertStillWorks(communicator, transport, time);
        }

        /// <summary>What the flood alone added to the counters.</summary>
        private static CommunicatorStatistics Delta(CommunicatorStatistics now, CommunicatorStatistics before)
        {
            var delta = new CommunicatorStatistics
            {
                PacketsReceived = now.PacketsReceived - before.PacketsReceived,
                DatagramsReceived = now.DatagramsReceived - before.DatagramsReceived,
                DatagramsSent = now.DatagramsSent - before.DatagramsSent,
                EventHandlerErrors = now.EventHandlerErrors - before.EventHandlerErrors,
                Dropped = now.Dropped - before.Dropped,
            };
            foreach (var kv in now.DroppedByReason)
            {
                long v = kv.Value - (before.DroppedByReason.TryGetValue(kv.Key, out long b) ? b : 0);
                if (v != 0) delta.DroppedByReason[kv.Key] = v;
            }
            return delta;
        }

        private static void AssertStillWorks(EvseCommunicator communicator, FakeTransport transport, FakeTimeProvider time)
        {
            long accepted = communicator.Counters.Snapshot().DatagramsReceived;
            int confirms = transport.CountSent(EmCommand.LoginConfirm);
            LogIn(communicator, transport, time);
            Assert.True(communicator.Counters.Snapshot().DatagramsReceived > accepted, "The valid Login announce after the flood was not accepted.");
            Assert.True(transport.CountSent(EmCommand.LoginConfirm) > confirms, "No LoginConfirm was sent after the flood.");
        }

        /// <summary>A valid announce, then a login with the right password, answered by a scripted charger.</summary>
        private static void LogIn(EvseCommunicator communicator, FakeTransport transport, FakeTimeProvider time)
        {
            transport.Recording = true;
            var charger = new ScriptedCharger(communicator, transport) { EndPoint = Charger };
            charger.Announce();
            var evse = communicator.GetEvse(charger.Serial.ToString());
            Assert.NotNull(evse);
            var login = evse!.LoginAsync("123456");
            var done = ((IAsyncResult)login).AsyncWaitHandle;
            // Fake time moves only while the login waits (e.g. behind a background login started by the flood).
            for (int step = 0; step < 200 && !done.WaitOne(TimeSpan.FromMilliseconds(20)); step++) time.Advance(TimeSpan.FromSeconds(0.25));
            Assert.True(done.WaitOne(TimeSpan.FromSeconds(30)), "The login did not finish.");
            login.GetAwaiter().GetResult();
            Assert.True(evse.IsLoggedIn);
        }
    }
}
