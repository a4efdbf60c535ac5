using System;
using System.Net;
using System.Net.Sockets;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class LoginAndKeepAliveTests
    {
        [Fact]
        public void Unregistered_charger_announces_Login_every_three_seconds_to_the_app_endpoint()
        {
            using var f = new SimulatorFixture(o => o.MaxAmps = 32);
            f.Time.Advance(TimeSpan.FromSeconds(2.9));
            f.App.Drain();
            f.Time.Advance(TimeSpan.FromSeconds(0.1));
            var login = f.App.Expect(EmCommand.Login, "3.0 s passed since the first announcement");
            var payload = Assert.IsType<LoginPayload>(login.Payload);
            Assert.Equal(f.Evse.Serial, login.Serial);
            Assert.False(login.Password.IsPresent);
            Assert.Equal(32, payload.MaxAmps);
            Assert.Equal(70, payload.Form);
            Assert.Equal(2, f.Evse.Counters.LoginsSent);
        }

        [Fact]
        public void Wrong_or_empty_password_gets_PasswordErrorResponse_and_right_one_gets_LoginResponse()
        {
            using var f = new SimulatorFixture();
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero, "654321");
            f.App.Expect(EmCommand.PasswordErrorResponse, "the password is wrong");
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero, null);
            f.App.Expect(EmCommand.PasswordErrorResponse, "the password is empty");
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero, "123456");
            var response = f.App.Expect(EmCommand.LoginResponse, "the password is right");
            Assert.IsType<LoginPayload>(response.Payload);
            Assert.False(f.Evse.IsRegistered);
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            f.App.Expect(EmCommand.SingleAcStatus, "LoginConfirm registers and the charger pushes its status");
            Assert.True(f.Evse.IsRegistered);
            Assert.Equal(2, f.Evse.Counters.PasswordErrors);
        }

        [Fact]
        public void Registered_charger_sends_Headings_and_stays_registered_while_they_are_answered()
        {
            using var f = new SimulatorFixture();
            f.App.Register(f.Evse);
            for (int i = 1; i <= 6; i++)
            {
                f.Time.Advance(TimeSpan.FromSeconds(10));
                f.App.Expect(EmCommand.Heading, "a Heading is due every 10 s");
                f.App.Send(f.Evse, EmCommand.HeadingResponse, ByteValuePayload.Zero);
                int answered = i;
                TestApp.WaitUntil(() => f.Evse.Counters.HeadingsAnswered == answered && f.Evse.IsRunning, "the charger has seen HeadingResponse " + answered);
            }
            Assert.True(f.Evse.IsRegistered);
            Assert.Equal(0, f.Evse.Counters.RegistrationsDropped);
        }

        [Fact]
        public void Unanswered_Headings_drop_the_registration_and_Login_announcements_resume()
        {
            using var f = new SimulatorFixture();
            f.App.Register(f.Evse);
            f.Run(TimeSpan.FromSeconds(30));
            Assert.True(f.Evse.IsRegistered);
            Assert.Equal(3, f.Evse.Counters.HeadingsSent);
            f.App.Drain();
            f.Run(TimeSpan.FromSeconds(10));
            f.App.Expect(EmCommand.Login, "three Headings went unanswered");
            Assert.False(f.Evse.IsRegistered);
            Assert.Equal(1, f.Evse.Counters.RegistrationsDropped);
            f.App.Drain();
            f.Run(TimeSpan.FromSeconds(3));
            f.App.Expect(EmCommand.Login, "announcements continue every 3 s");
        }

        [Fact]
        public void Status_and_charging_status_are_pushed_on_their_cadence()
        {
            using var f = new SimulatorFixture(o => o.HeadingInterval = TimeSpan.FromHours(1));
            f.App.Register(f.Evse);
            f.Time.Advance(TimeSpan.FromSeconds(15));
            var status = f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.SingleAcStatus, "status is pushed every 15 s");
            Assert.Equal(CurrentState.NotConnected, status.CurrentState);
            f.App.Expect(EmCommand.SingleAcChargingStatusPublicAuto, "charging status is pushed every 15 s");
        }

        [Fact]
        public void A_change_is_pushed_immediately()
        {
            using var f = new SimulatorFixture();
            f.App.Register(f.Evse);
            f.Evse.PlugIn();
            var status = f.App.ExpectPayload<SingleAcStatusPayload>(EmCommand.SingleAcStatus, "plugging in changes the status");
            Assert.Equal(GunState.ConnectedUnlocked, status.GunState);
            Assert.Equal(CurrentState.ReadyToCharge, status.CurrentState);
        }

        [Fact]
        public void Discovery_probe_with_zero_serial_is_answered_to_the_probe_source_with_the_serial()
        {
            using var f = new SimulatorFixture();
            using var prober = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var probe = DatagramCodec.Encode(new Datagram(EvseSerial.Zero, EmPassword.None, EmCommand.RequestLogin, ByteValuePayload.Zero));
            prober.Send(probe, probe.Length, new IPEndPoint(IPAddress.Loopback, f.Evse.Port));
            prober.Client.ReceiveTimeout = (int)TestApp.Patience.TotalMilliseconds;
            var from = new IPEndPoint(IPAddress.Any, 0);
            var answer = prober.Receive(ref from);
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(answer, 0, answer.Length, out var d, out _));
            Assert.Equal(EmCommand.PasswordErrorResponse, d.Command);
            Assert.Equal(f.Evse.Serial, d.Serial);
            Assert.Equal(f.Evse.Port, from.Port);
        }

        [Fact]
        public void Commands_with_a_wrong_password_get_PasswordErrorResponse_and_change_nothing()
        {
            using var f = new SimulatorFixture();
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 10 }, "999999");
            f.App.Expect(EmCommand.PasswordErrorResponse, "the password is wrong");
            Assert.Equal(16, f.Evse.ConfiguredAmps);
        }

        [Fact]
        public void Changing_the_password_tells_the_registered_app_and_only_the_new_one_works()
        {
            using var f = new SimulatorFixture();
            f.App.Register(f.Evse);
            f.Evse.ChangePassword("222222");
            f.App.Expect(EmCommand.PasswordErrorResponse, "the app's password is no longer valid");
            f.App.Expect(EmCommand.Login, "the registration is gone");
            Assert.False(f.Evse.IsRegistered);
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero, "123456");
            f.App.Expect(EmCommand.PasswordErrorResponse, "the old password no longer works");
            f.App.Register(f.Evse, "222222");
        }

        [Fact]
        public void Malformed_and_foreign_datagrams_are_dropped_without_stopping_the_charger()
        {
            using var f = new SimulatorFixture();
            f.App.SendRaw(f.Evse, new byte[] { 0x06, 0x01, 0x00, 0x30, 0x00 });
            var bad = DatagramCodec.Encode(new Datagram(f.Evse.Serial, EmPassword.FromString("123456"), EmCommand.GetVersion, EmptyPayload.Instance));
            bad[bad.Length - 3] ^= 0xFF;
            f.App.SendRaw(f.Evse, bad);
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance, serial: new EvseSerial(42));
            f.App.Send(f.Evse, (EmCommand)0x8150, new RawPayload(new byte[] { 1, 2, 3 }));
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance);
            f.App.Expect(EmCommand.GetVersionResponse, "the charger still answers after bad input");
            Assert.Equal(2, f.Evse.Counters.DatagramsDropped);
            Assert.Equal(2, f.Evse.Counters.CommandsIgnored);
        }
    }
}
