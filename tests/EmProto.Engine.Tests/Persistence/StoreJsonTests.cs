using System;
using System.Collections.Generic;
using System.Text;
using EmProto.Engine.Persistence;

namespace EmProto.Engine.Tests.Persistence
{
    public sealed class StoreJsonTests
    {
        private static StoreFile Sample() => new StoreFile
        {
            Evses = new List<StoreFileEvse>
            {
                new StoreFileEvse
                {
                    Serial = "9181102751219513",
                    Brand = "Tele\"star\\ \u00e9\n\u0001",
                    Model = "EC311S",
                    TypeCode = 25,
                    Phases = 3,
                    MaxPowerKW = 11.04,
                    MaxCurrent = 16,
                    Address = "127.0.0.1",
                    Port = 40001,
                    TimeZone = "Europe/Amsterdam",
                    Pinned = true,
                    LastSeen = "2026-11-25T12:38:00.0000000+00:00",
                    Password = "obf:zs3My8rJ",
                    Disconnected = true,
                    Config = new StoreFileConfig { ReadAt = "2026-11-25T12:38:00.0000000+00:00", Name = "Garage", Language = 1, TemperatureUnit = 2, OfflineCharge = 1, MaxCurrent = 13, Brightness = 80 },
                    Records = new List<StoreFileRecord>
                    {
                        new StoreFileRecord { ChargeId = "A1", StartUserId = "emproto", EndUserId = "emproto", Start = "2026-11-25T10:00:00.0000000+00:00", Seconds = 3600.5, StartMeterKWh = 1.25, StopMeterKWh = 8.5, EnergyKWh = 7.25, StopReason = 3, SamplesW = new[] { 0, 3680, -1 }, ReceivedAt = "2026-11-25T11:00:00.0000000+00:00" },
                    },
                    Capabilities = new List<StoreFileCapability> { new StoreFileCapability { Request = "Brightness", State = "Ignored" } },
                    CapabilitiesFirmware = "V1.2.3",
                },
                new StoreFileEvse { Serial = "5e5e0000000c0001" },
            },
        };

        [Fact]
        public void What_is_written_reads_back_field_for_field()
        {
            var back = StoreJson.Read(StoreJson.Write(Sample()));
            var e = back.Evses[0];
            var expected = Sample().Evses[0];
            Assert.Equal(StoreFile.CurrentFormat, back.Format);
            Assert.Equal("EmProto", back.WrittenBy);
            Assert.Equal(2, back.Evses.Count);
            Assert.Equal(expected.Brand, e.Brand);
            Assert.Equal((expected.Serial, expected.TypeCode, expected.Phases, expected.MaxPowerKW, expected.MaxCurrent, expected.Port), (e.Serial, e.TypeCode, e.Phases, e.MaxPowerKW, e.MaxCurrent, e.Port));
            Assert.Equal((expected.Address, expected.TimeZone, expected.Pinned, expected.LastSeen, expected.Password, expected.Disconnected), (e.Address, e.TimeZone, e.Pinned, e.LastSeen, e.Password, e.Disconnected));
            Assert.Equal("Garage", e.Config!.Name);
            Assert.Equal((1, 2, 1, 13, (int?)80), (e.Config.Language, e.Config.TemperatureUnit, e.Config.OfflineCharge, e.Config.MaxCurrent, e.Config.Brightness));
            var r = Assert.Single(e.Records!);
            Assert.Equal((3600.5, 1.25, 8.5, 7.25, 3), (r.Seconds, r.StartMeterKWh, r.StopMeterKWh, r.EnergyKWh, r.StopReason));
            Assert.Equal(new[] { 0, 3680, -1 }, r.SamplesW);
            Assert.Null(r.Stop);
            Assert.Equal("Ignored", Assert.Single(e.Capabilities!).State);
            Assert.Equal("V1.2.3", e.CapabilitiesFirmware);
            var bare = back.Evses[1];
            Assert.Null(bare.Config);
            Assert.Null(bare.Records);
            Assert.Null(bare.Capabilities);
            Assert.False(bare.Disconnected);
        }

        [Fact]
        public void Empty_optional_members_are_left_out_of_the_file()
        {
            string text = Encoding.UTF8.GetString(StoreJson.Write(new StoreFile { Evses = { new StoreFileEvse { Serial = "5e5e0000000c0001" } } }));
            Assert.DoesNotContain("password", text);
            Assert.DoesNotContain("disconnected", text);
            Assert.DoesNotContain("config", text);
            Assert.StartsWith("{\n  \"format\": 1,", text);
        }

        [Fact]
        public void A_file_of_the_earlier_serializer_with_escaped_slashes_a_bom_and_unknown_members_is_read()
        {
            string json = "\uFEFF{\"format\":1,\"writtenBy\":\"EmProto\",\"future\":{\"x\":[1,2,{\"y\":null}]},\"evses\":[{\"serial\":\"5e5e0000000c0001\",\"hotLine\":\"http:\\/\\/example.invalid\",\"maxPowerKW\":3.68E0,\"port\":50230,\"pinned\":false,\"config\":{\"readAt\":null,\"name\":\"\\u0041b\",\"language\":1,\"temperatureUnit\":1,\"offlineCharge\":0,\"maxCurrent\":16}}]}";
            var file = StoreJson.Read(Encoding.UTF8.GetBytes(json));
            var e = Assert.Single(file.Evses);
            Assert.Equal("http://example.invalid", e.HotLine);
            Assert.Equal(3.68, e.MaxPowerKW);
            Assert.Equal("Ab", e.Config!.Name);
            Assert.Null(e.Config.ReadAt);
            Assert.Null(e.Config.Brightness);
        }

        [Theory]
        [InlineData("{ this is not json")]
        [InlineData("[1,2]")]
        [InlineData("{\"format\":1,\"evses\":[{\"serial\":\"5e5e0000000c0001\",\"port\":\"fifty\"}]}")]
        [InlineData("{\"format\":1,\"evses\":[{\"serial\":\"5e5e0000000c0001\",\"port\":1.5}]}")]
        [InlineData("{\"format\":1,\"evses\":{}}")]
        [InlineData("{\"format\":1} trailing")]
        [InlineData("{\"format\":1,\"writtenBy\":\"unterminated}")]
        [InlineData("{\"format\":1,\"writtenBy\":\"bad \\x escape\"}")]
        [InlineData("")]
        public void Malformed_or_mistyped_json_is_a_format_error(string json)
        {
            Assert.Throws<FormatException>(() => StoreJson.Read(Encoding.UTF8.GetBytes(json)));
        }

        [Fact]
        public void Nesting_beyond_the_limit_is_a_format_error_not_a_stack_overflow()
        {
            string json = "{\"x\":" + new string('[', 10000) + new string(']', 10000) + "}";
            var ex = Assert.Throws<FormatException>(() => StoreJson.Read(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("nested too deeply", ex.Message);
        }
    }
}
