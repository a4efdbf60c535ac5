using System;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>Encoding an invalid value throws ArgumentException naming the field; nothing is truncated silently.</summary>
    public class EncodeValidationTests
    {
        private static void AssertRejects(EmPayload payload, string field, EmCommand command = EmCommand.ChargeStart)
        {
            var ex = Assert.ThrowsAny<ArgumentException>(() => DatagramCodec.Encode(new Datagram(new EvseSerial(1), EmPassword.FromString("123456"), command, payload)));
            Assert.Equal(field, ex.ParamName);
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
            Assert.ThrowsAny<ArgumentException>(() => payload.Validate());
        }

        [Fact]
        public void Text_too_long_names_the_field()
        {
            AssertRejects(new ChargeStartPayload { UserId = new string('u', 17) }, nameof(ChargeStartPayload.UserId));
            AssertRejects(new ChargeStartPayload { ChargeId = new string('1', 17) }, nameof(ChargeStartPayload.ChargeId));
            AssertRejects(new ChargeStopPayload { UserId = new string('u', 17) }, nameof(ChargeStopPayload.UserId));
            AssertRejects(new NickNamePayload { Action = SetAndGetAction.Set, Name = new string('n', 33) }, nameof(NickNamePayload.Name));
            AssertRejects(new NickNamePayload { Action = SetAndGetAction.Set, Name = new string('n', 17), NameWidth = 16 }, nameof(NickNamePayload.Name));
            AssertRejects(new LoginPayload { Brand = new string('b', 17) }, nameof(LoginPayload.Brand));
            AssertRejects(new LoginPayload { Form = 151, Model = new string('m', 33) }, nameof(LoginPayload.Model));
            AssertRejects(new LoginPayload { HotLine = new string('h', 17) }, nameof(LoginPayload.HotLine));
            AssertRejects(new VersionPayload { SoftwareVersion = new string('v', 17) }, nameof(VersionPayload.SoftwareVersion));
            AssertRejects(new ChargeRecordPayload { EndUserId = new string('e', 17) }, nameof(ChargeRecordPayload.EndUserId));
            AssertRejects(new ChargingStatusPayload { ChargeId = new string('c', 17) }, nameof(ChargingStatusPayload.ChargeId));
            AssertRejects(new CurrentChargeRecordAckPayload { ChargeId = new string('c', 17) }, nameof(CurrentChargeRecordAckPayload.ChargeId));
            AssertRejects(new UploadRecordAckPayload { ChargeId = new string('c', 17) }, nameof(UploadRecordAckPayload.ChargeId));
        }

        [Fact]
        public void Non_ASCII_text_names_the_field()
        {
            AssertRejects(new ChargeStartPayload { UserId = "élodie" }, nameof(ChargeStartPayload.UserId));
            AssertRejects(new ChargeStartPayload { ChargeId = "A\u0000B" }, nameof(ChargeStartPayload.ChargeId));
            AssertRejects(new NickNamePayload { Action = SetAndGetAction.Set, Name = "Garage\u2603" }, nameof(NickNamePayload.Name));
            AssertRejects(new LoginPayload { HardwareVersion = "v\t1" }, nameof(LoginPayload.HardwareVersion));
        }

        [Fact]
        public void Invalid_forms_and_values_name_the_field()
        {
            AssertRejects(new SingleAcStatusPayload { Form = 26 }, nameof(SingleAcStatusPayload.Form));
            AssertRejects(new LoginPayload { Form = 71 }, nameof(LoginPayload.Form));
            AssertRejects(new NickNamePayload { NameWidth = 20 }, nameof(NickNamePayload.NameWidth));
            AssertRejects(new BrightnessPayload { Value = 101 }, nameof(BrightnessPayload.Value));
            AssertRejects(new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = new ScheduleSlot[8] }, nameof(WeeklySchedulePayload.Slots));
            AssertRejects(new WeeklySchedulePayload { Action = SetAndGetAction.Set, Slots = new[] { new ScheduleSlot { Hour = 24 } } }, "Slots[0]");
            AssertRejects(new SetPasswordPayload(), nameof(SetPasswordPayload.NewPassword));
        }

        [Fact]
        public void Passwords_are_validated_and_never_printed()
        {
            Assert.Equal("password", Assert.Throws<ArgumentException>(() => EmPassword.FromString("12345")).ParamName);
            Assert.Equal("password", Assert.Throws<ArgumentException>(() => EmPassword.FromString("12345\u00e9")).ParamName);
            var p = EmPassword.FromString("654321");
            Assert.DoesNotContain("654321", p.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("654321", new SetPasswordPayload { NewPassword = p }.ToString(), StringComparison.Ordinal);
            var d = new Datagram(new EvseSerial(1), p, EmCommand.RequestLogin, ByteValuePayload.Zero);
            Assert.DoesNotContain("654321", d.ToString(), StringComparison.Ordinal);
            Assert.Equal("654321", p.Reveal());
        }

        [Fact]
        public void Text_at_the_full_width_is_accepted()
        {
            var bytes = DatagramCodec.Encode(new Datagram(new EvseSerial(1), EmPassword.None, EmCommand.ChargeStart, new ChargeStartPayload { UserId = new string('u', 16), ChargeId = new string('~', 16) }));
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var d, out _));
            Assert.Equal(new string('u', 16), ((ChargeStartPayload)d.Payload).UserId);
        }
    }
}
