using System;
using System.Linq;
using System.Net;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests.Session
{
    public class SessionTests
    {
        [Fact]
        public void A_broadcast_login_adds_the_charger_with_its_info_and_address()
        {
            using var h = new Harness();
            h.Charger.Announce();
            var evse = h.Evse;
            Assert.Equal("9181102751219513", evse.Serial);
            Assert.Equal("BESEN", evse.Info.Brand);
            Assert.Equal(32, evse.Info.MaxCurrent);
            Assert.Equal(7.04, evse.Info.MaxPowerKW, 3);
            Assert.Equal(h.Charger.EndPoint, evse.EndPoint);
            Assert.True(evse.IsOnline);
            Assert.False(evse.IsLoggedIn);
        }

        [Fact]
        public void A_new_charger_is_announced_by_EvseAdded_first_never_by_a_change_raised_before_it_is_known()
        {
            // The first Login of a charger used to raise an Info change while the charger was being made, before it
            // was in the registry: Find-Evse wrote it at once, and a Connect-Evse right behind it found no such charger.
            using var h = new Harness();
            var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
            h.Communicator.EvseAdded += (s, e) => events.Enqueue("Added " + e.Evse.Serial + " known=" + (h.Communicator.GetEvse(e.Evse.Serial) == e.Evse));
            h.Communicator.EvseChanged += (s, e) => events.Enqueue(e.Change + " " + e.Evse.Serial + " known=" + (h.Communicator.GetEvse(e.Evse.Serial) == e.Evse));
            h.Charger.Announce();
            h.Charger.Announce();
            h.Run(h.Communicator.FlushEventsAsync());
            Assert.Equal(new[] { "Added 9181102751219513 known=True", "Online 9181102751219513 known=True" }, events.ToArray());
            Assert.Equal("BESEN", h.Evse.Info.Brand);
        }

        [Fact]
        public void Login_with_the_right_password_confirms_and_remembers_it()
        {
            using var h = new Harness();
            var evse = h.LoggedIn();
            Assert.True(evse.IsLoggedIn);
            Assert.True(evse.HasPassword);
            Assert.Equal(1, h.Transport.CountSent(EmCommand.LoginConfirm));
            var request = h.Transport.Sent.First(s => s.Datagram.Command == EmCommand.RequestLogin);
            Assert.Equal("123456", request.Datagram.Password.Reveal());
            Assert.Equal(h.Charger.EndPoint, request.To);
        }

        [Fact]
        public void A_wrong_password_is_an_authentication_error_and_is_not_remembered()
        {
            using var h = new Harness();
            h.Charger.Announce();
            var ex = Assert.Throws<EvseAuthenticationException>(() => h.Run(h.Evse.LoginAsync("654321")));
            Assert.Equal("EvseAuthenticationFailed", ex.ErrorId);
            Assert.False(h.Evse.HasPassword);
            Assert.False(h.Evse.IsLoggedIn);
            Assert.DoesNotContain("654321", ex.Message);
            Assert.Equal(0, h.Transport.CountSent(EmCommand.LoginConfirm));
        }

        [Fact]
        public void Lost_requests_are_resent_within_the_retry_budget()
        {
            using var h = new Harness();
            h.Charger.Announce();
            h.Charger.DropNext = 2;
            h.Run(h.Evse.LoginAsync("123456"));
            Assert.True(h.Evse.IsLoggedIn);
            Assert.Equal(3, h.Transport.CountSent(EmCommand.RequestLogin));
            Assert.Equal(2, h.Communicator.Counters.Snapshot().Retries);
        }

        [Fact]
        public void A_silent_charger_gives_a_timeout_after_the_whole_budget()
        {
            using var h = new Harness();
            h.Charger.Announce();
            h.Charger.Silent = true;
            var started = h.Time.GetUtcNow();
            var ex = Assert.Throws<EvseTimeoutException>(() => h.Run(h.Evse.LoginAsync("123456")));
            Assert.Equal("EvseCommandTimeout", ex.ErrorId);
            // The budget is the same as ever (4 tries x 1 s); with no round trip measured yet the request is
            // resent every 500 ms (the initial retransmission timeout), so up to 8 tries fit into it (fewer
            // when the test's fake clock runs ahead of the engine; never fewer than 3).
            int tries = h.Transport.CountSent(EmCommand.RequestLogin);
            Assert.InRange(tries, 3, 8);
            Assert.Contains(tries + " tries over 4 s", ex.Message, StringComparison.Ordinal);
            Assert.True(h.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(4), "The request gave up before its budget of 4 s.");
            Assert.Equal(1, h.Communicator.Counters.Snapshot().Timeouts);
        }

        [Fact]
        public void A_request_in_flight_when_the_communicator_stops_fails_with_EvseCommunicatorStopped()
        {
            using var h = new Harness();
            // Settled, so the only request waiting is the read below (not one of the reads after the login).
            var evse = h.LoggedInAndSettled();
            h.Charger.Silent = true;
            var read = evse.GetSystemTimeAsync();
            Harness.WaitUntil(() => evse.PendingRequestCount > 0, "the read is waiting for its answer");
            h.Communicator.Stop();
            var ex = Assert.Throws<EvseException>(() => h.Run(read));
            Assert.Equal("EvseCommunicatorStopped", ex.ErrorId);
            Assert.Equal(EvseErrorKind.Connection, ex.Kind);
            Assert.Equal(0, evse.PendingRequestCount);
        }

        [Fact]
        public void Lost_optional_requests_are_no_proof_three_in_a_row_are_and_a_late_answer_counts()
        {
            var memory = new EmProto.Engine.Session.CapabilityMemory();
            var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
            memory.Asking(EmCommand.RequestChargingStatus, now);
            Assert.Equal(3, EmProto.Engine.Session.CapabilityMemory.MissesToIgnore);
            Assert.False(memory.Record(EmCommand.RequestChargingStatus, false));
            Assert.False(memory.Record(EmCommand.RequestChargingStatus, false));
            Assert.Equal(EvseCapability.NotAsked, memory[EmCommand.RequestChargingStatus]);
            Assert.True(memory.Record(EmCommand.RequestChargingStatus, false));
            Assert.Equal(EvseCapability.Ignored, memory[EmCommand.RequestChargingStatus]);
            // A late answer within the window: the firmware does answer it.
            Assert.True(memory.LateReply(EmCommand.SingleAcChargingStatusResponse, now + TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15)));
            Assert.Equal(EvseCapability.Answered, memory[EmCommand.RequestChargingStatus]);
            // Misses after an answer, however many, are lost packets; a reply long after the last ask proves nothing.
            for (int i = 0; i < 10; i++) Assert.False(memory.Record(EmCommand.RequestChargingStatus, false));
            Assert.Equal(EvseCapability.Answered, memory[EmCommand.RequestChargingStatus]);
            Assert.False(memory.LateReply(EmCommand.SingleAcChargingStatusResponse, now + TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)));
        }

        [Fact]
        public void An_answer_ends_a_run_of_misses_and_only_a_new_firmware_is_asked_afresh()
        {
            var memory = new EmProto.Engine.Session.CapabilityMemory();
            memory.OnFirmware("V1");
            Assert.False(memory.Record(EmCommand.Brightness, false));
            Assert.False(memory.Record(EmCommand.Brightness, false));
            Assert.True(memory.Record(EmCommand.Brightness, true));
            Assert.Equal(EvseCapability.Answered, memory[EmCommand.Brightness]);
            // A new firmware may differ: what was learnt is forgotten, and its misses count from zero.
            Assert.True(memory.OnFirmware("V2"));
            Assert.Equal(EvseCapability.NotAsked, memory[EmCommand.Brightness]);
            Assert.False(memory.Record(EmCommand.Brightness, false));
            Assert.False(memory.Record(EmCommand.Brightness, false));
            Assert.True(memory.Record(EmCommand.Brightness, false));
            Assert.Equal(EvseCapability.Ignored, memory[EmCommand.Brightness]);
        }

        [Fact]
        public void A_firmware_that_ignores_the_charging_status_request_is_known_as_such_after_the_login_probe_asks_three_times()
        {
            using var h = new Harness();
            h.Charger.Unsupported.Add(EmCommand.RequestChargingStatus);
            var evse = h.LoggedIn();
            h.AdvanceUntil(() => evse.Capabilities.ChargingStatus == EvseCapability.Ignored, "the probe after the login learned that 0x8006 is ignored", TimeSpan.FromSeconds(30));
            int asked = h.Transport.CountSent(EmCommand.RequestChargingStatus);
            // Not asked again per call: the session read answers from the pushes at once.
            Assert.Throws<EvseException>(() => h.Run(evse.RefreshSessionAsync()));
            Assert.Equal(asked, h.Transport.CountSent(EmCommand.RequestChargingStatus));
        }

        [Fact]
        public void Every_heading_is_answered_at_once()
        {
            using var h = new Harness();
            h.LoggedIn();
            h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
            var reply = h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.HeadingResponse);
            Assert.Equal(h.Charger.EndPoint, reply.To);
        }

        [Fact]
        public void A_heading_from_a_charger_we_know_the_password_of_triggers_session_recovery()
        {
            using var h = new Harness();
            h.LoggedIn();
            h.Charger.Silent = true;
            h.AdvanceUntil(() => !h.Evse.IsLoggedIn, "the session lapses", TimeSpan.FromSeconds(60));
            // The lapse starts an automatic login that the silent charger leaves unanswered: let it (and the reads
            // beside it) give up first, so it is the Heading that starts the recovery, whatever the machine's load.
            h.AdvanceUntil(() => !h.Evse.LoginInProgress && h.Communicator.BackgroundTaskCount == 0, "the automatic login after the lapse gives up", TimeSpan.FromSeconds(120));
            Assert.False(h.Evse.IsLoggedIn);
            h.Charger.Silent = false;
            int before = h.Transport.CountSent(EmCommand.RequestLogin);
            h.Time.Advance(TimeSpan.FromSeconds(10));
            h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
            Assert.Equal(h.Charger.EndPoint, h.Transport.Sent.Last(x => x.Datagram.Command == EmCommand.HeadingResponse).To);
            Harness.WaitUntil(() => h.Evse.IsLoggedIn && h.Transport.CountSent(EmCommand.RequestLogin) > before, "the charger is logged in to again");
        }

        [Fact]
        public void Disconnect_holds_for_an_hour_no_heading_is_answered_and_no_login_is_sent()
        {
            using var h = new Harness();
            h.LoggedIn();
            h.Evse.Disconnect();
            Assert.Equal(EvseMetaState.Disconnected, h.Evse.MetaState);
            int logins = h.Transport.CountSent(EmCommand.RequestLogin);
            int headingAnswers = h.Transport.CountSent(EmCommand.HeadingResponse);
            for (int i = 0; i < 360; i++)
            {
                h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
                h.Time.Advance(TimeSpan.FromSeconds(5));
                h.Time.Advance(TimeSpan.FromSeconds(5));
            }
            h.Charger.Announce();
            h.Time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(logins, h.Transport.CountSent(EmCommand.RequestLogin));
            Assert.Equal(headingAnswers, h.Transport.CountSent(EmCommand.HeadingResponse));
            Assert.False(h.Evse.IsLoggedIn);
            Assert.True(h.Evse.IsDisconnected);
            var ex = Assert.Throws<EvseException>(() => h.Run(h.Evse.EnsureLoggedInAsync()));
            Assert.Equal("EvseNotConnected", ex.ErrorId);
            h.Run(h.Evse.ReconnectAsync());
            Assert.True(h.Evse.IsLoggedIn);
            Assert.False(h.Evse.IsDisconnected);
        }

        [Fact]
        public void A_login_answered_after_a_disconnect_does_not_undo_it()
        {
            using var h = new Harness();
            h.LoggedInAndSettled();
            int logins = h.Transport.CountSent(EmCommand.RequestLogin);
            int confirms = h.Transport.CountSent(EmCommand.LoginConfirm);
            h.Charger.Silent = true;
            h.AdvanceUntil(() => !h.Evse.IsLoggedIn, "the session lapses", TimeSpan.FromSeconds(60));
            // The automatic login that follows the lapse is waiting for the charger's answer ...
            Harness.WaitUntil(() => h.Evse.LoginInProgress && h.Transport.CountSent(EmCommand.RequestLogin) > logins, "the automatic login asks");
            // ... when the user disconnects; then the answer comes.
            h.Evse.Disconnect();
            h.Charger.Send(EmCommand.LoginResponse, ScriptedCharger.Info());
            Harness.WaitUntil(() => !h.Evse.LoginInProgress, "the automatic login ends");
            Assert.False(h.Evse.IsLoggedIn);
            Assert.True(h.Evse.IsDisconnected);
            Assert.Equal(confirms, h.Transport.CountSent(EmCommand.LoginConfirm));

            // The same for an explicit login begun before the disconnect: it fails, naming the disconnect.
            // (Later than two retransmission timeouts, so no answer to the earlier requests is expected.)
            h.Advance(TimeSpan.FromSeconds(10));
            int asked = h.Transport.CountSent(EmCommand.RequestLogin);
            var explicitLogin = h.Evse.LoginAsync("123456");
            Harness.WaitUntil(() => h.Transport.CountSent(EmCommand.RequestLogin) > asked, "the explicit login asks");
            h.Evse.Disconnect();
            h.Charger.Send(EmCommand.LoginResponse, ScriptedCharger.Info());
            var ex = Assert.Throws<EvseException>(() => h.Run(explicitLogin));
            Assert.Equal(ErrorIds.NotConnected, ex.ErrorId);
            Assert.False(h.Evse.IsLoggedIn);
            Assert.True(h.Evse.IsDisconnected);
            Assert.Equal(confirms, h.Transport.CountSent(EmCommand.LoginConfirm));

            // A login begun after the disconnect takes the charger over again.
            h.Charger.Silent = false;
            h.Run(h.Evse.LoginAsync("123456"));
            Assert.True(h.Evse.IsLoggedIn);
            Assert.False(h.Evse.IsDisconnected);
        }

        [Fact]
        public void Without_headings_the_session_lapses_and_is_renewed()
        {
            using var h = new Harness();
            h.LoggedInAndSettled();
            int before = h.Transport.CountSent(EmCommand.RequestLogin);
            // The last Heading arrives at a known instant of the frozen fake clock (answered = handled).
            int answered = h.Transport.CountSent(EmCommand.HeadingResponse);
            var lastHeading = h.Time.GetUtcNow();
            h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
            Harness.WaitUntil(() => h.Transport.CountSent(EmCommand.HeadingResponse) > answered, "the Heading is answered");
            h.Charger.Silent = true;
            // Lapse = more than 15 s without a Heading, noticed by the 1-second housekeeping tick:
            // still live at exactly 15 s, gone by 16 s (+ one half-second step).
            h.Advance(TimeSpan.FromSeconds(15));
            Assert.Equal(lastHeading + TimeSpan.FromSeconds(15), h.Time.GetUtcNow());
            Assert.True(h.Evse.IsLoggedIn, "the session is still live 15 s after the last Heading");
            h.Advance(TimeSpan.FromSeconds(1.5));
            Harness.WaitUntil(() => !h.Evse.IsLoggedIn, "the session lapses between 15 and 16.5 s after the last Heading");
            h.WaitForChange(e => e.Change == EvseChange.Login && Equals(e.NewValue, false));
            Harness.WaitUntil(() => h.Transport.CountSent(EmCommand.RequestLogin) > before, "a re-login is attempted");
        }

        [Fact]
        public void A_charger_goes_offline_after_the_configured_silence()
        {
            using var h = new Harness();
            h.Charger.Announce();
            Harness.WaitUntil(() => h.Communicator.GetEvse(h.Charger.Serial.ToString())?.LastSeen != null, "the announce is handled");
            var seenAt = h.Evse.LastSeen!.Value;
            Assert.Equal(h.Time.GetUtcNow(), seenAt);
            // Offline = more than 11 s of silence, noticed by the 1-second housekeeping tick:
            // still online at exactly 11 s, offline by 12 s (+ one half-second step).
            h.Advance(TimeSpan.FromSeconds(11));
            Assert.Equal(seenAt + TimeSpan.FromSeconds(11), h.Time.GetUtcNow());
            Assert.True(h.Evse.IsOnline, "still online 11 s after the last datagram");
            h.Advance(TimeSpan.FromSeconds(1.5));
            Harness.WaitUntil(() => !h.Evse.IsOnline, "the charger goes offline between 11 and 12.5 s after the last datagram");
            h.WaitForChange(e => e.Change == EvseChange.Online && Equals(e.NewValue, false));
            Assert.False(h.Evse.IsOnline);
            Assert.Equal(EvseMetaState.Offline, h.Evse.MetaState);
        }

        [Fact]
        public void An_address_change_is_followed_and_reported()
        {
            using var h = new Harness();
            h.Charger.Announce();
            var moved = new IPEndPoint(IPAddress.Loopback, 40999);
            h.Charger.Announce(moved);
            Assert.Equal(moved, h.Evse.EndPoint);
            var e = h.WaitForChange(x => x.Change == EvseChange.Address);
            Assert.Contains("40999", e.Message);
        }

        [Fact]
        public void A_pinned_charger_ignores_datagrams_from_elsewhere()
        {
            using var h = new Harness();
            h.Charger.Announce();
            h.Evse.IsPinned = true;
            var spoof = new IPEndPoint(IPAddress.Loopback, 40999);
            h.Charger.Announce(spoof);
            Assert.Equal(h.Charger.EndPoint, h.Evse.EndPoint);
            Assert.Equal(1, h.Communicator.Counters.Snapshot().DroppedByReason["AddressMismatch"]);
            h.WaitForChange(x => x.Change == EvseChange.Address);
        }

        [Fact]
        public void A_strangers_password_error_does_not_log_us_out()
        {
            using var h = new Harness();
            // Settled: a read after the login that is still queued would log in again at once.
            h.LoggedInAndSettled();
            h.Charger.Send(EmCommand.PasswordErrorResponse, EmptyPayload.Instance, new IPEndPoint(IPAddress.Loopback, 45555));
            Assert.True(h.Evse.IsLoggedIn);
            h.Charger.Send(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
            Assert.False(h.Evse.IsLoggedIn);
        }

        [Fact]
        public void Status_pushes_are_acknowledged_and_update_the_state()
        {
            using var h = new Harness();
            h.LoggedIn();
            var status = new SingleAcStatusPayload { L1VoltageRaw = 2350, L1CurrentRaw = 1600, MeterRaw = 147585, InnerTemperatureRaw = 22674, GunState = GunState.ConnectedLocked, OutputState = OutputState.Charging, CurrentState = CurrentState.Charging };
            h.Charger.Send(EmCommand.SingleAcStatus, status);
            var ack = h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.SingleAcStatusResponse).Datagram;
            Assert.Equal(1, ((ByteValuePayload)ack.Payload).Value);
            var state = h.Evse.State!;
            Assert.Equal(EvseMetaState.Charging, state.State);
            Assert.Equal(3.76, state.PowerKW, 2);
            Assert.Equal(1475.85, state.EnergyMeterKWh, 2);
            Assert.Equal(26.74, state.InnerTemperatureC!.Value, 2);
            h.WaitForChange(e => e.Change == EvseChange.ChargingStarted);
        }

        [Fact]
        public void Error_bits_raise_an_error_event_with_every_bit()
        {
            using var h = new Harness();
            h.LoggedIn();
            h.Charger.Send(EmCommand.SingleAcStatus, new SingleAcStatusPayload { GunState = GunState.Disconnected, CurrentState = CurrentState.NotConnected, Errors = EvseErrors.EmergencyStop | EvseErrors.OverVoltage });
            var e = h.WaitForChange(x => x.Change == EvseChange.Error);
            Assert.Equal(EvseErrors.EmergencyStop | EvseErrors.OverVoltage, (EvseErrors)e.NewValue!);
            Assert.Equal(EvseMetaState.Error, h.Evse.MetaState);
        }

        [Fact]
        public void Charge_records_are_acknowledged_with_their_id_and_kept_once()
        {
            using var h = new Harness();
            h.LoggedIn();
            var record = new ChargeRecordPayload { ChargeId = "2025030112001234", StartUserId = "emproto", EndUserId = "emproto", ChargedEnergyRaw = 1234, DeclaredSampleCount = 2, Slots = new ushort[] { 3600, 3500 } };
            h.Charger.Send(EmCommand.UploadLocalChargeRecord, record);
            h.Charger.Send(EmCommand.UploadLocalChargeRecord, record);
            var acks = h.Transport.Sent.Where(s => s.Datagram.Command == EmCommand.UploadLocalChargeRecordAcknowledge).ToList();
            Assert.Equal(2, acks.Count);
            Assert.Equal("2025030112001234", ((UploadRecordAckPayload)acks[0].Datagram.Payload).ChargeId);
            var kept = Assert.Single(h.Evse.Records);
            Assert.Equal(12.34, kept.EnergyKWh, 2);
            Assert.Equal(new[] { 3600, 3500 }, kept.PowerSamplesW);
        }

        [Fact]
        public void Record_acknowledgements_echo_the_raw_charge_id_bytes()
        {
            using var h = new Harness();
            h.LoggedIn();
            // A charge id with a non-ASCII byte, an embedded space and trailing spaces: text would read "AB?C 12" and re-encode differently.
            var id = new byte[] { 0x41, 0x42, 0xE9, 0x43, 0x20, 0x31, 0x32, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20 };
            var record = new ChargeRecordPayload { ChargeIdBytes = id, StartUserId = "emproto", EndUserId = "emproto", ChargedEnergyRaw = 100 };
            var recordBytes = DatagramCodec.Encode(new Datagram(h.Charger.Serial, EmPassword.None, EmCommand.UploadLocalChargeRecord, record));
            Assert.Equal(id, recordBytes.Skip(21 + 33).Take(16).ToArray());

            h.Charger.Send(EmCommand.UploadLocalChargeRecord, record);
            h.Charger.Send(EmCommand.CurrentChargeRecord, record);

            var upload = DatagramCodec.Encode(h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.UploadLocalChargeRecordAcknowledge).Datagram);
            var current = DatagramCodec.Encode(h.Transport.Sent.Last(s => s.Datagram.Command == EmCommand.CurrentChargeRecordResponse).Datagram);
            Assert.True(id.SequenceEqual(upload.Skip(21 + 1).Take(16)), "0x800A must echo the record's bytes 33..48; sent " + HexText.ToHex(upload, 22, 16));
            Assert.True(id.SequenceEqual(current.Skip(21 + 1).Take(16)), "0x8009 must echo the record's bytes 33..48; sent " + HexText.ToHex(current, 22, 16));
            Assert.Equal("AB?C 12", Assert.Single(h.Evse.Records).ChargeId);
        }

        [Fact]
        public void Session_and_record_times_are_corrected_by_the_measured_skew_once_it_is_known()
        {
            var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            using var h = new Harness();
            var chargerStart = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
            var status = new ChargingStatusPayload { CurrentState = CurrentState.Charging, ChargeId = "S1", StartDate = EmTimestamp.FromInstant(chargerStart, amsterdam), MaxAmps = 16 };
            // The charger answers 0x8006 (asked in the background after the login) with the same session.
            h.Charger.ChargingStatus = status;
            var evse = h.LoggedIn();
            Harness.WaitUntil(() => evse.Capabilities.ChargingStatus == EvseCapability.Answered, "the reads after the login are done");
            evse.TimeZone = amsterdam;

            h.Charger.Send(EmCommand.SingleAcChargingStatusPublicAuto, status);
            Assert.False(evse.CurrentSession!.TimesCorrected);
            Assert.Equal(chargerStart, evse.CurrentSession.Start);

            // The scripted charger's clock reads 12:00 in UTC+8 terms, i.e. 12:00 Amsterdam wall clock = 11:00Z while the host says 12:00Z.
            var skew = h.Run(evse.GetSystemTimeAsync()).Skew;
            Assert.InRange(skew.TotalMinutes, -61, -59);
            h.Charger.Send(EmCommand.SingleAcChargingStatusPublicAuto, status);
            var session = evse.CurrentSession!;
            Assert.True(session.TimesCorrected);
            Assert.Equal(skew, session.ClockSkew);
            Assert.Equal(WholeSeconds(chargerStart - skew), session.Start);

            h.Charger.Send(EmCommand.UploadLocalChargeRecord, new ChargeRecordPayload { ChargeId = "S1", StartDate = EmTimestamp.FromInstant(chargerStart, amsterdam), StopDate = EmTimestamp.FromInstant(chargerStart.AddHours(2), amsterdam) });
            var record = Assert.Single(evse.Records);
            Assert.True(record.TimesCorrected);
            Assert.Equal(WholeSeconds(chargerStart - skew), record.Start);
            Assert.Equal(WholeSeconds(chargerStart.AddHours(2) - skew), record.Stop);
        }

        private static DateTimeOffset WholeSeconds(DateTimeOffset t) =>
            new DateTimeOffset((long)Math.Round(t.UtcTicks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond, TimeSpan.Zero);

        [Fact]
        public void The_live_state_keeps_the_raw_state_byte_next_to_the_override()
        {
            using var h = new Harness();
            h.LoggedIn();
            h.Charger.Send(EmCommand.SingleAcStatus, new SingleAcStatusPayload { Form = 40, CurrentState = CurrentState.Charging, SecondaryState = 18, GunState = GunState.ConnectedLocked, PhaseCount = 3 });
            var state = h.Evse.State!;
            Assert.Equal(CurrentState.StoppedByCar, state.CurrentState);
            Assert.Equal(14, state.CurrentStateRaw);
        }

        [Fact]
        public void Garbage_is_counted_by_reason_and_the_receiver_keeps_working()
        {
            using var h = new Harness();
            var remote = new IPEndPoint(IPAddress.Loopback, 40001);
            h.Communicator.HandlePacket(new byte[] { 1, 2, 3 }, 3, remote);
            var bad = new byte[30];
            bad[0] = 0x06;
            bad[1] = 0x02;
            h.Communicator.HandlePacket(bad, bad.Length, remote);
            var ok = DatagramCodec.Encode(new Datagram(h.Charger.Serial, EmPassword.None, EmCommand.Login, ScriptedCharger.Info()));
            ok[ok.Length - 3] ^= 0xFF;
            h.Communicator.HandlePacket(ok, ok.Length, remote);
            var stats = h.Communicator.Counters.Snapshot();
            Assert.Equal(1, stats.DroppedByReason["TooShort"]);
            Assert.Equal(1, stats.DroppedByReason["BadHeader"]);
            Assert.Equal(1, stats.DroppedByReason["BadChecksum"]);
            h.Charger.Announce();
            Assert.True(h.Evse.IsOnline);
        }

        [Fact]
        public void Forged_announces_cannot_grow_the_registry_beyond_its_limit()
        {
            using var h = new Harness(o => o.MaxChargers = 10);
            for (ulong i = 0; i < 50; i++)
            {
                var bytes = DatagramCodec.Encode(new Datagram(new EvseSerial(0x1000 + i), EmPassword.None, EmCommand.Login, ScriptedCharger.Info()));
                h.Communicator.HandlePacket(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 41000));
            }
            Assert.Equal(10, h.Communicator.GetEvses().Count);
            Assert.Equal(40, h.Communicator.Counters.Snapshot().DroppedByReason["RegistryFull"]);
        }

        [Fact]
        public void Requests_from_other_apps_are_not_taken_for_charger_datagrams()
        {
            using var h = new Harness();
            var bytes = DatagramCodec.Encode(new Datagram(h.Charger.Serial, EmPassword.FromString("123456"), EmCommand.RequestLogin, ByteValuePayload.Zero));
            h.Communicator.HandlePacket(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 50000));
            Assert.Null(h.Communicator.GetEvse(h.Charger.Serial.ToString()));
            Assert.Equal(1, h.Communicator.Counters.Snapshot().DroppedByReason["NotFromCharger"]);
        }
    }
}
