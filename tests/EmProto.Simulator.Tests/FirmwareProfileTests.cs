using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    /// <summary>The firmware profiles: payload forms, which optional requests are answered, how pushes and records go.</summary>
    public class FirmwareProfileTests
    {
        private static readonly EmCommand[] TelestarSilences =
        {
            EmCommand.SingleAcChargingStatusAcknowledge, EmCommand.RequestChargingStatus, EmCommand.RequestStatusRecord,
            EmCommand.Brightness, EmCommand.SetAndGetAlarmChargeStrategy,
        };

        private static SimulatorFixture Quiet(SimulatorFirmware firmware, Action<SimulatorOptions>? more = null) => new SimulatorFixture(o =>
        {
            o.Firmware = firmware;
            o.LoginInterval = TimeSpan.FromHours(10);
            o.HeadingInterval = TimeSpan.FromHours(10);
            o.StatusInterval = TimeSpan.FromHours(10);
            o.ChargingStatusInterval = TimeSpan.FromHours(10);
            o.PluggedIn = true;
            more?.Invoke(o);
        });

        /// <summary>Sends the optional requests Telestar firmware ignores, each in a form a charger could answer.</summary>
        private static void SendOptionalRequests(SimulatorFixture f)
        {
            f.App.Send(f.Evse, EmCommand.SingleAcChargingStatusAcknowledge, ByteValuePayload.Zero);
            f.App.Send(f.Evse, EmCommand.RequestChargingStatus, ByteValuePayload.Zero);
            f.App.Send(f.Evse, EmCommand.RequestStatusRecord, EmptyPayload.Instance);
            f.App.Send(f.Evse, EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Get });
            f.App.Send(f.Evse, EmCommand.SetAndGetAlarmChargeStrategy, WeeklySchedulePayload.Get());
        }

        private static List<EmCommand> Commands(IEnumerable<Datagram> datagrams) => datagrams.Select(d => d.Command).ToList();

        [Fact]
        public void Full_is_the_default_and_answers_every_optional_request()
        {
            Assert.Equal(SimulatorFirmware.Full, new SimulatorOptions().Firmware);
            using var f = Quiet(SimulatorFirmware.Full);
            Assert.Equal(SimulatorFirmware.Full, f.Evse.Firmware);
            f.App.Register(f.Evse);
            SendOptionalRequests(f);
            var got = Commands(f.App.Barrier(f.Evse));
            Assert.Contains(EmCommand.SingleAcChargingStatusResponse, got);
            Assert.Contains(EmCommand.StatusRecord, got);
            Assert.Contains(EmCommand.BrightnessResponse, got);
            Assert.Contains(EmCommand.SetAndGetAlarmChargeStrategyResponse, got);
        }

        [Fact]
        public void Telestar_ignores_8005_8006_800D_brightness_and_the_weekly_schedule_without_an_answer()
        {
            using var f = Quiet(SimulatorFirmware.Telestar);
            f.App.Register(f.Evse);
            long ignoredBefore = f.Evse.Counters.CommandsIgnored;
            SendOptionalRequests(f);
            var got = Commands(f.App.Barrier(f.Evse));
            Assert.Equal(new[] { EmCommand.GetVersionResponse }, got.ToArray());
            Assert.Equal(TelestarSilences.Length, f.Evse.Counters.CommandsIgnored - ignoredBefore);
            Assert.Equal(80, f.Evse.Brightness);
        }

        [Fact]
        public void Telestar_uses_the_25_byte_status_37_byte_version_and_32_byte_name_even_with_three_phases()
        {
            using var f = Quiet(SimulatorFirmware.Telestar, o => { o.Phases = 3; o.Name = "Garage"; });
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.LoginResponse, "the password is right");
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            Assert.Equal(25, f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.SingleAcStatus, "registration pushes the status").Form);
            Assert.Equal(74, f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusPublicAuto, "once right after a login").Length);
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance);
            Assert.Equal((byte?)1, f.App.ExpectPayload<VersionPayload>(EmCommand.GetVersionResponse, "GetVersion").SupportNew);
            f.App.Send(f.Evse, EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Get });
            var name = f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "name GET");
            Assert.Equal(32, name.NameWidth);
            Assert.Equal("Garage", name.Name);
        }

        [Fact]
        public void Telestar_pushes_the_charging_status_with_each_status_during_a_session_and_not_without_one()
        {
            using var f = Quiet(SimulatorFirmware.Telestar, o => o.StatusInterval = TimeSpan.FromSeconds(15));
            f.App.Register(f.Evse);

            f.Time.Advance(TimeSpan.FromSeconds(15));
            var idle = Commands(f.App.Barrier(f.Evse));
            Assert.Contains(EmCommand.SingleAcStatus, idle);
            Assert.DoesNotContain(EmCommand.SingleAcChargingStatusPublicAuto, idle);

            f.Start();
            f.App.Expect(EmCommand.SingleAcStatus, "starting is a change that is pushed");
            Assert.Equal(CurrentState.Charging, f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusPublicAuto, "the charging status follows the status during a session").CurrentState);
            for (int i = 0; i < 3; i++)
            {
                f.Time.Advance(TimeSpan.FromSeconds(15));
                var got = Commands(f.App.Barrier(f.Evse));
                int status = got.IndexOf(EmCommand.SingleAcStatus);
                Assert.True(status >= 0, "a status push every 15 s");
                Assert.Equal(EmCommand.SingleAcChargingStatusPublicAuto, got[status + 1]);
                Assert.Equal(1, got.Count(c => c == EmCommand.SingleAcChargingStatusPublicAuto));
            }

            f.App.Send(f.Evse, EmCommand.ChargeStop, new ChargeStopPayload { UserId = "emmgr" });
            f.App.Expect(EmCommand.ChargeStopResponse, "ChargeStop is answered");
            f.Time.Advance(TimeSpan.FromSeconds(15));
            var after = Commands(f.App.Barrier(f.Evse));
            Assert.Contains(EmCommand.SingleAcStatus, after);
            Assert.DoesNotContain(EmCommand.SingleAcChargingStatusPublicAuto, after);
        }

        [Fact]
        public void Telestar_pushes_the_charging_status_once_after_each_login()
        {
            using var f = Quiet(SimulatorFirmware.Telestar);
            f.App.Register(f.Evse);
            Assert.Equal(1, f.Evse.Counters.ChargingStatusPushes);
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            var got = Commands(f.App.CollectUntil(EmCommand.SingleAcChargingStatusPublicAuto, "a login again pushes it once more"));
            Assert.Equal(new[] { EmCommand.SingleAcStatus, EmCommand.SingleAcChargingStatusPublicAuto }, got.ToArray());
            Assert.Equal(2, f.Evse.Counters.ChargingStatusPushes);
        }

        [Fact]
        public void Telestar_reports_a_finished_session_as_record_9_that_only_8009_acknowledges()
        {
            using var f = Quiet(SimulatorFirmware.Telestar);
            f.App.Register(f.Evse);
            f.Start();
            f.App.Send(f.Evse, EmCommand.ChargeStop, new ChargeStopPayload { UserId = "emmgr" });
            var got = f.App.CollectUntil(EmCommand.CurrentChargeRecord, "a finished session is reported as record 9");
            Assert.DoesNotContain(EmCommand.UploadLocalChargeRecord, Commands(got));
            var record = Assert.IsType<ChargeRecordPayload>(got.Last().Payload);
            Assert.Equal("sim0001", record.ChargeId);

            f.App.Send(f.Evse, EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeId = "sim0001" });
            f.App.Barrier(f.Evse);
            Assert.Equal(1, f.Evse.PendingRecords);
            f.App.Send(f.Evse, EmCommand.CurrentChargeRecordResponse, new CurrentChargeRecordAckPayload { ChargeId = "sim0001" });
            f.App.Barrier(f.Evse);
            Assert.Equal(0, f.Evse.PendingRecords);
        }

        [Fact]
        public void BS20_uses_the_40_byte_status_80_byte_charging_status_36_byte_version_and_16_byte_name()
        {
            using var f = Quiet(SimulatorFirmware.BS20, o => { o.Phases = 3; o.Name = "Carport"; });
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.LoginResponse, "the password is right");
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            var status = f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.SingleAcStatus, "registration pushes the status");
            Assert.Equal(40, status.Form);
            Assert.Equal(3, status.PhaseCount);
            Assert.Equal(80, f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusPublicAuto, "and the charging status").Length);
            f.App.Send(f.Evse, EmCommand.RequestChargingStatus, ByteValuePayload.Zero);
            Assert.Equal(80, f.App.ExpectPayload<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusResponse, "BS20 answers 0x8006 with 6").Length);
            f.App.Send(f.Evse, EmCommand.RequestStatusRecord, EmptyPayload.Instance);
            Assert.Equal(40, f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.StatusRecord, "BS20 answers 0x800D with 0x000D").Form);
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance);
            Assert.Null(f.App.ExpectPayload<VersionPayload>(EmCommand.GetVersionResponse, "GetVersion").SupportNew);
            f.App.Send(f.Evse, EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Get });
            var name = f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "name GET");
            Assert.Equal(16, name.NameWidth);
            Assert.Equal("Carport", name.Name);
            f.App.Send(f.Evse, EmCommand.Brightness, new BrightnessPayload { Action = SetAndGetAction.Set, Value = 30 });
            Assert.Equal(30, f.App.ExpectPayload<BrightnessPayload>(EmCommand.BrightnessResponse, "BS20 answers brightness").Value);
            f.App.Send(f.Evse, EmCommand.SetAndGetAlarmChargeStrategy, WeeklySchedulePayload.Get());
            Assert.Equal(7, f.App.ExpectPayload<WeeklySchedulePayload>(EmCommand.SetAndGetAlarmChargeStrategyResponse, "BS20 answers the weekly schedule").Slots!.Length);
        }

        [Fact]
        public void BS20_resends_0x000A_records_until_0x800A_acknowledges_them()
        {
            using var f = Quiet(SimulatorFirmware.BS20, o => o.RecordResendInterval = TimeSpan.FromSeconds(4));
            f.App.Register(f.Evse);
            f.Start();
            f.App.Send(f.Evse, EmCommand.ChargeStop, new ChargeStopPayload { UserId = "emmgr" });
            f.App.Expect(EmCommand.UploadLocalChargeRecord, "a finished session is reported as record 10");
            f.App.Send(f.Evse, EmCommand.CurrentChargeRecordResponse, new CurrentChargeRecordAckPayload { ChargeId = "sim0001" });
            f.App.Barrier(f.Evse);
            Assert.Equal(1, f.Evse.PendingRecords);
            f.Run(TimeSpan.FromSeconds(4));
            f.App.Expect(EmCommand.UploadLocalChargeRecord, "an unacknowledged record is resent");
            f.App.Send(f.Evse, EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeId = "sim0001" });
            f.App.Barrier(f.Evse);
            Assert.Equal(0, f.Evse.PendingRecords);
            f.Run(TimeSpan.FromSeconds(8));
            Assert.DoesNotContain(EmCommand.UploadLocalChargeRecord, Commands(f.App.Barrier(f.Evse)));
        }

        [Fact]
        public void Explicit_forms_override_the_profile()
        {
            using var f = Quiet(SimulatorFirmware.BS20, o => { o.Faults.StatusForm = 33; o.Faults.VersionForm = 37; o.Faults.NameForm = 32; });
            f.App.Register(f.Evse);
            f.App.Send(f.Evse, EmCommand.RequestStatusRecord, EmptyPayload.Instance);
            Assert.Equal(33, f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.StatusRecord, "0x800D").Form);
            Assert.Equal((byte?)1, Assert.IsType<VersionPayload>(f.App.Barrier(f.Evse).Last().Payload).SupportNew);
            f.App.Send(f.Evse, EmCommand.SetAndGetNickName, new NickNamePayload { Action = SetAndGetAction.Get });
            Assert.Equal(32, f.App.ExpectPayload<NickNamePayload>(EmCommand.SetAndGetNickNameResponse, "name GET").NameWidth);
        }

        [Fact]
        public void A_name_longer_than_the_BS20_name_field_is_refused()
        {
            var options = new SimulatorOptions { Firmware = SimulatorFirmware.BS20, Name = "A name of twenty chars" };
            var e = Assert.Throws<ArgumentException>(() => options.Validate());
            Assert.Equal(nameof(SimulatorOptions.Name), e.ParamName);
            options.Faults.NameForm = 32;
            options.Validate();
        }
    }
}
