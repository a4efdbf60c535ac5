using System.Collections.Generic;
using System.Text;
using EmProto.Engine.Persistence;

namespace EmProto.Engine.Tests.Persistence
{
    public sealed class StoreJsonMemberTests
    {
        /// <summary>A file in which every member of every object holds a value other than its default.</summary>
        private static StoreFile Full() => new StoreFile
        {
            Format = 1,
            WrittenBy = "EmProto test",
            Evses = new List<StoreFileEvse>
            {
                new StoreFileEvse
                {
                    Serial = "9181102751219513", Brand = "Telestar", Model = "EC311S", HardwareVersion = "H1", SoftwareVersion = "V1.2.3",
                    TypeCode = 25, Phases = 3, MaxPowerKW = 11.04, MaxCurrent = 16, HotLine = "+31 20 123", Address = "127.0.0.1", Port = 40001,
                    TimeZone = "Europe/Amsterdam", Pinned = true, LastSeen = "2026-11-25T12:38:00.0000000+00:00", LastStartStop = "2026-11-25T12:00:00.0000000+00:00",
                    Password = "obf:zs3My8rJ", Feature = 4294967295, Disconnected = true, CapabilitiesFirmware = "V1.2.3",
                    Config = new StoreFileConfig { ReadAt = "2026-11-25T12:38:00.0000000+00:00", Name = "Garage", Language = 1, TemperatureUnit = 2, OfflineCharge = 3, MaxCurrent = 13, Brightness = 80 },
                    Records = new List<StoreFileRecord>
                    {
                        new StoreFileRecord
                        {
                            ChargeId = "A1", StartUserId = "emproto", EndUserId = "Power Down", Start = "2026-11-25T10:00:00.0000000+00:00", Stop = "2026-11-25T11:00:00.0000000+00:00",
                            Seconds = 3600.5, StartMeterKWh = 1.25, StopMeterKWh = 8.5, EnergyKWh = 7.25, StopReason = 3, SamplesW = new[] { 0, 3680, -1 },
                            ReceivedAt = "2026-11-25T11:00:01.0000000+00:00", LineId = 1, HasReservation = 1, StartType = 2, ChargeType = 3,
                            ReservedFor = "2026-11-25T09:00:00.0000000+00:00", Param1 = 60, Param2 = 1000, Param3 = 7, FeeType = 4, Price = 0.25, ChargeFee = 1.5,
                            HasStopCharge = 2, DeclaredSampleCount = 5, ClockSkewSeconds = -12.5,
                        },
                    },
                    Capabilities = new List<StoreFileCapability> { new StoreFileCapability { Request = "Brightness", State = "Ignored" } },
                },
                new StoreFileEvse { Serial = "5e5e0000000c0001" },
                new StoreFileEvse
                {
                    Serial = "5e5e0000000c0002", Config = new StoreFileConfig(), Records = new List<StoreFileRecord> { new StoreFileRecord() },
                    Capabilities = new List<StoreFileCapability>(),
                },
            },
        };

