using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.Engine.Tests.Loopback
{
    /// <summary>The engine against the simulator over 127.0.0.1.</summary>
    public class SimulatorSessionTests
    {
        [Fact]
        public void A_simulated_charger_is_discovered_and_logged_in_to()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger(o => o.Name = "Garage");
            var evse = rig.Discover(sim);
            Assert.Equal("EmProto", evse.Info.Brand);
            Assert.Equal(sim.LocalEndPoint, evse.EndPoint);

            Assert.Throws<EvseAuthenticationException>(() => rig.Run(evse.LoginAsync("000000")));
            Assert.False(evse.HasPassword);

            rig.Run(evse.LoginAsync("123456"));
            Assert.True(evse.IsLoggedIn);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app");
            var config = rig.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal("Garage", config.Name);
            Assert.Equal("SIM.1000.SW01", rig.Run(evse.GetVersionAsync()).SoftwareVersion);
        }

        [Fact]
        public void The_session_stays_up_for_a_simulated_hour()
        {
            using var rig = new LoopbackRig(fakeTime: true);
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app");
            for (int i = 0; i < 360; i++)
            {
                rig.Advance(TimeSpan.FromSeconds(10));
                // Let every Heading sent so far be answered, and everything the communicator sent be handled by the
                // simulator, before the clock moves on. The simulator counts a datagram before it reschedules its timer
                // from it, under its lock: reading IsRegistered takes that lock, so what it counted is handled completely
                // (a timer rescheduled while the clock moves would fire late, and the next Heading with it).
                LoopbackRig.WaitUntil(() => sim.Counters.HeadingsAnswered >= sim.Counters.HeadingsSent &&
                    sim.Counters.PacketsReceived >= rig.Communicator.Counters.Snapshot().DatagramsSent && sim.IsRegistered,
                    "the Headings up to minute " + (i / 6) + " are answered and the communicator's datagrams handled");
            }
            Assert.True(sim.Counters.HeadingsAnswered >= 60, "at least one Heading a minute was answered: " + sim.Counters + "; clock " + rig.Time.GetUtcNow().ToString("o"));
            Assert.Equal(sim.Counters.HeadingsSent, sim.Counters.HeadingsAnswered);
            Assert.True(evse.IsLoggedIn);
            Assert.True(sim.IsRegistered);
            Assert.Equal(0, sim.Counters.RegistrationsDropped);
            Assert.True(evse.IsOnline);
        }

        [Fact]
        public void After_the_charger_restarts_the_session_is_renewed_by_itself()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            rig.Host.Stop(sim);
            var restarted = rig.Charger();
            LoopbackRig.WaitUntil(() => restarted.IsRegistered && Equals(evse.EndPoint, restarted.LocalEndPoint), "the restarted charger is logged in to again");
            Assert.True(evse.IsLoggedIn);
        }

        [Fact]
        public void A_restarted_communicator_recovers_the_session_from_headings()
        {
            int port = LoopbackRig.FreePort();
            using var rig = new LoopbackRig(port: port, configure: o => o.StorePath = null);
            rig.Options.StorePath = rig.TempStore();
            rig.RestartCommunicator();
            var sim = rig.Charger(o => o.HeadingInterval = TimeSpan.FromSeconds(1));
            rig.Connect(sim);
            LoopbackRig.WaitUntil(() => sim.IsRegistered, "the simulator registers the app");
            long logins = sim.Counters.LoginRequests;
            rig.RestartCommunicator();
            var evse = rig.Communicator.GetEvse(sim.Serial.ToString())!;
            Assert.NotNull(evse);
            LoopbackRig.WaitUntil(() => evse.IsLoggedIn && sim.Counters.LoginRequests > logins, "the new communicator logs in again after the charger's Heading");
            Assert.True(sim.Counters.HeadingsAnswered > 0);
        }

        [Fact]
        public void Configuration_is_read_written_and_verified()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            rig.Run(evse.SetNameAsync("Carport"));
            rig.Run(evse.SetMaxCurrentAsync(10));
            rig.Run(evse.SetLanguageAsync(EvseLanguage.German));
            rig.Run(evse.SetTemperatureUnitAsync(TemperatureUnit.Fahrenheit));
            rig.Run(evse.SetOfflineChargeAsync(OfflineCharge.Disabled));
            var schedule = EvseSchedule.AllOff();
            schedule[DayOfWeek.Monday]!.Enabled = true;
            schedule[DayOfWeek.Monday]!.Start = new TimeSpan(23, 30, 0);
            schedule[DayOfWeek.Monday]!.Duration = TimeSpan.FromHours(6);
            rig.Run(evse.SetScheduleAsync(schedule));
            Assert.Equal("Carport", sim.Name);
            Assert.Equal(10, sim.ConfiguredAmps);
            Assert.Equal(EvseLanguage.German, sim.Language);
            Assert.Equal(TemperatureUnit.Fahrenheit, sim.TemperatureUnit);
            Assert.Equal(1, sim.OfflineCharge);
            Assert.Equal(23, sim.Schedule[0].Hour);

            var read = rig.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal("Carport", read.Name);
            Assert.Equal(10, read.MaxCurrent);
            Assert.Equal(EvseLanguage.German, read.Language);
            Assert.True(read.Schedule![DayOfWeek.Monday]!.Enabled);
            Assert.Equal(TimeSpan.FromHours(6), read.Schedule[DayOfWeek.Monday]!.Duration);
            Assert.False(read.Schedule[DayOfWeek.Tuesday]!.Enabled);

            var ex = Assert.Throws<EvseException>(() => rig.Run(evse.SetMaxCurrentAsync(40)));
            Assert.Equal("EvseInvalidCurrent", ex.ErrorId);
        }

        [Fact]
        public void The_clock_is_read_with_its_skew_and_set()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger(o => o.ClockOffset = TimeSpan.FromHours(-3));
            var evse = rig.Connect(sim);
            var time = rig.Run(evse.GetSystemTimeAsync());
            Assert.InRange(time.Skew.TotalSeconds, -3 * 3600 - 5, -3 * 3600 + 5);
            rig.Run(evse.SetSystemTimeAsync());
            Assert.InRange((sim.Clock - DateTimeOffset.UtcNow).TotalSeconds, -5, 5);
            Assert.InRange(rig.Run(evse.GetSystemTimeAsync()).Skew.TotalSeconds, -5, 5);
        }

        [Fact]
        public void Charging_starts_stops_and_leaves_a_record()
        {
            using var rig = new LoopbackRig(configure: o => o.WearGuardInterval = TimeSpan.Zero);
            var sim = rig.Charger(o => o.PluggedIn = true);
            var evse = rig.Connect(sim);
            var charging = evse.WaitForStateAsync(s => s.State == EvseMetaState.Charging, false, default);
            var result = rig.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, ChargeId = "LOOP0001" }));
            Assert.Equal("LOOP0001", result.ChargeId);
            var state = rig.Run(charging);
            Assert.InRange(state.L1Amps, 15.5, 16.5);
            Assert.InRange(state.PowerKW, 3.3, 4.1);

            sim.AdvanceTime(TimeSpan.FromHours(1));
            var record = new TaskCompletionSource<EvseEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            rig.Communicator.EvseChanged += (s, e) =>
            {
                if (e.Change == EvseChange.Record) record.TrySetResult(e);
            };
            rig.Run(evse.StopChargeAsync());
            var e = rig.Run(record.Task);
            var r = (EvseChargeRecord)e.NewValue!;
            Assert.Equal("LOOP0001", r.ChargeId);
            Assert.InRange(r.EnergyKWh, 3.3, 4.1);
            LoopbackRig.WaitUntil(() => sim.PendingRecords == 0, "the record is acknowledged");
            Assert.Single(evse.Records);
        }

        [Fact]
        public void Not_plugged_in_is_a_specific_refusal()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger(o => o.PluggedIn = false);
            var evse = rig.Connect(sim);
            var ex = Assert.Throws<EvseCommandRejectedException>(() => rig.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16 })));
            Assert.Equal("NotPluggedIn", ex.Reason);
        }

        [Fact]
        public void A_planned_charge_is_reserved_and_a_stop_cancels_it()
        {
            using var rig = new LoopbackRig(configure: o => o.WearGuardInterval = TimeSpan.Zero);
            var sim = rig.Charger(o => o.PluggedIn = true);
            var evse = rig.Connect(sim);
            var at = DateTimeOffset.UtcNow.AddHours(2);
            var result = rig.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, StartAt = at }));
            Assert.True(result.IsReservation);
            LoopbackRig.WaitUntil(() => sim.State == CurrentState.Reservation, "the simulator holds the reservation");
            var planned = rig.Run(evse.RefreshSessionAsync());
            Assert.Equal(EvseSessionKind.Planned, planned!.Kind);
            Assert.InRange((planned.ReservedFor!.Value - at).TotalSeconds, -5, 5);
            rig.Run(evse.StopChargeAsync());
            LoopbackRig.WaitUntil(() => sim.State != CurrentState.Reservation, "the stop cancels the reservation");
        }

        [Fact]
        public void The_wear_guard_refuses_flapping_and_force_overrides_it()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger(o => o.PluggedIn = true);
            var evse = rig.Connect(sim);
            rig.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16 }));
            long stops = sim.Counters.ChargeStops;
            Assert.Throws<EvseWearGuardException>(() => rig.Run(evse.StopChargeAsync()));
            Assert.Equal(stops, sim.Counters.ChargeStops);
            rig.Run(evse.StopChargeAsync(force: true));
            Assert.True(sim.Counters.ChargeStops > stops, "the forced stop reached the charger");
        }

        [Fact]
        public void A_silent_charger_goes_offline()
        {
            using var rig = new LoopbackRig(fakeTime: true);
            var sim = rig.Charger();
            var evse = rig.Discover(sim);
            rig.Host.Stop(sim);
            rig.Advance(TimeSpan.FromSeconds(13));
            LoopbackRig.WaitUntil(() => !evse.IsOnline, "the charger is marked offline");
        }

        [Fact]
        public void A_charger_that_moves_is_followed_unless_pinned()
        {
            using var rig = new LoopbackRig();
            var sim = rig.Charger();
            var evse = rig.Connect(sim);
            var first = evse.EndPoint;
            rig.Host.Stop(sim);
            var moved = rig.Charger();
            LoopbackRig.WaitUntil(() => Equals(evse.EndPoint, moved.LocalEndPoint), "the new address is learned");
            Assert.NotEqual(first, evse.EndPoint);

            evse.IsPinned = true;
            var pinnedAt = evse.EndPoint;
            rig.Host.Stop(moved);
            var impostor = rig.Charger();
            LoopbackRig.WaitUntil(() => rig.Communicator.Counters.Snapshot().DroppedByReason.ContainsKey("AddressMismatch"), "the impostor's datagram is dropped");
            Assert.Equal(pinnedAt, evse.EndPoint);
        }
    }
}
