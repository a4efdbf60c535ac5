using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class ChargingTests
    {
        private static SimulatorFixture Quiet(Action<SimulatorOptions>? more = null) => new SimulatorFixture(o =>
        {
            o.LoginInterval = TimeSpan.FromHours(10);
            o.PluggedIn = true;
            more?.Invoke(o);
        });

        [Fact]
        public void ChargeStart_when_plugged_in_charges_and_an_hour_of_fake_time_adds_the_energy()
        {
            using var f = Quiet(o => o.Phases = 3);
            var r = f.Start(amps: 16);
            Assert.True(r.IsSuccess, "ChargeStart should succeed when plugged in");
            Assert.Equal(ReservationResult.ImmediateStart, r.ReservationResult);
            Assert.Equal(CurrentState.Charging, f.Evse.State);
            Assert.Equal(GunState.ConnectedLocked, f.Evse.GunState);
            Assert.Equal(OutputState.Charging, f.Evse.OutputState);
            double before = f.Evse.MeterKWh;
            f.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(3 * 230 * 16 / 1000.0, f.Evse.MeterKWh - before, 6);
            var session = f.Evse.Session!;
            Assert.Equal(TimeSpan.FromHours(1), session.Duration);
            Assert.Equal(3, session.PowerSamples.Count);
        }

        [Fact]
        public void Status_while_charging_reports_volts_amps_and_power_per_phase()
        {
            using var f = Quiet(o => { o.Phases = 3; o.MaxAmps = 32; });
            f.App.Register(f.Evse);
            f.Start(amps: 20);
            var s = f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.SingleAcStatus, "starting is a change that is pushed");
            Assert.Equal(33, s.Form);
            Assert.Equal(CurrentState.Charging, s.CurrentState);
            Assert.InRange(s.L1Volts, 227.9, 232.1);
            Assert.InRange(s.L3Volts, 227.9, 232.1);
            Assert.Equal(20.0, s.L2Amps, 2);
            Assert.InRange(s.PowerW - (s.L1Volts * s.L1Amps + s.L2Volts * s.L2Amps + s.L3Volts * s.L3Amps), -1.0, 1.0);
        }

        [Fact]
        public void Current_is_limited_by_the_configured_output_current()
        {
            using var f = Quiet(o => o.MaxAmps = 32);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 10 });
            f.App.Expect(EmCommand.SetAndGetOutputElectricityResponse, "SET is answered");
            f.Start(amps: 32);
            Assert.Equal(230.0 * 10, f.Evse.PowerW, 6);
        }

        [Fact]
        public void ChargeStart_errors_not_plugged_in_already_charging_and_bad_amps()
        {
            using var f = Quiet(o => o.PluggedIn = false);
            var notPlugged = f.Start();
            Assert.Equal(ChargeStartError.NotPluggedIn, notPlugged.ErrorReason);
            Assert.False(notPlugged.IsSuccess);
            f.Evse.PlugIn();
            Assert.Equal(ChargeStartError.IncorrectPower, f.Start(amps: 5).ErrorReason);
            Assert.Equal(ChargeStartError.IncorrectPower, f.Start(amps: 17).ErrorReason);
            Assert.True(f.Start(amps: 16).IsSuccess);
            Assert.Equal(ChargeStartError.AlreadyCharging, f.Start(amps: 16).ErrorReason);
            Assert.Equal(4, f.Evse.Counters.ChargeStartsRefused);
        }

        [Fact]
        public void ChargeStop_ends_the_session_and_answers()
        {
            using var f = Quiet();
            f.Start();
            f.Time.Advance(TimeSpan.FromMinutes(10));
            f.App.Send(f.Evse, EmCommand.ChargeStop, new ChargeStopPayload { UserId = "tester" });
            var r = f.App.ExpectPayload<ChargeStopResponsePayload>(EmCommand.ChargeStopResponse, "every ChargeStop is answered");
            Assert.Equal(1, r.StopResult);
            Assert.Equal(CurrentState.Completed, f.Evse.State);
            Assert.Equal("tester", f.Evse.Session!.EndedBy);
            Assert.Equal(1, f.Evse.PendingRecords);
        }

        [Fact]
        public void Max_duration_ends_the_session_with_state_15_at_the_limit()
        {
            using var f = Quiet();
            f.Start(configure: p => p.MaxDurationMinutes = 30);
            f.Time.Advance(TimeSpan.FromHours(2));
            Assert.Equal(CurrentState.Completed, f.Evse.State);
            var s = f.Evse.Session!;
            Assert.Equal(SimulatedSessionPhase.Finished, s.Phase);
            Assert.Equal(TimeSpan.FromMinutes(30), s.Duration);
            Assert.Equal("MaxDuration", s.EndedBy);
            Assert.Equal(230 * 16 * 0.5 / 1000, s.EnergyKWh, 6);
        }

        [Fact]
        public void Max_energy_ends_the_session_with_state_17_at_the_limit()
        {
            using var f = Quiet();
            f.Start(configure: p => p.MaxEnergyRaw = 150);
            f.Time.Advance(TimeSpan.FromHours(3));
            Assert.Equal(CurrentState.CompletedFull, f.Evse.State);
            Assert.Equal(1.5, f.Evse.Session!.EnergyKWh, 6);
        }

        [Fact]
        public void Param3_zero_stops_the_charge_after_a_few_seconds_like_real_chargers()
        {
            using var f = Quiet();
            f.Start(configure: p => p.Param3 = 0);
            f.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(CurrentState.Completed, f.Evse.State);
            Assert.Equal(TimeSpan.FromSeconds(5), f.Evse.Session!.Duration);
        }

        [Fact]
        public void Unplugging_ends_the_session_and_the_state_returns_to_not_connected()
        {
            using var f = Quiet();
            f.Start();
            f.Time.Advance(TimeSpan.FromMinutes(5));
            f.Evse.Unplug();
            Assert.Equal(CurrentState.NotConnected, f.Evse.State);
            Assert.Equal("Unplugged", f.Evse.Session!.EndedBy);
        }

        [Fact]
        public void Emergency_stop_and_error_bits_stop_charging_and_refuse_starts_until_cleared()
        {
            using var f = Quiet();
            f.Start();
            f.Evse.PressEmergencyStop();
            Assert.Equal(CurrentState.EvseFault, f.Evse.State);
            Assert.Equal(EvseErrors.EmergencyStop, f.Evse.Errors);
            Assert.Equal(ChargeStartError.SystemError, f.Start().ErrorReason);
            f.Evse.ClearError();
            f.Evse.RaiseError(EvseErrors.OverCurrent | EvseErrors.CpError);
            Assert.Equal(EvseErrors.OverCurrent | EvseErrors.CpError, f.Evse.Errors);
            f.Evse.ClearError(EvseErrors.OverCurrent);
            Assert.Equal(EvseErrors.CpError, f.Evse.Errors);
            f.Evse.ClearError();
            Assert.Equal(CurrentState.Completed, f.Evse.State);
            Assert.True(f.Start().IsSuccess);
        }

        [Fact]
        public void AdvanceTime_moves_clock_and_energy_without_the_time_provider()
        {
            using var f = Quiet();
            f.Start();
            var clock = f.Evse.Clock;
            f.Evse.AdvanceTime(TimeSpan.FromMinutes(30));
            Assert.Equal(clock + TimeSpan.FromMinutes(30), f.Evse.Clock);
            Assert.Equal(TimeSpan.FromMinutes(30), f.Evse.Session!.Duration);
            Assert.Throws<ArgumentOutOfRangeException>(() => f.Evse.AdvanceTime(TimeSpan.FromSeconds(-1)));
        }

        [Fact]
        public void RequestChargingStatus_is_answered_with_command_6_describing_the_session()
        {
            using var f = Quiet();
            f.Start();
            f.Time.Advance(TimeSpan.FromMinutes(60));
            f.App.Send(f.Evse, EmCommand.RequestChargingStatus, ByteValuePayload.Zero);
            var s = f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusResponse, "0x8006 asks for command 6");
            Assert.Equal(CurrentState.Charging, s.CurrentState);
            Assert.Equal("sim0001", s.ChargeId);
            Assert.Equal(3600u, s.DurationSeconds);
            Assert.Equal(368u, s.ChargedEnergyRaw);
            Assert.Equal(s.StartMeterRaw + s.ChargedEnergyRaw, s.CurrentMeterRaw);
        }
    }
}
