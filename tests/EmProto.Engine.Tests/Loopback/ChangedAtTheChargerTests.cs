using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using EmProto.Simulator;

namespace EmProto.Engine.Tests.Loopback
{
    /// <summary>
    /// What happens to a charger behind the engine's back — a new password, a firmware update, a restart on a
    /// new port — and what the engine makes of it, on fake time over real loopback sockets.
    /// </summary>
    public class ChangedAtTheChargerTests
    {
        [Fact]
        public void A_password_changed_on_the_charger_stops_the_session_and_automatic_logins_back_off_and_stop()
        {
            using var rig = new LoopbackRig(fakeTime: true);
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app");
            Assert.Equal(EvseMetaState.Idle, Settled(rig, evse));
            long loginsBefore = sim.Counters.LoginRequests;
            var changedAt = rig.Time.GetUtcNow();

            sim.ChangePassword("654321");
            // Within two Heading intervals (2 x 10 s) the engine no longer shows a live session.
            for (int i = 0; i < 20 && evse.IsLoggedIn; i++)
            {
                rig.Settle();
                rig.Advance(TimeSpan.FromSeconds(1));
            }
            Assert.False(evse.IsLoggedIn, "the engine still believes it is logged in 20 s after the password changed");
            Assert.Contains(evse.MetaState, new[] { EvseMetaState.NotLoggedIn, EvseMetaState.AuthenticationFailed });

            // Ten simulated minutes: the charger keeps announcing itself; the engine tries the stored password
            // at most three times in all, then stops.
            for (int i = 0; i < 600; i += 5)
            {
                rig.Settle();
                rig.Advance(TimeSpan.FromSeconds(5));
            }
            rig.Settle();
            long attempts = sim.Counters.LoginRequests - loginsBefore;
            Assert.True(attempts <= 3, "the engine sent " + attempts + " RequestLogin datagrams with the refused password in 10 minutes (at most 3 allowed)");
            Assert.Equal(EvseMetaState.AuthenticationFailed, evse.MetaState);
            Assert.NotNull(evse.AuthenticationFailedAt);
            Assert.True(evse.AuthenticationFailedAt >= changedAt, "the refusal time is before the password changed");
            Assert.Contains("password", evse.AuthenticationFailure, StringComparison.Ordinal);
            long afterStop = sim.Counters.LoginRequests;
            rig.Advance(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));
            rig.Settle();
            Assert.Equal(afterStop, sim.Counters.LoginRequests);
            // A command does not try the refused password either: it says why and sends nothing.
            var refused = Assert.Throws<EvseAuthenticationException>(() => rig.Run(evse.GetSystemTimeAsync()));
            Assert.Contains("Connect-Evse -Password", refused.Message, StringComparison.Ordinal);
            Assert.Equal(afterStop, sim.Counters.LoginRequests);

            // Connect-Evse with the new password recovers.
            Assert.Throws<EvseAuthenticationException>(() => rig.Run(evse.LoginAsync("123456")));
            rig.Run(evse.LoginAsync("654321"));
            Assert.True(evse.IsLoggedIn);
            Assert.Null(evse.AuthenticationFailedAt);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app with the new password");
        }

        [Fact]
        public void After_a_firmware_update_the_next_login_reports_the_new_version_and_forgets_what_the_old_firmware_answered()
        {
            using var rig = new LoopbackRig(fakeTime: true);
            var sim = rig.Charger(o => o.Firmware = SimulatorFirmware.Telestar);
            var changes = new ConcurrentQueue<EvseEventArgs>();
            rig.Communicator.EvseChanged += (_, e) => changes.Enqueue(e);
            var evse = rig.Connect(sim);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app");
            Settled(rig, evse);
            Assert.Equal("SIM.1000.SW01", evse.Info.SoftwareVersion);
            Assert.Equal("SIM.1000.SW01", evse.Capabilities.Firmware);
            long registrations = sim.Counters.Registrations;

            sim.ChangeFirmware("SIM.2000.SW02");
            Assert.Equal("SIM.2000.SW02", sim.SoftwareVersion);
            for (int i = 0; i < 60 && evse.Info.SoftwareVersion != "SIM.2000.SW02"; i++)
            {
                rig.Settle();
                rig.Advance(TimeSpan.FromSeconds(1));
            }
            rig.Settle();
            Assert.True(sim.Counters.Registrations > registrations, "the engine did not log in again after the reboot");
            Assert.Equal("SIM.2000.SW02", evse.Info.SoftwareVersion);
            Assert.Equal("SIM.2000.SW02", evse.Capabilities.Firmware);
            Harness.WaitForQuietPool();
            LoopbackRig.WaitUntil(() => changes.Any(IsFirmwareChange), "the Info change with the update arrives");
            var info = changes.First(IsFirmwareChange);
            Assert.Equal("SIM.1000.SW01", ((EvseInfo)info.OldValue!).SoftwareVersion);
            Assert.Contains("SIM.1000.SW01 -> SIM.2000.SW02", info.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_charger_that_restarts_on_a_new_port_is_recorded_quietly_while_another_port_sending_a_heading_is_a_warning()
        {
            using var rig = new LoopbackRig(fakeTime: true);
            var changes = new ConcurrentQueue<EvseEventArgs>();
            rig.Communicator.EvseChanged += (_, e) => changes.Enqueue(e);
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            var first = sim.LocalEndPoint!;
            rig.Host.Stop(sim);
            // A reboot takes a while: the old address falls silent before the charger announces itself again.
            rig.Settle();
            rig.Advance(TimeSpan.FromSeconds(5));
            var restarted = rig.Charger();
            Assert.NotEqual(first.Port, restarted.Port);
            for (int i = 0; i < 60 && !Equals(evse.EndPoint, restarted.LocalEndPoint); i++)
            {
                rig.Settle();
                rig.Advance(TimeSpan.FromSeconds(1));
            }
            Assert.Equal(restarted.LocalEndPoint, evse.EndPoint);
            Harness.WaitForQuietPool();
            LoopbackRig.WaitUntil(() => changes.Any(e => e.Change == EvseChange.Restarted), "the restart is recorded");
            var restart = changes.First(e => e.Change == EvseChange.Restarted);
            Assert.Equal(first, restart.OldValue);
            Assert.Contains("restarted", restart.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(changes, e => e.Change == EvseChange.Address);

            // A datagram that is not an announce, from yet another port, while the charger keeps sending: a warning.
            using var impostor = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var heading = Protocol.DatagramCodec.Encode(new Protocol.Datagram(restarted.Serial, default, Protocol.EmCommand.Heading, Protocol.Payloads.EmptyPayload.Instance));
            impostor.Send(heading, heading.Length, rig.AppEndPoint);
            rig.Settle();
            Harness.WaitForQuietPool();
            LoopbackRig.WaitUntil(() => changes.Any(e => e.Change == EvseChange.Address), "the move seen on a Heading is a warning");
            var warning = changes.First(e => e.Change == EvseChange.Address);
            Assert.Contains("impersonating", warning.Message, StringComparison.Ordinal);
        }

        private static bool IsFirmwareChange(EvseEventArgs e) =>
            e.Change == EvseChange.Info && e.OldValue is EvseInfo before && e.NewValue is EvseInfo after
            && before.SoftwareVersion.Length > 0 && before.SoftwareVersion != after.SoftwareVersion;

        private static EvseMetaState Settled(LoopbackRig rig, Evse evse)
        {
            for (int i = 0; i < 10; i++)
            {
                rig.Settle();
                rig.Advance(TimeSpan.FromSeconds(1));
            }
            rig.Settle();
            return evse.MetaState;
        }
    }
}
