using System;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>Regressions found by the property tests, and forms the generators do not produce.</summary>
    public class PayloadEdgeCaseTests
    {
        private static Datagram RoundTrip(EmCommand command, EmPayload payload)
        {
            var bytes = DatagramCodec.Encode(new Datagram(new EvseSerial(42), EmPassword.None, command, payload));
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var d, out _));
            return d;
        }

        [Theory]
        [InlineData(118)]
        [InlineData(119)]
        [InlineData(151)]
        public void A_space_at_the_split_of_a_long_hot_line_survives(int form)
        {
            const string hotLine = "+49 30 1234567 8 support";
            var d = RoundTrip(EmCommand.Login, new LoginPayload { Form = form, HotLine = hotLine });
            Assert.Equal(hotLine, ((LoginPayload)d.Payload).HotLine);
        }

        [Fact]
        public void A_space_at_the_split_of_a_long_brand_and_model_survives()
        {
            var d = RoundTrip(EmCommand.Login, new LoginPayload { Form = 151, Brand = "Telestar Europe  GmbH", Model = "EC311S three phase charger" });
            var p = (LoginPayload)d.Payload;
            Assert.Equal("Telestar Europe  GmbH", p.Brand);
            Assert.Equal("EC311S three phase charger", p.Model);
        }

        [Fact]
        public void An_empty_schedule_is_written_in_the_two_byte_short_form_the_decoder_accepts()
        {
            var payload = new WeeklySchedulePayload { Action = SetAndGetAction.Get, Slots = Array.Empty<ScheduleSlot>() };
            Assert.Equal(2, payload.Length);
            var d = RoundTrip(EmCommand.SetAndGetAlarmChargeStrategyResponse, payload);
            var decoded = (WeeklySchedulePayload)d.Payload;
            Assert.Null(decoded.Slots);
            Assert.Equal(SetAndGetAction.Get, decoded.Action);
        }

        [Fact]
        public void The_documented_schedule_slot_example_decodes()
        {
            var payload = new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = new[] { new ScheduleSlot { Mode = ScheduleSlotMode.On, Hour = 0x17, Minute = 0x3b, DurationMinutes = 0x0562 } } };
            var bytes = DatagramCodec.Encode(new Datagram(new EvseSerial(42), EmPassword.None, EmCommand.SetAndGetAlarmChargeStrategy, payload));
            Assert.Equal("0103173b0562ffffffff", HexText.ToHex(bytes, 21, 10));
            Assert.Equal("On 23:59 for 1378 min", payload.Slots[0].ToString());
        }

        [Fact]
        public void Short_app_requests_are_accepted_and_missing_bytes_read_as_zero()
        {
            // RequestLogin without its 0 byte, and a 1-byte HeadingResponse "01".
            var empty = HostileInputTests.Build(EmCommand.RequestLogin, Array.Empty<byte>());
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(empty, 0, empty.Length, out var login, out _));
            Assert.Equal(0, Assert.IsType<ByteValuePayload>(login.Payload).Value);
            var one = HostileInputTests.Build(EmCommand.HeadingResponse, new byte[] { 1 });
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(one, 0, one.Length, out var heading, out _));
            Assert.Equal(1, Assert.IsType<ByteValuePayload>(heading.Payload).Value);
            var shortStart = HostileInputTests.Build(EmCommand.ChargeStart, new byte[] { 1, (byte)'a' });
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(shortStart, 0, shortStart.Length, out var start, out _));
            var p = Assert.IsType<ChargeStartPayload>(start.Payload);
            Assert.Equal("a", p.UserId);
            Assert.Equal(0, p.MaxAmps);
        }

        [Fact]
        public void Status_in_the_40_byte_form_applies_the_secondary_state_override_and_sums_three_phases()
        {
            var d = RoundTrip(EmCommand.SingleAcStatus, new SingleAcStatusPayload
            {
                Form = 40, CurrentState = CurrentState.Charging, SecondaryState = 18, PhaseCount = 3,
                L1VoltageRaw = 2300, L1CurrentRaw = 1000, L2VoltageRaw = 2300, L2CurrentRaw = 1000, L3VoltageRaw = 2300, L3CurrentRaw = 1000, PowerW = 2300,
                Errors = EvseErrors.OverVoltage | EvseErrors.RtcFailure,
            });
            var p = (SingleAcStatusPayload)d.Payload;
            Assert.Equal(CurrentState.StoppedByCar, p.EffectiveState);
            Assert.Equal(CurrentState.Charging, p.CurrentState);
            Assert.Equal(6900.0, p.EffectivePowerW, 6);
            Assert.Equal(EvseErrors.OverVoltage | EvseErrors.RtcFailure, p.Errors);
            Assert.Null(new SingleAcStatusPayload().InnerTemperatureC);
        }

        [Fact]
        public void Unknown_enum_values_survive_decoding()
        {
            var d = RoundTrip(EmCommand.SingleAcStatus, new SingleAcStatusPayload { GunState = (GunState)16, OutputState = (OutputState)7, CurrentState = (CurrentState)99 });
            var p = (SingleAcStatusPayload)d.Payload;
            Assert.Equal(16, (int)p.GunState);
            Assert.Equal(7, (int)p.OutputState);
            Assert.Equal(99, (int)p.CurrentState);
        }

        [Fact]
        public void Charge_record_reads_min_of_declared_count_and_carried_slots()
        {
            var d = RoundTrip(EmCommand.CurrentChargeRecord, new ChargeRecordPayload { DeclaredSampleCount = 41, Slots = new ushort[29] });
            Assert.Equal(29, ((ChargeRecordPayload)d.Payload).PowerSamples.Length);
            d = RoundTrip(EmCommand.CurrentChargeRecord, new ChargeRecordPayload { DeclaredSampleCount = 3, Slots = new ushort[] { 1, 2, 3, 4 } });
            Assert.Equal(new ushort[] { 1, 2, 3 }, ((ChargeRecordPayload)d.Payload).PowerSamples);
        }

        [Fact]
        public void Wifi_configuration_never_shows_its_bytes()
        {
            var secret = System.Text.Encoding.ASCII.GetBytes("MySecretWifiPassphrase".PadRight(105, '\0'));
            var d = RoundTrip(EmCommand.WifiConfigurationResponse, new WifiConfigurationPayload(secret));
            var p = Assert.IsType<WifiConfigurationPayload>(d.Payload);
            Assert.DoesNotContain("MySecret", p.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("MySecret", p.Content, StringComparison.Ordinal);
            Assert.Equal(105, p.Length);
        }

        [Theory]
        [InlineData("00 01 37 02 00 01 00 00", 55)]
        [InlineData("00 03 64 02 00 01 00 00", 100)]
        [InlineData("00 02 28", 40)]
        public void A_brightness_reply_carries_the_value_at_byte_2_whatever_the_other_bytes_are(string hex, int value)
        {
            var bytes = HexText.TryParse(hex, out _)!;
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecodePayload(EmCommand.BrightnessResponse, bytes, 0, bytes.Length, out var payload));
            var b = Assert.IsType<BrightnessPayload>(payload);
            Assert.True(b.Value == value, "reply " + hex + " holds brightness " + value + "; decoded " + b.Value + " (" + b.Action + ")");
            Assert.NotEqual(SetAndGetAction.Get, b.Action);
        }

        [Fact]
        public void A_brightness_reply_re_encodes_to_the_same_bytes()
        {
            var bytes = HexText.TryParse("00 01 37 02 00 01 00 00", out _)!;
            DatagramCodec.TryDecodePayload(EmCommand.BrightnessResponse, bytes, 0, bytes.Length, out var payload);
            var d = RoundTrip(EmCommand.BrightnessResponse, payload!);
            Assert.Equal(bytes, ((BrightnessPayload)d.Payload).ReplyData);
        }

        [Fact]
        public void A_brightness_GET_request_is_still_read_as_a_GET()
        {
            var bytes = HexText.TryParse("00 01 00 01 00 03", out _)!;
            DatagramCodec.TryDecodePayload(EmCommand.Brightness, bytes, 0, bytes.Length, out var payload);
            Assert.Equal(SetAndGetAction.Get, ((BrightnessPayload)payload!).Action);
        }

        [Fact]
        public void A_record_keeps_the_raw_charge_id_bytes_and_re_encodes_them_unchanged()
        {
            var id = new byte[] { 0x32, 0x30, 0xFF, 0x80, 0x20, 0x41, 0x00, 0x42, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20 };
            var d = RoundTrip(EmCommand.UploadLocalChargeRecord, new ChargeRecordPayload { ChargeIdBytes = id });
            var r = (ChargeRecordPayload)d.Payload;
            Assert.Equal(id, r.ChargeIdBytes);
            Assert.Equal("20?? A", r.ChargeId);
            var ack = (UploadRecordAckPayload)RoundTrip(EmCommand.UploadLocalChargeRecordAcknowledge, new UploadRecordAckPayload { ChargeIdBytes = r.ChargeIdBytes }).Payload;
            Assert.Equal(id, ack.ChargeIdBytes);
        }

        [Fact]
        public void Setting_the_charge_id_text_drops_the_kept_bytes()
        {
            var r = new ChargeRecordPayload { ChargeIdBytes = new byte[16] { 0xFF, 0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } };
            r.ChargeId = "NEW";
            Assert.Equal(EmText.ToBytes("NEW", 16), r.ChargeIdBytes);
            Assert.Throws<ArgumentException>(() => new UploadRecordAckPayload { ChargeIdBytes = new byte[15] });
        }
    }
}
