using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests.Model
{
    /// <summary>The model types built from payloads: one conversion each, used by the live path and by decoded dumps.</summary>
    public class ModelTests
    {
        private static readonly DateTimeOffset Received = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public void State_keeps_the_state_byte_as_sent_next_to_the_overridden_state()
        {
            var p = new SingleAcStatusPayload { Form = 40, CurrentState = CurrentState.Charging, SecondaryState = 18, GunState = GunState.ConnectedLocked, PhaseCount = 3 };
            var s = EvseState.FromPayload("9181102751219513", p, Received);
            Assert.Equal(CurrentState.StoppedByCar, s.CurrentState);
            Assert.True(s.CurrentStateRaw == 14, "CurrentStateRaw must be the byte at offset 20 (14), not the override; got " + s.CurrentStateRaw);
            Assert.Equal(EvseMetaState.Finished, s.State);
            Assert.Equal(3, s.Phases);
            Assert.Equal(40, s.Form);
        }

        [Fact]
        public void State_names_the_emergency_button_and_keeps_its_number()
        {
            var released = EvseState.FromPayload("s", new SingleAcStatusPayload { EmergencyButton = 1 }, Received);
            var pressed = EvseState.FromPayload("s", new SingleAcStatusPayload { EmergencyButton = 2 }, Received);
            var other = EvseState.FromPayload("s", new SingleAcStatusPayload { EmergencyButton = 7 }, Received);
            Assert.Equal(EmergencyButtonState.Released, released.EmergencyButton);
            Assert.Equal(EmergencyButtonState.Pressed, pressed.EmergencyButton);
            Assert.Equal(2, pressed.EmergencyButtonRaw);
            Assert.Equal("7", other.EmergencyButton.ToString());
            Assert.Equal(7, other.EmergencyButtonRaw);
        }

        [Fact]
        public void State_reports_power_in_kW_with_the_reported_field_kept()
        {
            var s = EvseState.FromPayload("s", new SingleAcStatusPayload { L1VoltageRaw = 2300, L1CurrentRaw = 1600, PowerW = 1000, MeterRaw = 147585, InnerTemperatureRaw = 22674 }, Received);
            Assert.Equal(3.68, s.PowerKW, 3);
            Assert.Equal(1.0, s.ReportedPowerKW, 3);
            Assert.Equal(1475.85, s.EnergyMeterKWh);
            Assert.Equal(26.74, s.InnerTemperatureC);
            Assert.Null(s.OuterTemperatureC);
        }

        [Fact]
        public void Session_carries_fees_and_the_limits_it_runs_with()
        {
            var p = new ChargingStatusPayload
            {
                CurrentState = CurrentState.Charging, ChargeId = "A1", UserId = "emproto", MaxDurationMinutes = 90, MaxEnergyRaw = 1050, MaxAmps = 13,
                StartMeterRaw = 100000, CurrentMeterRaw = 100520, ChargedEnergyRaw = 520, ChargePriceRaw = 1234, FeeType = 2, ChargeFeeRaw = 150,
            };
            var s = EvseChargeSession.FromPayload("s", p, TimeZoneInfo.Utc, null, Received);
            Assert.Equal(EvseSessionKind.Current, s.Kind);
            Assert.Equal(TimeSpan.FromMinutes(90), s.MaxDuration);
            Assert.Equal(10.5, s.MaxEnergyKWh);
            Assert.Equal(13, s.MaxCurrent);
            Assert.Equal(2, s.FeeType);
            Assert.Equal(12.34, s.Price);
            Assert.Equal(1.5, s.ChargeFee);
            Assert.Equal(5.2, s.EnergyKWh);
            Assert.Equal(1000.0, s.StartMeterKWh);
        }

        [Fact]
        public void Session_derives_the_start_meter_when_the_charger_reports_zero()
        {
            var p = new ChargingStatusPayload { CurrentState = CurrentState.Completed, ChargeId = "A1", StartMeterRaw = 0, CurrentMeterRaw = 147585, ChargedEnergyRaw = 1234 };
            var s = EvseChargeSession.FromPayload("s", p, TimeZoneInfo.Utc, null, Received);
            Assert.Equal(EvseSessionKind.Last, s.Kind);
            Assert.Equal(1463.51, s.StartMeterKWh);
            Assert.Null(s.MaxDuration);
            Assert.Null(s.MaxEnergyKWh);
        }

        [Fact]
        public void Record_carries_fees_limits_and_a_named_stop_reason_with_its_number()
        {
            var p = new ChargeRecordPayload
            {
                ChargeId = "R1", EndUserId = "Power Down", StopReason = 0xFF, HasStopCharge = 2, Param1 = 120, Param2 = 2000, Param3 = 0xFFFF,
                ChargePriceRaw = 999, FeeType = 1, ChargeFeeRaw = 25, ChargedEnergyRaw = 1370, StartMeterRaw = 100000, StopMeterRaw = 101370,
                DeclaredSampleCount = 41, Slots = new ushort[] { 0, 1200, 7300 },
            };
            var r = EvseChargeRecord.FromPayload("s", p, TimeZoneInfo.Utc, null, Received);
            Assert.Equal(EvseStopReason.PowerDown, r.StopReason);
            Assert.Equal(255, r.StopReasonRaw);
            Assert.Equal(TimeSpan.FromMinutes(120), r.MaxDuration);
            Assert.Equal(20.0, r.MaxEnergyKWh);
            Assert.Equal(120, r.Param1Raw);
            Assert.Equal(0xFFFF, r.Param3Raw);
            Assert.Equal(9.99, r.Price);
            Assert.Equal(1, r.FeeType);
            Assert.Equal(0.25, r.ChargeFee);
            Assert.Equal(13.7, r.EnergyKWh);
            Assert.Equal(41, r.DeclaredSampleCount);
            Assert.Equal(new[] { 0, 1200, 7300 }, r.PowerSamplesW);
            Assert.Equal("0 1200 7300", r.PowerSamples);
        }

        [Fact]
        public void An_unnamed_stop_reason_shows_as_its_number()
        {
            var r = EvseChargeRecord.FromPayload("s", new ChargeRecordPayload { StopReason = 3 }, TimeZoneInfo.Utc, null, Received);
            Assert.Equal("3", r.StopReason.ToString());
            Assert.Equal(3, r.StopReasonRaw);
        }

        [Fact]
        public void Record_times_move_onto_the_host_clock_by_the_measured_skew_in_whole_seconds()
        {
            var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            var chargerStart = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
            var chargerStop = chargerStart.AddHours(2);
            var p = new ChargeRecordPayload { StartDate = EmTimestamp.FromInstant(chargerStart, amsterdam), StopDate = EmTimestamp.FromInstant(chargerStop, amsterdam) };
            var skew = TimeSpan.FromSeconds(-3600.4);

            var corrected = EvseChargeRecord.FromPayload("s", p, amsterdam, skew, Received);
            Assert.True(corrected.TimesCorrected);
            Assert.Equal(skew, corrected.ClockSkew);
            Assert.Equal(chargerStart.AddHours(1), corrected.Start);
            Assert.Equal(chargerStop.AddHours(1), corrected.Stop);
            Assert.Equal(TimeSpan.FromHours(1), corrected.Start!.Value.Offset);

            var asIs = EvseChargeRecord.FromPayload("s", p, amsterdam, null, Received);
            Assert.False(asIs.TimesCorrected);
            Assert.Null(asIs.ClockSkew);
            Assert.Equal(chargerStart, asIs.Start);
        }

        [Fact]
        public void Session_start_and_planned_start_move_onto_the_host_clock_by_the_measured_skew()
        {
            var chargerStart = new DateTimeOffset(2025, 3, 1, 20, 0, 0, TimeSpan.Zero);
            var p = new ChargingStatusPayload { CurrentState = CurrentState.Reservation, ChargeId = "P1", StartDate = EmTimestamp.FromInstant(chargerStart), ReservationDate = EmTimestamp.FromInstant(chargerStart.AddMinutes(30)) };
            var s = EvseChargeSession.FromPayload("s", p, TimeZoneInfo.Utc, TimeSpan.FromMinutes(5), Received);
            Assert.True(s.TimesCorrected);
            Assert.Equal(chargerStart.AddMinutes(-5), s.Start);
            Assert.Equal(chargerStart.AddMinutes(25), s.ReservedFor);
        }
    }
}
