using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using EmProto.Engine.Tests.Loopback;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// A second loopback socket claims to be a logged-in charger. It can never redirect the session
    /// silently: an Address event with a message says so; pinned, it is ignored; its
    /// PasswordErrorResponse does not log us out of the real charger.
    /// </summary>
    public class SpoofingTests
    {
        private static void Spoof(UdpClient spoofer, LoopbackRig rig, EvseSerial serial, EmCommand command, EmPayload payload)
        {
            var bytes = DatagramCodec.Encode(new Datagram(serial, EmPassword.None, command, payload));
            spoofer.Send(bytes, bytes.Length, rig.AppEndPoint);
        }

        private static LoginPayload Announce() => new LoginPayload { Type = 1, Brand = "Impostor", Model = "X", HardwareVersion = "X", MaxPowerW = 3680, MaxAmps = 16, HotLine = "x" };

        private static ConcurrentQueue<EvseEventArgs> AddressEvents(LoopbackRig rig)
        {
            var events = new ConcurrentQueue<EvseEventArgs>();
            rig.Communicator.EvseChanged += (s, e) =>
            {
                if (e.Change == EvseChange.Address) events.Enqueue(e);
            };
            return events;
        }

        [Fact]
        public void A_spoofed_announce_from_another_address_is_reported_with_a_message()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            var real = evse.EndPoint!;
            var events = AddressEvents(rig);
            using var spoofer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var spoofAt = (IPEndPoint)spoofer.Client.LocalEndPoint!;

            Spoof(spoofer, rig, sim.Serial, EmCommand.Login, Announce());
            LoopbackRig.WaitUntil(() => events.Any(e => Equals(e.NewValue, spoofAt)), "the move to the spoofing address is reported");
            var report = events.First(e => Equals(e.NewValue, spoofAt));
            Assert.Equal(real, report.OldValue);
            Assert.Contains(spoofAt.ToString(), report.Message);
            Assert.Contains("impersonating", report.Message);
            Assert.Contains("-Pin", report.Message);
        }

        [Fact]
        public void A_pinned_charger_ignores_the_impostor_and_keeps_working()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            evse.IsPinned = true;
            var real = evse.EndPoint!;
            var events = AddressEvents(rig);
            using var spoofer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var spoofAt = (IPEndPoint)spoofer.Client.LocalEndPoint!;

            for (int i = 0; i < 5; i++) Spoof(spoofer, rig, sim.Serial, EmCommand.Login, Announce());
            Spoof(spoofer, rig, sim.Serial, EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
            LoopbackRig.WaitUntil(() => Dropped(rig, "AddressMismatch") >= 6, "the impostor's datagrams are dropped");
            LoopbackRig.WaitUntil(() => events.Any(), "the ignored impostor is reported");
            Assert.All(events, e => Assert.Contains("Ignored", e.Message));
            Assert.Equal(real, evse.EndPoint);
            Assert.True(evse.IsLoggedIn);
            Assert.Equal("EmProto", evse.Info.Brand);
            rig.Run(evse.SetNameAsync("Pinned"));
            Assert.Equal("Pinned", sim.Name);
        }

        [Fact]
        public void Pinning_every_charger_with_the_communicator_option_ignores_impostors()
        {
            using var rig = new LoopbackRig(configure: o => o.PinAddresses = true);
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            var real = evse.EndPoint!;
            using var spoofer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            Spoof(spoofer, rig, sim.Serial, EmCommand.Login, Announce());
            LoopbackRig.WaitUntil(() => Dropped(rig, "AddressMismatch") >= 1, "the impostor's announce is dropped");
            Assert.Equal(real, evse.EndPoint);
            Assert.True(evse.IsPinned);
            Assert.True(evse.IsLoggedIn);
        }

        [Fact]
        public void A_strangers_password_error_does_not_log_us_out()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            var real = evse.EndPoint!;
            var logins = new ConcurrentQueue<EvseEventArgs>();
            rig.Communicator.EvseChanged += (s, e) =>
            {
                if (e.Change == EvseChange.Login) logins.Enqueue(e);
            };
            using var spoofer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            for (int i = 0; i < 3; i++) Spoof(spoofer, rig, sim.Serial, EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
            LoopbackRig.WaitUntil(() => Dropped(rig, "AddressMismatch") >= 3, "the stranger's refusals are dropped");
            rig.Run(rig.Communicator.FlushEventsAsync());
            Assert.True(evse.IsLoggedIn);
            Assert.Equal(real, evse.EndPoint);
            Assert.Empty(logins);
            // The session is really alive: a command goes through without a new login.
            long loginsBefore = sim.Counters.LoginRequests;
            rig.Run(evse.SetMaxCurrentAsync(10));
            Assert.Equal(10, sim.ConfiguredAmps);
            Assert.Equal(loginsBefore, sim.Counters.LoginRequests);
        }

        private static long Dropped(LoopbackRig rig, string reason) =>
            rig.Communicator.Counters.Snapshot().DroppedByReason.TryGetValue(reason, out var n) ? n : 0;
    }
}
