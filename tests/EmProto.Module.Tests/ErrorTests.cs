using System.Linq;
using System.Management.Automation;
using EmProto.PowerShell;
using Xunit;

namespace EmProto.Module.Tests
{
    public class ErrorTests : CmdletTestBase
    {
        [Fact]
        public void An_unknown_serial_is_ObjectNotFound_with_the_serial_as_target()
        {
            var r = Host.Run("Get-EvseState -Serial 0123456789abcdef");
            var e = SingleError(r);
            Assert.Equal("EvseNotFound", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("0123456789abcdef", e.TargetObject);
        }

        [Fact]
        public void A_wildcard_that_matches_nothing_is_not_an_error()
        {
            var r = Host.Run("Get-EvseState -Serial 'ffff*'; Get-Evse -Name 'nothing*'");
            Assert.Empty(r.Errors);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void A_charger_without_password_is_InvalidOperation_with_the_charger_as_target()
        {
            AddSilentCharger();
            var r = Host.Run("Get-EvseConfig -Serial " + KnownSerial);
            var e = SingleError(r);
            Assert.StartsWith("EvseNotConnected,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
            Assert.Equal(KnownSerial, Assert.IsType<EvseCharger>(e.TargetObject).Serial);
        }

        [Fact]
        public void Many_chargers_in_one_call_report_each_failure_and_go_on()
        {
            AddSilentCharger();
            var r = Host.Run("Get-EvseChargeRecord -Serial 0123456789abcdef, " + KnownSerial + "; 'done'");
            Assert.Single(r.Errors);
            Assert.Equal("done", r.Output.Last().BaseObject);
        }

        [Fact]
        public void No_answer_is_OperationTimeout()
        {
            AddSilentCharger();
            var r = Host.Run("Connect-Evse -Serial " + KnownSerial + " -PlainTextPassword 123456");
            var e = SingleError(r);
            Assert.StartsWith("EvseCommandTimeout,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Equal(KnownSerial, Assert.IsType<EvseCharger>(e.TargetObject).Serial);
        }

        [Fact]
        public void A_wrong_password_is_AuthenticationError_and_the_password_appears_nowhere()
        {
            using var sim = StartSimulator();
            WaitForCharger("5e5e000000000042");
            var r = Host.Run("Get-Evse -Serial 5e5e000000000042 | Connect-Evse -PlainTextPassword 654321 -Verbose");
            var e = SingleError(r);
            Assert.StartsWith("EvseAuthenticationFailed,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
            Assert.DoesNotContain("654321", e.ToString());
            Assert.DoesNotContain(r.Verbose, v => v.Message.Contains("654321"));
        }

        [Fact]
        public void Giving_the_password_twice_is_refused()
        {
            AddSilentCharger();
            var r = Host.Run("Connect-Evse -Serial " + KnownSerial + " -PlainTextPassword 123456 -Password 123456");
            Assert.StartsWith("EvseAmbiguousPassword,", SingleError(r).FullyQualifiedErrorId);
        }
    }
}
