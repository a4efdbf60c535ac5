using System;
using System.Threading.Tasks;
using System.IO;
using System.Linq;
using System.Net;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests
{
    /// <summary>
    /// Each ErrorId the engine raises, raised through its public API: values the cmdlets' validation never lets
    /// through, the charger's refusal codes, and the state a request can meet (no address, a stopped communicator).
    /// </summary>
    public sealed class ErrorIdTests
    {
        [Theory]
        [InlineData(ChargeStartError.NotPluggedIn, "EvseStartNotPluggedIn")]
        [InlineData(ChargeStartError.SystemError, "EvseStartSystemError")]
        [InlineData(ChargeStartError.AlreadyCharging, "EvseStartAlreadyCharging")]
        [InlineData(ChargeStartError.SystemMaintenance, "EvseStartSystemMaintenance")]
        [InlineData(ChargeStartError.IncorrectFee, "EvseStartIncorrectFee")]
        [InlineData(ChargeStartError.IncorrectPower, "EvseStartIncorrectPower")]
        [InlineData(ChargeStartError.IncorrectTime, "EvseStartIncorrectTime")]
        [InlineData(ChargeStartError.ReservationPending, "EvseStartReservationPending")]
        [InlineData(ChargeStartError.UnknownError, "EvseStartRejected")]
        [InlineData((ChargeStartError)99, "EvseStartRejected")]
        public void Each_start_refusal_code_has_its_own_ErrorId(ChargeStartError reason, string errorId)
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.StartResponse = new ChargeStartResponsePayload { ErrorReason = reason };
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16 })));
            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal(EvseErrorKind.Rejected, ex.Kind);
            Assert.Equal((int)reason, ex.Code);
            Assert.Equal(Enum.IsDefined(reason) ? reason.ToString() : "Code" + (int)reason, ex.Reason);
            Assert.Equal(1, h.Transport.CountSent(EmCommand.ChargeStart));
        }

        [Theory]
        [InlineData(ReservationResult.NotSupported, "EvseReservationNotSupported")]
        [InlineData(ReservationResult.TooFarAhead, "EvseReservationTooFarAhead")]
        [InlineData(ReservationResult.AlreadyReserved, "EvseReservationAlreadyReserved")]
        [InlineData(ReservationResult.SystemError, "EvseReservationRejected")]
        [InlineData(ReservationResult.IncorrectTime, "EvseReservationRejected")]
        public void Each_planned_start_refusal_code_has_its_own_ErrorId(ReservationResult result, string errorId)
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.StartResponse = new ChargeStartResponsePayload { ReservationResult = result };
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, StartAt = h.Time.GetUtcNow().AddHours(2) })));
            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal(EvseErrorKind.Rejected, ex.Kind);
            Assert.Equal(result.ToString(), ex.Reason);
            Assert.Contains("refused the planned start", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_stop_the_charger_refuses_while_it_still_charges_is_EvseStopRejected()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            h.Charger.ChargingStatus = new ChargingStatusPayload { CurrentState = CurrentState.Charging, ChargeId = "RUNNING1" };
            h.Charger.Send(EmCommand.SingleAcChargingStatusPublicAuto, h.Charger.ChargingStatus);
            h.Charger.StopResponse = new ChargeStopResponsePayload { FailReason = 3 };
            var ex = Assert.Throws<EvseCommandRejectedException>(() => h.Run(evse.StopChargeAsync(force: true)));
            Assert.Equal("EvseStopRejected", ex.ErrorId);
            Assert.Equal(EvseErrorKind.Rejected, ex.Kind);
            Assert.Equal(3, ex.Code);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(101)]
        public void A_brightness_outside_0_to_100_is_EvseInvalidBrightness_before_sending(int brightness)
        {
            using var h = new Harness();
            var evse = h.LoggedInAndSettled();
            int before = h.Transport.CountSent(EmCommand.Brightness);
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.SetBrightnessAsync(brightness)));
            Assert.Equal("EvseInvalidBrightness", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(before, h.Transport.CountSent(EmCommand.Brightness));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(65535)]
        public void A_maximum_duration_outside_1_to_65534_minutes_is_EvseInvalidDuration(int minutes)
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => evse.ValidateStart(new ChargeStartOptions { MaxDuration = TimeSpan.FromMinutes(minutes) }));
            Assert.Equal("EvseInvalidDuration", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Throws<EvseException>(() => h.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 16, MaxDuration = TimeSpan.FromMinutes(minutes) })));
            Assert.Equal(0, h.Transport.CountSent(EmCommand.ChargeStart));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(655.35)]
        public void A_maximum_energy_outside_the_encodable_range_is_EvseInvalidEnergy(double kWh)
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => evse.ValidateStart(new ChargeStartOptions { MaxEnergyKWh = kWh }));
            Assert.Equal("EvseInvalidEnergy", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
        }

        [Theory]
        [InlineData("12345")]
        [InlineData("1234567")]
        [InlineData("12345\u00e9")]
        public void A_password_that_is_not_6_ASCII_characters_is_EvseInvalidPassword_and_nothing_is_sent(string password)
        {
            using var h = new Harness();
            h.Charger.Announce();
            var ex = Assert.Throws<EvseException>(() => h.Run(h.Evse.LoginAsync(password)));
            Assert.Equal("EvseInvalidPassword", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(0, h.Transport.CountSent(EmCommand.RequestLogin));
        }

        [Theory]
        [InlineData("918110275121951")]
        [InlineData("91811027512195xz")]
        public void Adding_a_charger_by_a_serial_that_is_not_16_hex_digits_is_EvseInvalidSerial(string serial)
        {
            using var h = new Harness();
            var ex = Assert.Throws<EvseException>(() => h.Communicator.AddEvse(serial, new IPEndPoint(IPAddress.Loopback, 9)));
            Assert.Equal("EvseInvalidSerial", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Empty(h.Communicator.GetEvses());
        }

        [Fact]
        public void A_schedule_with_a_start_that_is_not_a_time_of_day_is_EvseInvalidSchedule()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var schedule = EvseSchedule.AllOff();
            schedule[DayOfWeek.Monday]!.Enabled = true;
            schedule[DayOfWeek.Monday]!.Start = TimeSpan.FromHours(25);
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.SetScheduleAsync(schedule)));
            Assert.Equal("EvseInvalidSchedule", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains("Monday", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, h.Transport.Sent.Count(s => s.Datagram.Payload is WeeklySchedulePayload p && p.Action == SetAndGetAction.Set));
        }

        [Fact]
        public void A_time_the_charger_cannot_hold_is_EvseInvalidTime()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.SetSystemTimeAsync(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero))));
            Assert.Equal("EvseInvalidTime", ex.ErrorId);
            Assert.Equal(EvseErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(0, h.Transport.Sent.Count(s => s.Datagram.Payload is SystemTimePayload p && p.Action == SetAndGetAction.Set));
        }

        [Fact]
        public void An_optional_setting_the_firmware_ignores_is_EvseNotSupportedByFirmware_and_not_sent_again()
        {
            using var h = new Harness();
            // A firmware that never answers it (one that answered it once stays known as answering).
            h.Charger.Unsupported.Add(EmCommand.Brightness);
            var evse = h.LoggedIn();
            h.AdvanceUntil(() => evse.Config != null && evse.PendingRequestCount == 0, "the reads after the login are done", TimeSpan.FromSeconds(30));
            // Unanswered asks in a row: each is EvseNotSupportedByFirmware, and then the firmware counts as ignoring it.
            for (int i = 0; i < EmProto.Engine.Session.CapabilityMemory.MissesToIgnore; i++)
            {
                var ex = Assert.Throws<EvseException>(() => h.Run(evse.SetBrightnessAsync(50)));
                Assert.Equal("EvseNotSupportedByFirmware", ex.ErrorId);
                Assert.Equal(EvseErrorKind.NotSupported, ex.Kind);
            }
            Assert.Equal(EvseCapability.Ignored, evse.Capabilities.Brightness);
            int sent = h.Transport.CountSent(EmCommand.Brightness);
            var again = Assert.Throws<EvseException>(() => h.Run(evse.SetBrightnessAsync(50)));
            Assert.Equal(ErrorIds.NotSupportedByFirmware, again.ErrorId);
            Assert.Equal(sent, h.Transport.CountSent(EmCommand.Brightness));
        }

        [Fact]
        public void A_session_the_charger_never_reported_and_does_not_answer_for_is_EvseSessionUnknown()
        {
            using var h = new Harness();
            h.Charger.Unsupported.Add(EmCommand.RequestChargingStatus);
            var evse = h.LoggedIn();
            var ex = Assert.Throws<EvseException>(() => h.Run(evse.RefreshSessionAsync()));
            Assert.Equal("EvseSessionUnknown", ex.ErrorId);
            Assert.Equal(EvseErrorKind.NotFound, ex.Kind);
            Assert.Contains("0x8006", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_session_read_does_not_wait_on_the_optional_request_while_a_pushed_session_answers_it()
        {
            using var h = new Harness();
            h.Charger.Unsupported.Add(EmCommand.RequestChargingStatus);
            var evse = h.LoggedIn();
            // The charger pushed its session; whether it answers 0x8006 is not known yet (the probe after the
            // login still waits for its answer, and fake time does not move).
            var session = new ChargingStatusPayload { CurrentState = CurrentState.Charging, ChargeId = "PUSHED01" };
            h.Charger.Send(EmCommand.SingleAcChargingStatusPublicAuto, session);
            Harness.WaitUntil(() => evse.SessionReportedAt.HasValue, "the pushed session is applied");
            Assert.Equal(EvseCapability.NotAsked, evse.Capabilities.ChargingStatus);
            // Without fake time moving: a wait on the request would never end (WaitAsync gives up after 20 s of real time).
            var read = await evse.RefreshSessionAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("PUSHED01", read!.ChargeId);
            // The request goes on in the background (joining the probe's ask in flight), so the firmware's silence is learnt.
            h.AdvanceUntil(() => evse.Capabilities.ChargingStatus == EvseCapability.Ignored, "the ignored 0x8006 is learnt", TimeSpan.FromSeconds(30));
        }

        [Fact]
        public void A_request_through_a_communicator_that_is_not_running_is_EvseCommunicatorStopped()
        {
            var transport = new FakeTransport();
            using var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
                TransportFactory = _ => transport,
                RequestTimeout = TimeSpan.FromSeconds(1),
            });
            var evse = communicator.AddEvse("9181102751219513", new IPEndPoint(IPAddress.Loopback, 9));
            var ex = Assert.Throws<EvseException>(() => evse.LoginAsync("123456").GetAwaiter().GetResult());
            Assert.Equal("EvseCommunicatorStopped", ex.ErrorId);
            Assert.Equal(EvseErrorKind.Connection, ex.Kind);
            Assert.Contains("Start-EvseCommunicator", ex.Message, StringComparison.Ordinal);
            Assert.Empty(transport.Sent);
        }

        [Fact]
        public void Logging_in_to_an_imported_charger_without_an_address_is_EvseAddressUnknown()
        {
            string path = Path.Combine(Path.GetTempPath(), "emproto-import-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "[{\"info\":{\"serial\":\"9181102751219513\"}}]");
            try
            {
                using var h = new Harness();
                var evse = Assert.Single(h.Communicator.ImportEmproto(path));
                Assert.Null(evse.EndPoint);
                var ex = Assert.Throws<EvseException>(() => h.Run(evse.LoginAsync("123456")));
                Assert.Equal("EvseAddressUnknown", ex.ErrorId);
                Assert.Equal(EvseErrorKind.Connection, ex.Kind);
                Assert.Contains("-IPAddress", ex.Message, StringComparison.Ordinal);
                Assert.Equal(0, h.Transport.CountSent(EmCommand.RequestLogin));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
