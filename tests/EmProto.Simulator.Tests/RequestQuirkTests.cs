using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Simulator.Tests
{
    /// <summary>Requests ignored on purpose (<see cref="SimulatorOptions.IgnoredCommands"/>) and replies sent twice (<see cref="SimulatorOptions.DuplicateReplies"/>).</summary>
    public class RequestQuirkTests
    {
        private static SimulatorFixture Quiet(Action<SimulatorOptions> configure) => new SimulatorFixture(o =>
        {
            o.LoginInterval = TimeSpan.FromHours(10);
            o.HeadingInterval = TimeSpan.FromHours(10);
            o.StatusInterval = TimeSpan.FromHours(10);
            o.ChargingStatusInterval = TimeSpan.FromHours(10);
            configure(o);
        });

        private static List<EmCommand> TimeBarrier(SimulatorFixture f)
        {
            f.App.Send(f.Evse, EmCommand.SetAndGetSystemTime, SystemTimePayload.Get());
            return f.App.CollectUntil(EmCommand.SetAndGetSystemTimeResponse, "a time GET is answered").Select(d => d.Command).ToList();
        }

        [Fact]
        public void IgnoredCommands_go_unanswered_and_change_nothing_on_top_of_the_profile()
        {
            using var f = Quiet(o =>
            {
                o.Firmware = SimulatorFirmware.BS20;
                o.IgnoredCommands.Add(EmCommand.GetVersion);
                o.IgnoredCommands.Add(EmCommand.SetAndGetOutputElectricity);
            });
            f.App.Send(f.Evse, EmCommand.GetVersion, EmptyPayload.Instance);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Set, Amps = 8 });
            f.App.Send(f.Evse, EmCommand.RequestChargingStatus, ByteValuePayload.Zero);
            var got = TimeBarrier(f);
            Assert.Equal(new[] { EmCommand.SingleAcChargingStatusResponse, EmCommand.SetAndGetSystemTimeResponse }, got.ToArray());
            Assert.Equal(16, f.Evse.ConfiguredAmps);
            Assert.Equal(2, f.Evse.Counters.CommandsIgnored);
        }

        [Fact]
        public void IgnoredCommands_accepts_only_app_to_charger_requests()
        {
            var options = new SimulatorOptions();
            options.IgnoredCommands.Add(EmCommand.SingleAcStatus);
            var e = Assert.Throws<ArgumentException>(() => options.Validate());
            Assert.Equal(nameof(SimulatorOptions.IgnoredCommands), e.ParamName);
            Assert.Contains("0x0004", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void IgnoredCommands_are_copied_so_changing_the_options_later_has_no_effect()
        {
            using var f = Quiet(o => { });
            var copy = f.Evse.Options;
            copy.IgnoredCommands.Add(EmCommand.GetVersion);
            Assert.Empty(f.Evse.Options.IgnoredCommands);
            Assert.Contains(EmCommand.GetVersionResponse, f.App.Barrier(f.Evse).Select(d => d.Command));
        }

        [Fact]
        public void DuplicateReplies_sends_every_reply_twice_but_pushes_once()
        {
            using var f = Quiet(o => o.DuplicateReplies = true);
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero);
            f.App.Send(f.Evse, EmCommand.LoginConfirm, ByteValuePayload.Zero);
            f.App.Send(f.Evse, EmCommand.SetAndGetOutputElectricity, new OutputElectricityPayload { Action = SetAndGetAction.Get });
            var got = TimeBarrier(f);
            got.Add(f.App.Expect(EmCommand.SetAndGetSystemTimeResponse, "the time reply comes twice too").Command);
            Assert.Equal(2, got.Count(c => c == EmCommand.LoginResponse));
            Assert.Equal(2, got.Count(c => c == EmCommand.SetAndGetOutputElectricityResponse));
            Assert.Equal(2, got.Count(c => c == EmCommand.SetAndGetSystemTimeResponse));
            Assert.Equal(1, got.Count(c => c == EmCommand.SingleAcStatus));
            Assert.Equal(1, got.Count(c => c == EmCommand.SingleAcChargingStatusPublicAuto));
        }

        [Fact]
        public void DuplicateReplies_answers_a_wrong_password_twice()
        {
            using var f = Quiet(o => o.DuplicateReplies = true);
            f.App.Send(f.Evse, EmCommand.RequestLogin, ByteValuePayload.Zero, password: "999999");
            f.App.Expect(EmCommand.PasswordErrorResponse, "the password is wrong");
            f.App.Expect(EmCommand.PasswordErrorResponse, "and the reply comes twice");
            Assert.Equal(1, f.Evse.Counters.PasswordErrors);
        }
    }
}
