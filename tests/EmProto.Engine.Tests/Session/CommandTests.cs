using System;
using System.Linq;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests.Session
{
    public class CommandTests
    {
        [Fact]
        public void The_configuration_is_read_with_every_get_and_cached_for_its_max_age()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var config = h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal("Garage", config.Name);
            Assert.Equal(16, config.MaxCurrent);
            Assert.Equal(EvseLanguage.English, config.Language);
            Assert.Equal(TemperatureUnit.Celsius, config.TemperatureUnit);
            Assert.NotNull(config.Schedule);
            int gets = h.Transport.CountSent(EmCommand.SetAndGetNickName);
            h.Run(evse.GetConfigAsync(TimeSpan.FromMinutes(5)));
            Assert.Equal(gets, h.Transport.CountSent(EmCommand.SetAndGetNickName));
        }

        [Fact]
        public void Settings_a_firmware_does_not_answer_are_left_out_and_not_asked_again()
        {
            using var h = new Harness();
            h.Charger.Unsupported.Add(EmCommand.SetAndGetAlarmChargeStrategy);
            h.Charger.Unsupported.Add(EmCommand.SetAndGetLanguage);
            var evse = h.LoggedIn();
            var config = h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal("Garage", config.Name);
            int asked = h.Transport.CountSent(EmCommand.SetAndGetAlarmChargeStrategy);
            h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal(asked, h.Transport.CountSent(EmCommand.SetAndGetAlarmChargeStrategy));
        }

        [Fact]
        public void The_maximum_current_can_be_read_alone()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.Amps = 13;
            Assert.Equal(13, h.Run(evse.ReadMaxCurrentAsync()));
        }

        [Fact]
        public void A_name_is_written_with_the_ACP_prefix_and_verified_by_the_echo()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Run(evse.SetNameAsync("Carport"));
            var sent = h.Transport.Sent.Last(s => s.Datagram.Payload is NickNamePayload p && p.Action == SetAndGetAction.Set).Datagram;
            Assert.Equal("ACP#Carport", ((NickNamePayload)sent.Payload).Name);
            Assert.Equal("Carport", evse.Name);
            // A configuration read that was under way during the write must not bring the old name back.
            h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal("Carport", evse.Name);
        }

        [Fact]
        public void A_setting_the_charger_does_not_apply_is_a_specific_rejection()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.EchoAmpsOverride = 10;
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.SetMaxCurrentAsync(20)));
            Assert.Equal("EvseSettingNotApplied", ex.ErrorId);
            Assert.Contains("10", ex.Message);
        }

        [Theory]
        [InlineData(5)]
        [InlineData(33)]
        public void A_current_outside_6_to_the_charger_maximum_is_refused_before_sending(int amps)
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.SetMaxCurrentAsync(amps)));
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains("6-32", ex.Message);
            Assert.DoesNotContain(h.Transport.Sent, s => s.Datagram.Payload is OutputElectricityPayload p && p.Action == SetAndGetAction.Set);
        }

        [Fact]
        public void Identical_gets_in_flight_share_one_exchange()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.Silent = true;
            int before = h.Transport.CountSent(EmCommand.GetVersion);
            var a = evse.GetVersionAsync();
            var b = evse.GetVersionAsync();
            Assert.Equal(before + 1, h.Transport.CountSent(EmCommand.GetVersion));
            h.Charger.Silent = false;
            h.Charger.Send(EmCommand.GetVersionResponse, new VersionPayload { HardwareVersion = "H", SoftwareVersion = "S1" });
            Assert.Equal("S1", h.Run(a).SoftwareVersion);
            Assert.Equal("S1", h.Run(b).SoftwareVersion);
        }

        [Fact]
        public void Start_sends_the_options_and_stop_follows_the_wear_guard()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var result = h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 10, MaxDuration = TimeSpan.FromMinutes(90), MaxEnergyKWh = 7.5, UserId = "alice", ChargeId = "ABC123" }));
            Assert.Equal("ABC123", result.ChargeId);
            Assert.False(result.IsReservation);
            var start = (ChargeStartPayload)h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.ChargeStart).Datagram.Payload;
            Assert.Equal(10, start.MaxAmps);
            Assert.Equal(90, start.MaxDurationMinutes);
            Assert.Equal(750, start.MaxEnergyRaw);
            Assert.Equal(0xFFFF, start.Param3);
            Assert.Equal("alice", start.UserId);

            var guard = Assert.Throws<EvseWearGuardException>(() => h.Run(evse.StopChargeAsync()));
            // Exactly the wear-guard interval (60 s) after the start was sent, on the fake clock.
            Assert.Equal(evse.LastStartStop!.Value + TimeSpan.FromSeconds(60), guard.AllowedAt);
            Assert.InRange(guard.AllowedAt - h.Time.GetUtcNow(), TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
            Assert.Contains("-Force", guard.Message);
            h.Run(evse.StopChargeAsync(force: true));
            Assert.Equal(1, h.Transport.CountSent(EmCommand.ChargeStop));
        }

        [Fact]
        public void Charger_refusals_become_specific_errors()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.StartResponse = new ChargeStartResponsePayload { ErrorReason = ChargeStartError.NotPluggedIn };
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16 })));
            Assert.Equal("EvseStartNotPluggedIn", ex.ErrorId);
            Assert.Equal("NotPluggedIn", ex.Reason);
            Assert.Contains("no car is plugged in", ex.Message);
        }

        [Fact]
        public void A_retried_start_that_lands_on_our_own_session_succeeds_without_a_second_start()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.StartResponse = new ChargeStartResponsePayload { ErrorReason = ChargeStartError.AlreadyCharging };
            h.Charger.ChargingStatus = new ChargingStatusPayload { CurrentState = CurrentState.Charging, ChargeId = "MINE0001" };
            var result = h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, ChargeId = "MINE0001" }));
            Assert.Equal("MINE0001", result.ChargeId);
            Assert.Equal(1, h.Transport.CountSent(EmCommand.ChargeStart));

            h.Charger.ChargingStatus = new ChargingStatusPayload { CurrentState = CurrentState.Charging, ChargeId = "SOMEONEELSE" };
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, ChargeId = "MINE0002", Force = true })));
            Assert.Equal("AlreadyCharging", ex.Reason);
        }

        [Fact]
        public void A_planned_start_is_shifted_by_the_measured_clock_skew_in_the_chargers_zone()
        {
            var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            using var h = new Harness();
            var evse = h.LoggedIn();
            evse.TimeZone = amsterdam;
            // The scripted charger's clock reads 0x67C28640 (2025-03-01T12:00:00 in UTC+8 terms = 05:00Z in Amsterdam).
            var startAt = h.Time.GetUtcNow().AddHours(2);
            var result = h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, StartAt = startAt }));
            Assert.True(result.IsReservation);
            var skew = evse.ClockSkew!.Value;
            var start = (ChargeStartPayload)h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.ChargeStart).Datagram.Payload;
            Assert.Equal(1, start.IsReservation);
            Assert.Equal(EmTimestamp.FromInstant(startAt + skew, amsterdam), start.ReservationDate);
        }

        [Fact]
        public void A_planned_start_in_the_past_is_refused_before_sending_never_started_at_once()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, StartAt = h.Time.GetUtcNow().AddHours(-1) })));
            Assert.Equal("EvseStartInPast", ex.ErrorId);
            Assert.Contains("has already passed", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, h.Transport.CountSent(EmCommand.ChargeStart));
            Assert.Null(evse.LastStartStop);
        }

        [Fact]
        public void Setting_the_time_encodes_the_chargers_wall_clock()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var when = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
            h.Run(evse.SetSystemTimeAsync(when));
            var sent = (SystemTimePayload)h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.SetAndGetSystemTime).Datagram.Payload;
            Assert.Equal(SetAndGetAction.Set, sent.Action);
            Assert.Equal(0x67C28640u, sent.Time.Raw);
        }

        [Fact]
        public void Commands_on_a_charger_without_a_password_say_how_to_connect()
        {
            using var h = new Harness();
            h.Charger.Announce();
            var ex = Assert.Throws<EvseException>(() => h.Run(h.Evse.GetSystemTimeAsync()));
            Assert.Equal("EvseNotConnected", ex.ErrorId);
            Assert.Contains("Connect-Evse", ex.Message);
        }

        [Fact]
        public async Task Waiting_for_a_state_completes_on_the_matching_push()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var wait = evse.WaitForStateAsync(s => s.State == EvseMetaState.Charging, true, default);
            h.Charger.Send(EmCommand.SingleAcStatus, new SingleAcStatusPayload { GunState = GunState.ConnectedUnlocked, CurrentState = CurrentState.ReadyToCharge });
            Assert.False(wait.IsCompleted);
            h.Charger.Send(EmCommand.SingleAcStatus, new SingleAcStatusPayload { GunState = GunState.ConnectedLocked, OutputState = OutputState.Charging, CurrentState = CurrentState.Charging });
            var state = await wait.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(EvseMetaState.Charging, state.State);
        }
    }
}
