using System;
using System.Collections.Generic;
using EmProto.Engine.Persistence;
using EmProto.Protocol;

namespace EmProto.Engine.Tests.Persistence
{
    public sealed class StoredEvseMappingTests
    {
        private static readonly DateTimeOffset T = new DateTimeOffset(2026, 11, 25, 12, 38, 0, TimeSpan.FromHours(1));

        private static EvseChargeRecord Record() => new EvseChargeRecord
        {
            Serial = "9181102751219513", ChargeId = "A1", StartUserId = "emproto", EndUserId = "Power Down", Start = T.AddHours(-2), Stop = T.AddHours(-1),
            Duration = TimeSpan.FromSeconds(3600.5), StartMeterKWh = 1.25, StopMeterKWh = 8.5, EnergyKWh = 7.25, StopReason = (EvseStopReason)3, StopReasonRaw = 3,
            PowerSamplesW = new[] { 0, 3680 }, ReceivedAt = T, LineId = 1, HasReservation = 1, StartType = 2, ChargeType = 3, ReservedFor = T.AddHours(-3),
            Param1Raw = 60, Param2Raw = 1000, Param3Raw = 7, MaxDuration = TimeSpan.FromMinutes(60), MaxEnergyKWh = 10, FeeType = 4, Price = 0.25, ChargeFee = 1.5,
            HasStopCharge = 2, DeclaredSampleCount = 5, TimesCorrected = true, ClockSkew = TimeSpan.FromSeconds(-12.5),
        };

        private static StoredEvse Stored(EvseChargeRecord record) => new StoredEvse
        {
            Serial = "9181102751219513",
            Info = new EvseInfo { Serial = "9181102751219513", Brand = "Telestar", Model = "EC311S", HardwareVersion = "H1", SoftwareVersion = "V1", TypeCode = 25, Phases = 3, MaxPowerKW = 11.04, MaxCurrent = 16, HotLine = "+31", Feature = 5 },
            Config = new EvseConfig { Serial = "9181102751219513", ReadAt = T, Name = "Garage", Language = (EvseLanguage)1, TemperatureUnit = (TemperatureUnit)2, OfflineCharge = (OfflineCharge)1, OfflineChargeRaw = 1, MaxCurrent = 13, Brightness = 80 },
            Address = "127.0.0.1", Port = 40001, TimeZone = "Europe/Amsterdam", Pinned = true, LastSeen = T, LastStartStop = T.AddMinutes(-5), Password = "123456",
            Records = new[] { record }, Disconnected = true, Capabilities = new Dictionary<string, string> { ["Brightness"] = "Ignored" }, CapabilitiesFirmware = "V1",
        };

        [Fact]
        public void A_stored_charger_mapped_to_the_file_and_back_keeps_every_member()
        {
            var back = StoredEvseMapping.FromFile(StoredEvseMapping.ToFile(Stored(Record())));
            var expected = Stored(Record());
            Assert.Equal((expected.Serial, expected.Address, expected.Port, expected.TimeZone, expected.Pinned), (back.Serial, back.Address, back.Port, back.TimeZone, back.Pinned));
            Assert.Equal((expected.LastSeen, expected.LastStartStop, expected.Password, expected.Disconnected, expected.CapabilitiesFirmware), (back.LastSeen, back.LastStartStop, back.Password, back.Disconnected, back.CapabilitiesFirmware));
            Assert.Equal("Ignored", back.Capabilities!["Brightness"]);
            var i = back.Info!;
            Assert.Equal(("Telestar", "EC311S", "H1", "V1", 25, 3), (i.Brand, i.Model, i.HardwareVersion, i.SoftwareVersion, i.TypeCode, i.Phases));
            Assert.Equal((11.04, 16, "+31", 5L), (i.MaxPowerKW, i.MaxCurrent, i.HotLine, i.Feature));
            var c = back.Config!;
            Assert.Equal((T, "Garage", (EvseLanguage)1, (TemperatureUnit)2, (OfflineCharge)1, 1, 13, (int?)80), (c.ReadAt, c.Name, c.Language, c.TemperatureUnit, c.OfflineCharge, c.OfflineChargeRaw, c.MaxCurrent, c.Brightness));
            var r = Assert.Single(back.Records!);
            var e = Record();
            Assert.Equal((e.Serial, e.ChargeId, e.StartUserId, e.EndUserId, e.Start, e.Stop, e.Duration), (r.Serial, r.ChargeId, r.StartUserId, r.EndUserId, r.Start, r.Stop, r.Duration));
            Assert.Equal((e.StartMeterKWh, e.StopMeterKWh, e.EnergyKWh, e.StopReason, e.StopReasonRaw, e.ReceivedAt, e.LineId), (r.StartMeterKWh, r.StopMeterKWh, r.EnergyKWh, r.StopReason, r.StopReasonRaw, r.ReceivedAt, r.LineId));
            Assert.Equal((e.HasReservation, e.StartType, e.ChargeType, e.ReservedFor, e.Param1Raw, e.Param2Raw, e.Param3Raw), (r.HasReservation, r.StartType, r.ChargeType, r.ReservedFor, r.Param1Raw, r.Param2Raw, r.Param3Raw));
            Assert.Equal((e.MaxDuration, e.MaxEnergyKWh, e.FeeType, e.Price, e.ChargeFee, e.HasStopCharge, e.DeclaredSampleCount), (r.MaxDuration, r.MaxEnergyKWh, r.FeeType, r.Price, r.ChargeFee, r.HasStopCharge, r.DeclaredSampleCount));
            Assert.Equal((e.TimesCorrected, e.ClockSkew), (r.TimesCorrected, r.ClockSkew));
            Assert.Equal(e.PowerSamplesW, r.PowerSamplesW);
        }

        [Fact]
        public void Saving_leaves_the_records_it_shares_with_the_live_charger_untouched()
        {
            var record = Record();
            record.StopReason = (EvseStopReason)7;
            var file = StoredEvseMapping.ToFile(Stored(record));
            Assert.Equal(3, Assert.Single(file.Records!).StopReason);
            Assert.Equal((EvseStopReason)7, record.StopReason);
        }
    }
}
