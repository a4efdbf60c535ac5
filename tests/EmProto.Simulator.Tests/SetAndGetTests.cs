using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class SetAndGetTests
    {
        [Fact]
        public void Output_current_is_set_within_6_to_max_and_refused_outside()
        {
            using var f = new SimulatorFixture(o => o.MaxAmps = 16);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 10 });
            Assert.Equal(10, f.App.ExpectPayload<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricityResponse, "SET 10").Amps);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 20 });
            Assert.Equal(10, f.App.ExpectPayload<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricityResponse, "SET 20 is above the maximum").Amps);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Get });
            Assert.Equal(10, f.App.ExpectPayload<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricityResponse, "GET").Amps);
        }

        [Fact]
        public void Name_is_set_with_the_ACP_prefix_and_reported_without_it()
        {
            using var f = new SimulatorFixture();
            f.App.Send(f.Evse, EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Set, Name = "ACP#Garage" });
            Assert.Equal("Garage", f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "SET").Name);
            f.App.Send(f.Evse, EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Set, Name = "NoPrefix" });
            Assert.Equal("Garage", f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "a SET without ACP# changes nothing").Name);
            Assert.Equal("Garage", f.Evse.Name);
        }

        [Fact]
        public void Time_is_read_from_the_drifting_clock_and_can_be_set()
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            using var f = new SimulatorFixture(o => { o.TimeZone = zone; o.ClockOffset = TimeSpan.FromDays(-3); });
            f.App.Send(f.Evse, EmCommand.SetAndGetSystemTime, SystemTimePayload.Get());
            var t = f.App.ExpectPayload<SystemTimePayload>(EmCommand.SetAndGetSystemTimeResponse, "GET time");
            Assert.Equal(SimulatorFixture.Epoch - TimeSpan.FromDays(3), t.Time.ToInstant(zone));
            f.App.Send(f.Evse, EmCommand.SetAndGetSystemTime, SystemTimePayload.Set(EmTimestamp.FromInstant(SimulatorFixture.Epoch, zone)));
            var set = f.App.ExpectPayload<SystemTimePayload>(EmCommand.SetAndGetSystemTimeResponse, "SET time");
            Assert.Equal(SimulatorFixture.Epoch, set.Time.ToInstant(zone));
            Assert.Equal(TimeSpan.Zero, f.Evse.ClockOffset);
        }

        [Fact]
        public void Version_comes_in_the_37_byte_form_by_default_and_36_when_asked()
        {
            using var f = new SimulatorFixture(o => o.Faults.VersionForm = 36);
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance);
            var v = f.App.ExpectPayload<VersionPayload>(EmCommand.GetVersionResponse, "GetVersion");
            Assert.Null(v.SupportNew);
            Assert.Equal("SIM.1000.SW01", v.SoftwareVersion);
        }

        [Fact]
        public void Offline_charge_language_temperature_unit_and_brightness_are_stored()
        {
            using var f = new SimulatorFixture();
            f.App.Send(f.Evse, EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload { Action = SetAndGetAction.Set, RawValue = 1 });
            Assert.Equal(1, f.App.ExpectPayload<OfflineChargePayload>(EmCommand.SetAndGetOffLineChargeResponse, "offline").RawValue);
            f.App.Send(f.Evse, EmCommand.SetAndGetLanguage, new LanguagePayload { Action = SetAndGetAction.Set, Language = EvseLanguage.German });
            Assert.Equal(EvseLanguage.German, f.App.ExpectPayload<LanguagePayload>(EmCommand.SetAndGetLanguageResponse, "language").Language);
            f.App.Send(f.Evse, EmCommand.SetAndGetTemperatureUnit, new TemperatureUnitPayload { Action = SetAndGetAction.Set, RawValue = 2 });
            Assert.Equal(2, f.App.ExpectPayload<TemperatureUnitPayload>(EmCommand.SetAndGetTemperatureUnitResponse, "unit").RawValue);
            f.App.Send(f.Evse, EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Set, Value = 40 });
            Assert.Equal(40, f.App.ExpectPayload<BrightnessPayload>(EmCommand.BrightnessResponse, "brightness SET").Value);
            f.App.Send(f.Evse, EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Get });
            Assert.Equal(40, f.App.ExpectPayload<BrightnessPayload>(EmCommand.BrightnessResponse, "brightness GET").Value);
            Assert.Equal(EvseLanguage.German, f.Evse.Language);
            Assert.Equal(TemperatureUnit.Fahrenheit, f.Evse.TemperatureUnit);
        }

        [Fact]
        public void Weekly_schedule_is_stored_and_read_back()
        {
            using var f = new SimulatorFixture();
            var slots = new ScheduleSlot[7];
            for (int i = 0; i < 7; i++) slots[i] = new ScheduleSlot { Mode = i == 2 ? ScheduleSlotMode.On : ScheduleSlotMode.Off, Hour = 23, Minute = 59, DurationMinutes = 1378 };
            f.App.Send(f.Evse, EmCommand.SetAndGetAlarmChargeStrategy, new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = slots });
            f.App.Expect(EmCommand.SetAndGetAlarmChargeStrategyResponse, "SET schedule");
            f.App.Send(f.Evse, EmCommand.SetAndGetAlarmChargeStrategy, WeeklySchedulePayload.Get());
            var got = f.App.ExpectPayload<WeeklySchedulePayload>(EmCommand.SetAndGetAlarmChargeStrategyResponse, "GET schedule");
            Assert.Equal(7, got.Slots!.Length);
            Assert.Equal(ScheduleSlotMode.On, got.Slots[2].Mode);
            Assert.Equal(1378, got.Slots[2].DurationMinutes);
        }
    

        [Fact]
        public void A_setting_changed_at_the_charger_is_pushed_to_the_registered_app_with_action_1()
        {
            using var f = new SimulatorFixture(o => { o.LoginInterval = TimeSpan.FromHours(10); o.HeadingInterval = TimeSpan.FromHours(10); o.StatusInterval = TimeSpan.FromHours(10); o.ChargingStatusInterval = TimeSpan.FromHours(10); });
            f.App.Register(f.Evse);
            f.Evse.ChangeOfflineChargeLocally(1);
            var offline = f.App.ExpectPayload<OfflineChargePayload>(EmCommand.SetAndGetOffLineChargeResponse, "the change is pushed unasked");
            Assert.Equal(SetAndGetAction.Set, offline.Action);
            Assert.Equal(1, offline.RawValue);
            f.Evse.ChangeMaxCurrentLocally(10);
            var amps = f.App.ExpectPayload<OutputElectricityPayload>(EmCommand.SetAndGetOutputElectricityResponse, "the current change is pushed");
            Assert.Equal(SetAndGetAction.Set, amps.Action);
            Assert.Equal(10, amps.Amps);
            f.App.Expect(EmCommand.SingleAcStatus, "a current change is also a status change");
            f.Evse.ChangeNameLocally("Carport");
            var name = f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "the name change is pushed");
            Assert.Equal(SetAndGetAction.Set, name.Action);
            Assert.Equal("Carport", name.Name);
            f.Evse.ChangeLanguageLocally(EvseLanguage.German);
            Assert.Equal(EvseLanguage.German, f.App.ExpectPayload<LanguagePayload>(EmCommand.SetAndGetLanguageResponse, "language").Language);
            f.Evse.ChangeTemperatureUnitLocally(TemperatureUnit.Fahrenheit);
            Assert.Equal(2, f.App.ExpectPayload<TemperatureUnitPayload>(EmCommand.SetAndGetTemperatureUnitResponse, "unit").RawValue);
            Assert.Equal(5, f.Evse.Counters.SettingPushes);
            Assert.Equal(1, f.Evse.OfflineCharge);
            Assert.Equal(10, f.Evse.ConfiguredAmps);
            Assert.Equal("Carport", f.Evse.Name);
        }

        [Fact]
        public void A_setting_changed_at_the_charger_without_an_app_is_kept_but_not_pushed()
        {
            using var f = new SimulatorFixture(o => o.LoginInterval = TimeSpan.FromHours(10));
            f.Evse.ChangeOfflineChargeLocally(2);
            Assert.Equal(2, f.Evse.OfflineCharge);
            Assert.Equal(0, f.Evse.Counters.SettingPushes);
            f.App.Send(f.Evse, EmCommand.SetAndGetOffLineCharge, new OfflineChargePayload { Action = SetAndGetAction.Get });
            Assert.Equal(2, f.App.ExpectPayload<OfflineChargePayload>(EmCommand.SetAndGetOffLineChargeResponse, "GET reads the local change").RawValue);
        }

        [Fact]
        public void A_local_change_out_of_range_is_refused()
        {
            using var f = new SimulatorFixture(o => { o.MaxAmps = 16; o.Firmware = SimulatorFirmware.BS20; });
            Assert.Throws<ArgumentOutOfRangeException>(() => f.Evse.ChangeMaxCurrentLocally(20));
            Assert.Throws<ArgumentOutOfRangeException>(() => f.Evse.ChangeOfflineChargeLocally(3));
            var e = Assert.Throws<ArgumentException>(() => f.Evse.ChangeNameLocally("Longer than sixteen"));
            Assert.Equal("name", e.ParamName);
            Assert.Equal(16, f.Evse.ConfiguredAmps);
        }
    }
}
