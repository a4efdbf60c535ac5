using System;
using System.Linq;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>Every row of captured.tsv decodes to the values written next to it.</summary>
    public class CapturedVectorTests
    {
        private static readonly EvseSerial Bs20 = EvseSerial.Parse("9181102751219513");

        /// <summary>The charger was in France: UTC+2 in April 2022.</summary>
        private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        private static Datagram Decode(string name, int occurrence = 0)
        {
            var row = VectorFile.Rows("captured.tsv").Where(r => r[1] == name).ElementAt(occurrence);
            var bytes = VectorFile.Hex(row[2]);
            var error = DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var datagram, out int consumed);
            Assert.True(error == DecodeError.None, name + " was rejected: " + error);
            Assert.Equal(bytes.Length, consumed);
            Assert.Equal(bytes.Length, datagram.Length);
            Assert.Equal(Bs20, datagram.Serial);
            Assert.Equal(0, datagram.KeyType);
            return datagram;
        }

        private static T Payload<T>(Datagram d) where T : EmPayload =>
            Assert.IsType<T>(d.Payload);

        [Fact]
        public void Every_captured_row_is_covered_by_a_test_below()
        {
            var names = VectorFile.Rows("captured.tsv").Select(r => r[1]).Distinct().OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(
                new[] { "ChargeStart(32775)", "ChargeStartResponse(7)", "ChargeStop(32776)", "GetVersionResponse(262)", "Heading(3)", "Login(1)", "SetAndGetSystemTimeResponse(257)", "SetAndGetTemperatureUnitResponse(274)", "SingleACChargingStatusPublicAuto(5)", "SingleACStatus(4)" },
                names);
        }

        [Fact]
        public void Login_broadcast_decodes_to_the_BS20_description()
        {
            var d = Decode("Login(1)");
            Assert.Equal(EmCommand.Login, d.Command);
            Assert.False(d.Password.IsPresent);
            var p = Payload<LoginPayload>(d);
            Assert.Equal(1, p.Type);
            Assert.Equal("BESEN", p.Brand);
            Assert.Equal("BS20", p.Model);
            Assert.Equal("C.3252.112A008", p.HardwareVersion);
            Assert.Equal(7040u, p.MaxPowerW);
            Assert.Equal(32, p.MaxAmps);
            Assert.Equal("WWW.EVSE.COM", p.HotLine);
            Assert.Equal(70, p.Form);
            Assert.False(p.IsThreePhase);
        }

        [Fact]
        public void Heading_has_no_payload()
        {
            var d = Decode("Heading(3)");
            Assert.Equal(EmCommand.Heading, d.Command);
            Assert.Same(EmptyPayload.Instance, d.Payload);
            Assert.Equal(25, d.Length);
        }

        [Fact]
        public void Status_decodes_volts_amps_meter_temperatures_and_states()
        {
            var d = Decode("SingleACStatus(4)");
            Assert.Equal(EmCommand.SingleAcStatus, d.Command);
            var p = Payload<SingleAcStatusPayload>(d);
            Assert.Equal(25, p.Form);
            Assert.Equal(1, p.LineId);
            Assert.Equal(235.0, p.L1Volts, 6);
            Assert.Equal(0.0, p.L1Amps, 6);
            Assert.Equal(0u, p.PowerW);
            Assert.Equal(1475.85, p.MeterKWh, 6);
            Assert.Equal(26.74, p.InnerTemperatureC!.Value, 6);
            Assert.Equal(26.74, p.OuterTemperatureC!.Value, 6);
            Assert.Equal(1, p.EmergencyButton);
            Assert.Equal(GunState.ConnectedUnlocked, p.GunState);
            Assert.Equal(OutputState.Idle, p.OutputState);
            Assert.Equal(CurrentState.ReadyToCharge, p.CurrentState);
            Assert.Equal(CurrentState.ReadyToCharge, p.EffectiveState);
            Assert.Equal(EvseErrors.None, p.Errors);
            Assert.Equal(0, p.L2VoltageRaw);
            Assert.Equal(0.0, p.EffectivePowerW, 6);
        }

        [Fact]
        public void Charging_status_decodes_every_field()
        {
            var d = Decode("SingleACChargingStatusPublicAuto(5)");
            Assert.Equal(EmCommand.SingleAcChargingStatusPublicAuto, d.Command);
            var p = Payload<ChargingStatusPayload>(d);
            Assert.Equal(74, p.Length);
            Assert.Null(p.Extension);
            Assert.Equal(1, p.Port);
            Assert.Equal(CurrentState.ReadyToCharge, p.CurrentState);
            Assert.Equal(CurrentState.ReadyToCharge, p.EffectiveState);
            Assert.Equal("1649453528618249", p.ChargeId);
            Assert.Equal(1, p.StartType);
            Assert.Equal(1, p.ChargeType);
            Assert.Equal(0xFFFF, p.MaxDurationMinutes);
            Assert.Equal(0xFFFF, p.MaxEnergyRaw);
            Assert.Null(p.MaxEnergyKWh);
            Assert.Equal(0xFFFF, p.Param3Raw);
            Assert.Equal(0x62505578u, p.ReservationDate.Raw);
            Assert.Equal("8600797985789243", p.UserId);
            Assert.Equal(13, p.MaxAmps);
            Assert.Equal(0x62505578u, p.StartDate.Raw);
            Assert.Equal(73u, p.DurationSeconds);
            Assert.Equal(147579u, p.StartMeterRaw);
            Assert.Equal(147584u, p.CurrentMeterRaw);
            Assert.Equal(5u, p.ChargedEnergyRaw);
            Assert.Equal(0.05, p.ChargedKWh, 6);
            Assert.Equal(5u, p.ChargePriceRaw);
            Assert.Equal(1, p.FeeType);
            Assert.Equal(100, p.ChargeFeeRaw);
            // 0x62505578 is Paris wall clock 2022-04-08T23:32:08 (+02:00).
            Assert.Equal(new DateTimeOffset(2022, 4, 8, 23, 32, 8, TimeSpan.FromHours(2)), p.StartDate.ToInstant(Paris));
        }

        [Fact]
        public void Charge_start_response_reports_an_immediate_start_at_16_amps()
        {
            var p = Payload<ChargeStartResponsePayload>(Decode("ChargeStartResponse(7)"));
            Assert.Equal(1, p.LineId);
            Assert.Equal(ReservationResult.ImmediateStart, p.ReservationResult);
            Assert.Equal(1, p.StartResult);
            Assert.Equal(ChargeStartError.None, p.ErrorReason);
            Assert.Equal(16, p.MaxAmps);
            Assert.True(p.IsSuccess);
        }

        [Theory]
        [InlineData(0, 0x62505cdcu)]
        [InlineData(1, 0x62505cd4u)]
        public void System_time_responses_carry_action_1_and_the_clock(int occurrence, uint raw)
        {
            var d = Decode("SetAndGetSystemTimeResponse(257)", occurrence);
            Assert.Equal(EmCommand.SetAndGetSystemTimeResponse, d.Command);
            var p = Payload<SystemTimePayload>(d);
            Assert.Equal(SetAndGetAction.Set, p.Action);
            Assert.Equal(raw, p.Time.Raw);
            Assert.False(p.LongForm);
        }

        [Fact]
        public void Version_response_in_the_36_byte_form_has_no_supportNew()
        {
            var d = Decode("GetVersionResponse(262)");
            var p = Payload<VersionPayload>(d);
            Assert.Equal(36, p.Length);
            Assert.Equal("C.3252.112A008", p.HardwareVersion);
            Assert.Equal("C.3252.112A008", p.SoftwareVersion);
            Assert.Equal(0x42296d48u, p.Feature);
            Assert.Null(p.SupportNew);
        }

        [Fact]
        public void Temperature_unit_response_is_a_GET_answer_in_Celsius()
        {
            var p = Payload<TemperatureUnitPayload>(Decode("SetAndGetTemperatureUnitResponse(274)"));
            Assert.Equal(SetAndGetAction.Get, p.Action);
            Assert.Equal(TemperatureUnit.Celsius, p.Unit);
        }

        [Fact]
        public void Captured_charge_start_decodes_and_its_timestamp_is_the_real_instant_in_UTC_plus_2()
        {
            var d = Decode("ChargeStart(32775)");
            Assert.Equal(EmCommand.ChargeStart, d.Command);
            Assert.True(d.Password.IsPresent);
            Assert.Equal("123456", d.Password.Reveal());
            var p = Payload<ChargeStartPayload>(d);
            Assert.Equal(1, p.LineId);
            Assert.Equal("8600797985789243", p.UserId);
            Assert.Equal("1649455421288096", p.ChargeId);
            Assert.Equal(0, p.IsReservation);
            Assert.Equal(0x62505cddu, p.ReservationDate.Raw);
            Assert.Equal(1, p.StartType);
            Assert.Equal(1, p.ChargeType);
            Assert.Equal(0xFFFF, p.MaxDurationMinutes);
            Assert.Equal(0xFFFF, p.MaxEnergyRaw);
            Assert.Equal(0xFFFF, p.Param3);
            Assert.Equal(16, p.MaxAmps);

            var expected = new DateTimeOffset(2022, 4, 8, 22, 3, 41, TimeSpan.Zero);
            Assert.Equal(expected, p.ReservationDate.ToInstant(Paris));
            var fixedPlus2 = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
            Assert.Equal(expected, p.ReservationDate.ToInstant(fixedPlus2));
            Assert.Equal(new DateTime(2022, 4, 9, 0, 3, 41), p.ReservationDate.WallClock);
        }

        [Fact]
        public void Captured_charge_stop_decodes_user_and_line()
        {
            var d = Decode("ChargeStop(32776)");
            Assert.Equal(EmCommand.ChargeStop, d.Command);
            var p = Payload<ChargeStopPayload>(d);
            Assert.Equal(1, p.LineId);
            Assert.Equal("8600797985789243", p.UserId);
        }
    }
}
