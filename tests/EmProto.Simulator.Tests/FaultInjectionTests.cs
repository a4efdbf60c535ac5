using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class FaultInjectionTests
    {
        [Fact]
        public void Faults_are_off_by_default()
        {
            var faults = new FaultOptions();
            Assert.False(faults.AnyPacketFault);
            Assert.False(faults.StatusAsRecord);
        }

        [Fact]
        public void Alternative_payload_forms_are_sent_when_asked()
        {
            using var f = new SimulatorFixture(o =>
            {
                o.Faults.LoginForm = 151;
                o.Faults.StatusForm = 40;
                o.Faults.ChargingStatusForm = 80;
                o.Faults.StatusAsRecord = true;
                o.Phases = 3;
            });
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            Assert.Equal(151, f.App.ExpectPayload<LoginPayload>(EmCommand.LoginResponse, "login").Form);
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            var status = f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.StatusRecord, "status goes out as command 13");
            Assert.Equal(40, status.Form);
            Assert.Equal(3, status.PhaseCount);
            var charging = f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusPublicAuto, "charging status");
            Assert.Equal(80, charging.Length);
        }

        [Fact]
        public void Garbage_and_corruption_reach_the_app_as_undecodable_packets()
        {
            using var f = new SimulatorFixture(o => { o.Faults.GarbageRatio = 1; o.Faults.CorruptRatio = 1; o.Faults.Seed = 7; }, expectLogin: false);
            f.Time.Advance(TimeSpan.FromSeconds(3));
            TestApp.WaitUntil(() => f.App.DecodeErrors >= 4, "the app saw four undecodable packets");
            Assert.True(f.Evse.Counters.GarbageSent >= 1);
            Assert.True(f.Evse.Counters.PacketsCorrupted >= 1);
        }

        [Fact]
        public void Coalescing_puts_several_datagrams_in_one_packet()
        {
            using var f = new SimulatorFixture(o => { o.Faults.CoalesceRatio = 1; o.HeadingInterval = TimeSpan.FromHours(1); }, expectLogin: false);
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.LoginResponse, "login");
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.SingleAcChargingStatusPublicAuto, "the status pair arrives in one packet");
            Assert.True(f.App.MultiDatagramPackets >= 1, "at least one packet carried two datagrams");
        }

        [Fact]
        public void Reordering_sends_a_held_packet_after_the_next_one()
        {
            using var f = new SimulatorFixture(o => { o.Faults.ReorderRatio = 1; o.HeadingInterval = TimeSpan.FromHours(1); }, expectLogin: false);
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.LoginResponse, "login");
            f.App.Drain();
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.SingleAcChargingStatusPublicAuto, "the second push overtakes the first");
            f.App.Expect(EmCommand.SingleAcStatus, "the held status follows");
        }

        [Fact]
        public void Total_outbound_loss_sends_nothing_and_counts_it()
        {
            using var f = new SimulatorFixture();
            using var lossy = new SimulatedEvse(new SimulatorOptions { AppEndPoint = f.App.EndPoint, Serial = new EvseSerial(77), Faults = { OutboundLossRatio = 1 } }, f.Time);
            lossy.Start();
            f.Time.Advance(TimeSpan.FromSeconds(3));
            f.App.Expect(EmCommand.Login, "the loss-free charger still announces");
            Assert.Equal(2, lossy.Counters.PacketsLost);
            Assert.Equal(0, lossy.Counters.PacketsSent);
        }

        [Fact]
        public void Same_seed_gives_the_same_packets()
        {
            Assert.Equal(Run(11), Run(11));

            static List<string> Run(int seed)
            {
                using var f = new SimulatorFixture(o => { o.Faults.GarbageRatio = 0.5; o.Faults.DuplicateRatio = 0.5; o.Faults.Seed = seed; }, expectLogin: false);
                for (int i = 0; i < 5; i++) f.Time.Advance(TimeSpan.FromSeconds(3));
                long expected = f.Evse.Counters.PacketsSent;
                TestApp.WaitUntil(() => f.App.Packets >= expected, "every packet sent arrived");
                lock (f.App.RawPackets) return f.App.RawPackets.Select(p => Convert.ToHexString(p)).ToList();
            }
        }
    }
}
