using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class ReservationAndRecordTests
    {
        private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        private static SimulatorFixture Plugged(Action<SimulatorOptions>? more = null) => new SimulatorFixture(o =>
        {
            o.LoginInterval = TimeSpan.FromHours(10);
            o.HeadingInterval = TimeSpan.FromHours(10);
            o.StatusInterval = TimeSpan.FromHours(10);
            o.ChargingStatusInterval = TimeSpan.FromHours(10);
            o.PluggedIn = true;
            o.TimeZone = Paris;
            more?.Invoke(o);
        });

        private static ChargeStartResponsePayload Reserve(SimulatorFixture f, TimeSpan ahead) => f.Start(configure: p =>
        {
            p.IsReservation = 1;
            p.ReservationDate = EmTimestamp.FromInstant(f.Evse.Clock + ahead, Paris);
        });

        [Fact]
        public void Reservation_within_24_hours_waits_in_state_20_and_starts_when_due()
        {
            using var f = Plugged();
            var r = Reserve(f, TimeSpan.FromHours(2));
            Assert.True(r.IsSuccess);
            Assert.Equal(ReservationResult.ReservationOk, r.ReservationResult);
            Assert.Equal(CurrentState.Reservation, f.Evse.State);
            f.Time.Advance(TimeSpan.FromMinutes(119));
            Assert.Equal(CurrentState.Reservation, f.Evse.State);
            f.Time.Advance(TimeSpan.FromMinutes(31));
            Assert.Equal(CurrentState.Charging, f.Evse.State);
            Assert.Equal(TimeSpan.FromMinutes(30), f.Evse.Session!.Duration);
        }

        [Fact]
        public void Reservation_follows_the_chargers_drifted_clock()
        {
            using var f = Plugged(o => o.ClockOffset = TimeSpan.FromMinutes(-45));
            var r = Reserve(f, TimeSpan.FromHours(1));
            Assert.Equal(ReservationResult.ReservationOk, r.ReservationResult);
            f.Time.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(CurrentState.Reservation, f.Evse.State);
            f.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(CurrentState.Charging, f.Evse.State);
        }

        [Fact]
        public void Reservation_more_than_24_hours_ahead_is_refused_with_result_3()
        {
            using var f = Plugged();
            var r = Reserve(f, TimeSpan.FromHours(25));
            Assert.Equal(ReservationResult.TooFarAhead, r.ReservationResult);
            Assert.False(r.IsSuccess);
            Assert.Equal(CurrentState.ReadyToCharge, f.Evse.State);
        }

        [Fact]
        public void Reservation_in_the_past_starts_now_with_result_4()
        {
            using var f = Plugged();
            var r = Reserve(f, TimeSpan.FromMinutes(-10));
            Assert.Equal(ReservationResult.InThePast, r.ReservationResult);
            Assert.True(r.IsSuccess);
            Assert.Equal(CurrentState.Charging, f.Evse.State);
        }

        [Fact]
        public void ChargeStop_cancels_a_reservation()
        {
            using var f = Plugged();
            Reserve(f, TimeSpan.FromHours(3));
            f.App.Send(f.Evse, EmCommand.ChargeStop, new ChargeStopPayload());
            Assert.Equal(1, f.App.ExpectPayload<ChargeStopResponsePayload>(EmCommand.ChargeStopResponse, "ChargeStop is answered").StopResult);
            Assert.Equal(CurrentState.ReadyToCharge, f.Evse.State);
            f.Time.Advance(TimeSpan.FromHours(4));
            Assert.Equal(CurrentState.ReadyToCharge, f.Evse.State);
            Assert.Equal(0, f.Evse.PendingRecords);
        }

        [Fact]
        public void Finished_session_record_is_resent_every_3_6_seconds_until_acknowledged_by_charge_id()
        {
            using var f = Plugged();
            f.App.Register(f.Evse);
            f.Start(configure: p => p.MaxDurationMinutes = 20);
            f.Time.Advance(TimeSpan.FromMinutes(20));
            var first = f.App.ExpectPayload<ChargeRecordPayload>(EmCommand.UploadLocalChargeRecord, "the session ended at its limit");
            Assert.Equal("sim0001", first.ChargeId);
            Assert.Equal(1200u, first.ChargedSeconds);
            Assert.Equal(first.StartMeterRaw + first.ChargedEnergyRaw, first.StopMeterRaw);
            Assert.Equal(EmTimestamp.FromInstant(f.Evse.Clock, Paris), first.StopDate);
            f.Time.Advance(TimeSpan.FromSeconds(3.5));
            f.Time.Advance(TimeSpan.FromSeconds(0.1));
            f.App.Expect(EmCommand.UploadLocalChargeRecord, "3.6 s passed without an acknowledgement");
            f.App.Send(f.Evse, EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeId = "another" });
            f.App.Send(f.Evse, EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeId = "sim0001" });
            TestApp.WaitUntil(() => f.Evse.PendingRecords == 0 && f.Evse.Counters.RecordsAcknowledged == 1, "the record is acknowledged");
            Assert.Equal(1, f.Evse.Counters.RecordsAcknowledged);
            f.App.Drain();
            for (int i = 0; i < 10; i++) f.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.DoesNotContain(f.App.TakeAll(), d => d.Command == EmCommand.UploadLocalChargeRecord);
            Assert.Equal(2, f.Evse.Counters.RecordsSent);
        }

        [Fact]
        public void Record_waits_for_a_registered_app()
        {
            using var f = Plugged();
            f.Start(configure: p => p.MaxDurationMinutes = 1);
            f.Time.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(1, f.Evse.PendingRecords);
            Assert.Equal(0, f.Evse.Counters.RecordsSent);
            f.App.Register(f.Evse);
            f.App.Expect(EmCommand.UploadLocalChargeRecord, "the app registered");
        }
    }
}