        /// <summary>What the file looked like when each member was still written out by hand: the format must not move.</summary>
        private const string Expected = """
            {
              "format": 1,
              "writtenBy": "EmProto test",
              "evses": [
                {
                  "serial": "9181102751219513",
                  "brand": "Telestar",
                  "model": "EC311S",
                  "hardwareVersion": "H1",
                  "softwareVersion": "V1.2.3",
                  "typeCode": 25,
                  "phases": 3,
                  "maxPowerKW": 11.04,
                  "maxCurrent": 16,
                  "hotLine": "+31 20 123",
                  "address": "127.0.0.1",
                  "port": 40001,
                  "timeZone": "Europe/Amsterdam",
                  "pinned": true,
                  "lastSeen": "2026-11-25T12:38:00.0000000+00:00",
                  "lastStartStop": "2026-11-25T12:00:00.0000000+00:00",
                  "password": "obf:zs3My8rJ",
                  "config": {
                    "readAt": "2026-11-25T12:38:00.0000000+00:00",
                    "name": "Garage",
                    "language": 1,
                    "temperatureUnit": 2,
                    "offlineCharge": 3,
                    "maxCurrent": 13,
                    "brightness": 80
                  },
                  "records": [
                    {
                      "chargeId": "A1",
                      "startUserId": "emproto",
                      "endUserId": "Power Down",
                      "start": "2026-11-25T10:00:00.0000000+00:00",
                      "stop": "2026-11-25T11:00:00.0000000+00:00",
                      "seconds": 3600.5,
                      "startMeterKWh": 1.25,
                      "stopMeterKWh": 8.5,
                      "energyKWh": 7.25,
                      "stopReason": 3,
                      "samplesW": [
                        0,
                        3680,
                        -1
                      ],
                      "receivedAt": "2026-11-25T11:00:01.0000000+00:00",
                      "lineId": 1,
                      "hasReservation": 1,
                      "startType": 2,
                      "chargeType": 3,
                      "reservedFor": "2026-11-25T09:00:00.0000000+00:00",
                      "param1": 60,
                      "param2": 1000,
                      "param3": 7,
                      "feeType": 4,
                      "price": 0.25,
                      "chargeFee": 1.5,
                      "hasStopCharge": 2,
                      "declaredSampleCount": 5,
                      "clockSkewSeconds": -12.5
                    }
                  ],
                  "feature": 4294967295,
                  "disconnected": true,
                  "capabilities": [
                    {
                      "request": "Brightness",
                      "state": "Ignored"
                    }
                  ],
                  "capabilitiesFirmware": "V1.2.3"
                },
                {
                  "serial": "5e5e0000000c0001",
                  "typeCode": 0,
                  "phases": 0,
                  "maxPowerKW": 0,
                  "maxCurrent": 0,
                  "port": 0,
                  "pinned": false
                },
                {
                  "serial": "5e5e0000000c0002",
                  "typeCode": 0,
                  "phases": 0,
                  "maxPowerKW": 0,
                  "maxCurrent": 0,
                  "port": 0,
                  "pinned": false,
                  "config": {
                    "readAt": null,
                    "name": null,
                    "language": 0,
                    "temperatureUnit": 0,
                    "offlineCharge": 0,
                    "maxCurrent": 0
                  },
                  "records": [
                    {
                      "chargeId": null,
                      "startUserId": null,
                      "endUserId": null,
                      "seconds": 0,
                      "startMeterKWh": 0,
                      "stopMeterKWh": 0,
                      "energyKWh": 0,
                      "stopReason": 0,
                      "receivedAt": null
                    }
                  ],
                  "capabilities": []
                }
              ]
            }
            """;

        [Fact]
        public void Every_member_is_written_in_file_order_with_its_name_and_form()
        {
            string text = Encoding.UTF8.GetString(StoreJson.Write(Full()));
            Assert.Equal(Expected.Replace("\r\n", "\n"), text);
        }

        [Fact]
        public void Every_member_read_back_writes_the_same_bytes()
        {
            var once = StoreJson.Write(Full());
            var again = StoreJson.Write(StoreJson.Read(once));
            Assert.Equal(Encoding.UTF8.GetString(once), Encoding.UTF8.GetString(again));
        }

        [Fact]
        public void Members_missing_from_the_file_read_as_their_defaults()
        {
            var file = StoreJson.Read(Encoding.UTF8.GetBytes("{\"evses\":[{\"config\":{},\"records\":[{}],\"capabilities\":[{}]}]}"));
            Assert.Equal((0, string.Empty), (file.Format, file.WrittenBy));
            var e = Assert.Single(file.Evses);
            Assert.Equal((string.Empty, null, 0, 0.0, false, 0L, false), (e.Serial, e.Brand, e.Port, e.MaxPowerKW, e.Pinned, e.Feature, e.Disconnected));
            Assert.Equal((null, null, 0, (int?)null), (e.Config!.ReadAt, e.Config.Name, e.Config.MaxCurrent, e.Config.Brightness));
            var r = Assert.Single(e.Records!);
            Assert.Equal((null, null, 0.0, 0, (int[]?)null, (int?)null, (double?)null), (r.ChargeId, r.Start, r.Seconds, r.LineId, r.SamplesW, r.Param1, r.ClockSkewSeconds));
            var c = Assert.Single(e.Capabilities!);
            Assert.Equal((string.Empty, string.Empty), (c.Request, c.State));
        }
    }
}
