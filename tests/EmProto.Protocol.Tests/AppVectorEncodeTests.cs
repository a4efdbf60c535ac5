using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>
    /// Every app-to-charger vector is reproduced byte for byte from payload objects built from
    /// scratch (not decode then encode).
    /// </summary>
    public class AppVectorEncodeTests
    {
        private static readonly EvseSerial TestSerial = EvseSerial.Parse("0123456789abcdef");
        private static readonly EmPassword TestPassword = EmPassword.FromString("123456");
        private static readonly DateTimeOffset March1Noon = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        /// <summary>The payload built from scratch for each row name of app-to-charger.tsv.</summary>
        private static readonly Dictionary<string, (EmCommand Command, Func<EmPayload> Build)> Builders = new Dictionary<string, (EmCommand, Func<EmPayload>)>
        {
            ["RequestLogin"] = (EmCommand.RequestLogin, () => ByteValuePayload.Zero),
            ["LoginConfirm"] = (EmCommand.LoginConfirm, () => new ByteValuePayload(0)),
            ["HeadingResponse"] = (EmCommand.HeadingResponse, () => ByteValuePayload.Zero),
            ["SingleACStatusResponse"] = (EmCommand.SingleAcStatusResponse, () => ByteValuePayload.One),
            ["GetNickName"] = (EmCommand.SetAndGetNickName, () => new NickNamePayload { Action = SetAndGetAction.Get }),
            ["SetNickName(ACP#Garage)"] = (EmCommand.SetAndGetNickName, () => new NickNamePayload { Action = SetAndGetAction.Set, Name = "ACP#Garage" }),
            ["GetLanguage"] = (EmCommand.SetAndGetLanguage, () => new LanguagePayload { Action = SetAndGetAction.Get }),
            ["SetLanguage(German=3)"] = (EmCommand.SetAndGetLanguage, () => new LanguagePayload { Action = SetAndGetAction.Set, Language = EvseLanguage.German }),
            ["GetOffLineCharge"] = (EmCommand.SetAndGetOffLineCharge, () => new OfflineChargePayload { Action = SetAndGetAction.Get }),
            ["SetOffLineCharge(DISABLED=1)"] = (EmCommand.SetAndGetOffLineCharge, () => new OfflineChargePayload { Action = SetAndGetAction.Set, Mode = OfflineCharge.Disabled }),
            ["GetOutputElectricity"] = (EmCommand.SetAndGetOutputElectricity, () => new OutputElectricityPayload { Action = SetAndGetAction.Get }),
            ["SetOutputElectricity(16)"] = (EmCommand.SetAndGetOutputElectricity, () => new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 16 }),
            ["GetTemperatureUnit"] = (EmCommand.SetAndGetTemperatureUnit, () => new TemperatureUnitPayload { Action = SetAndGetAction.Get }),
            ["GetSystemTime"] = (EmCommand.SetAndGetSystemTime, () => SystemTimePayload.Get()),
            ["SetSystemTime(2025-03-01T12:00:00Z)"] = (EmCommand.SetAndGetSystemTime, () => SystemTimePayload.Set(EmTimestamp.FromInstant(March1Noon, TimeZoneInfo.Utc))),
            ["GetVersion"] = (EmCommand.GetVersion, () => EmptyPayload.Instance),
            ["ChargeStart(lineId=1,user=alice,chargeId=ABC123,now,maxAmps=10,dur=90,kwh=7.5)"] = (EmCommand.ChargeStart, () => new ChargeStartPayload
            {
                UserId = "alice",
                ChargeId = "ABC123",
                ReservationDate = EmTimestamp.FromInstant(March1Noon, TimeZoneInfo.Utc),
                MaxDurationMinutes = 90,
                MaxEnergyRaw = 750,
                MaxAmps = 10,
            }),
            ["ChargeStop(user=alice)"] = (EmCommand.ChargeStop, () => new ChargeStopPayload { UserId = "alice" }),
        };

        public static IEnumerable<object[]> AppRows() => VectorFile.Rows("app-to-charger.tsv").Select(r => new object[] { r[0], r[1] });

        [Fact]
        public void Every_app_vector_has_a_builder()
        {
            var names = VectorFile.Rows("app-to-charger.tsv").Select(r => r[0]).ToList();
            Assert.NotEmpty(names);
            Assert.All(names, n => Assert.True(Builders.ContainsKey(n), "No builder for vector row '" + n + "'."));
        }

        [Theory]
        [MemberData(nameof(AppRows))]
        public void App_vector_is_built_byte_for_byte_from_payload_objects(string name, string hex)
        {
            var (command, build) = Builders[name];
            var bytes = DatagramCodec.Encode(new Datagram(TestSerial, TestPassword, command, build()));
            Assert.Equal(hex, HexText.ToHex(bytes, 0, bytes.Length));
        }

        [Theory]
        [MemberData(nameof(AppRows))]
        public void App_vector_decodes_to_the_payload_type_it_was_built_from(string name, string hex)
        {
            var (command, build) = Builders[name];
            var bytes = VectorFile.Hex(hex);
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var d, out _));
            Assert.Equal(command, d.Command);
            Assert.Equal(TestSerial, d.Serial);
            Assert.Equal("123456", d.Password.Reveal());
            Assert.IsType(build().GetType(), d.Payload);
        }

        [Fact]
        public void Captured_charge_start_is_built_byte_for_byte_in_the_Paris_zone()
        {
            var row = VectorFile.Rows("captured.tsv").Single(r => r[1] == "ChargeStart(32775)");
            var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            var payload = new ChargeStartPayload
            {
                UserId = "8600797985789243",
                ChargeId = "1649455421288096",
                ReservationDate = EmTimestamp.FromInstant(DateTimeOffset.FromUnixTimeMilliseconds(1649455421288), paris),
                MaxAmps = 16,
            };
            var bytes = DatagramCodec.Encode(new Datagram(EvseSerial.Parse("9181102751219513"), TestPassword, EmCommand.ChargeStart, payload));
            Assert.Equal(row[2], HexText.ToHex(bytes, 0, bytes.Length));
        }

        [Fact]
        public void Captured_charge_stop_is_built_byte_for_byte()
        {
            var row = VectorFile.Rows("captured.tsv").Single(r => r[1] == "ChargeStop(32776)");
            var payload = new ChargeStopPayload { UserId = "8600797985789243" };
            var bytes = DatagramCodec.Encode(new Datagram(EvseSerial.Parse("9181102751219513"), TestPassword, EmCommand.ChargeStop, payload));
            Assert.Equal(row[2], HexText.ToHex(bytes, 0, bytes.Length));
        }

        [Fact]
        public void Captured_charger_datagrams_are_built_byte_for_byte()
        {
            var serial = EvseSerial.Parse("9181102751219513");
            var built = new Dictionary<string, Datagram>
            {
                ["Login(1)"] = new Datagram(serial, EmPassword.None, EmCommand.Login, new LoginPayload
                {
                    Type = 1, Brand = "BESEN", Model = "BS20", HardwareVersion = "C.3252.112A008", MaxPowerW = 7040, MaxAmps = 32, HotLine = "WWW.EVSE.COM",
                }),
                ["Heading(3)"] = new Datagram(serial, EmPassword.None, EmCommand.Heading, EmptyPayload.Instance),
                ["SingleACStatus(4)"] = new Datagram(serial, EmPassword.None, EmCommand.SingleAcStatus, new SingleAcStatusPayload
                {
                    LineId = 1, L1VoltageRaw = 2350, MeterRaw = 147585,
                    InnerTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(26.74), OuterTemperatureRaw = SingleAcStatusPayload.TemperatureToRaw(26.74),
                    GunState = GunState.ConnectedUnlocked, OutputState = OutputState.Idle, CurrentState = CurrentState.ReadyToCharge,
                }),
                ["ChargeStartResponse(7)"] = new Datagram(serial, EmPassword.None, EmCommand.ChargeStartResponse, new ChargeStartResponsePayload { StartResult = 1, MaxAmps = 16 }),
                ["GetVersionResponse(262)"] = new Datagram(serial, EmPassword.None, EmCommand.GetVersionResponse, new VersionPayload
                {
                    HardwareVersion = "C.3252.112A008", SoftwareVersion = "C.3252.112A008", Feature = 0x42296d48,
                }),
                ["SetAndGetTemperatureUnitResponse(274)"] = new Datagram(serial, EmPassword.None, EmCommand.SetAndGetTemperatureUnitResponse, new TemperatureUnitPayload { Action = SetAndGetAction.Get, Unit = TemperatureUnit.Celsius }),
            };
            foreach (var pair in built)
            {
                var row = VectorFile.Rows("captured.tsv").First(r => r[1] == pair.Key);
                var bytes = DatagramCodec.Encode(pair.Value);
                Assert.True(row[2] == HexText.ToHex(bytes, 0, bytes.Length), pair.Key + " was not built byte for byte.");
            }
        }
    }
}
