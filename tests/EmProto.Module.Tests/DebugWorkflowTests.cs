using System;
using System.Linq;
using System.Management.Automation;
using EmProto.PowerShell;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// The debugging workflow: the datagram dump follows $DebugPreference as the caller sees it (also set in a
    /// function or script block), Get-EvseState shows traffic while debugging, and the dump's lines decode as
    /// they are with ConvertFrom-EvseDatagram, the password masked.
    /// </summary>
    public sealed class DebugWorkflowTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e000000000042";

        private void Connect()
        {
            WaitForCharger(SimSerial);
            var r = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.True(r.Errors.Count == 0, "connects: " + string.Join("; ", r.Errors));
        }

        private static DebugRecord[] DebugRecords(ModuleHost.Result r) =>
            r.Output.Select(o => o.BaseObject).OfType<DebugRecord>().Concat(r.Debug).ToArray();

        [Fact]
        public void DebugPreference_set_in_a_function_shows_the_datagrams()
        {
            using var sim = StartSimulator();
            Connect();
            var r = Host.Run("function f { $DebugPreference = 'Continue'; Get-EvseSystemTime -Serial " + SimSerial + " 5>&1 }; f");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var lines = DebugRecords(r).Select(d => d.Message).ToArray();
            Assert.Contains(lines, l => l.StartsWith("-> ", StringComparison.Ordinal) && l.Contains("SetAndGetSystemTime ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("<- ", StringComparison.Ordinal) && l.Contains("SetAndGetSystemTimeResponse", StringComparison.Ordinal));
        }

        [Fact]
        public void DebugPreference_set_in_a_script_block_shows_the_datagrams_and_not_outside()
        {
            using var sim = StartSimulator();
            Connect();
            var inside = Host.Run("& { $DebugPreference = 'Continue'; Get-EvseSystemTime -Serial " + SimSerial + " 5>&1 }");
            Assert.NotEmpty(DebugRecords(inside));
            var outside = Host.Run("& { $DebugPreference = 'Continue' }; Get-EvseSystemTime -Serial " + SimSerial + " 5>&1");
            Assert.Empty(DebugRecords(outside));
        }

        [Fact]
        public void Get_EvseState_shows_a_status_datagram_while_debugging()
        {
            using var sim = StartSimulator();
            Connect();
            Host.Run("Get-Evse -Serial " + SimSerial + " | Get-EvseState -Wait -Timeout 30");
            var r = Host.Run("$DebugPreference = 'Continue'; Get-Evse -Serial " + SimSerial + " | Get-EvseState -Timeout 30; $DebugPreference = 'SilentlyContinue'");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.IsType<EmProto.Engine.EvseState>(Assert.Single(r.Output).BaseObject);
            Assert.Contains(r.Debug, d => d.Message.StartsWith("<- ", StringComparison.Ordinal) && d.Message.Contains(" SingleAcStatus ", StringComparison.Ordinal));
        }

        [Fact]
        public void Debug_switch_shows_the_commands_messages_without_asking_even_where_nobody_can_answer()
        {
            using var sim = StartSimulator();
            Connect();
            // PowerShell would ask before each verbose message under -Debug; this host cannot ask (like a
            // scheduled task's), so a question would end the command with an error.
            var r = Host.Run("Get-EvseState -Serial " + SimSerial + " -Debug -Timeout 30");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.IsType<EmProto.Engine.EvseState>(Assert.Single(r.Output).BaseObject);
            Assert.Contains(r.Debug, d => d.Message.StartsWith("The debug stream is shown", StringComparison.Ordinal));
            Assert.Contains(r.Debug, d => d.Message.StartsWith("<- ", StringComparison.Ordinal));
            Assert.Empty(r.Verbose);
            // With -Verbose too, verbose messages stay verbose.
            var both = Host.Run("Get-EvseState -Serial " + SimSerial + " -Debug -Verbose -Timeout 30");
            Assert.True(both.Errors.Count == 0, string.Join("; ", both.Errors));
            Assert.Contains(both.Verbose, v => v.Message.StartsWith("The debug stream is shown", StringComparison.Ordinal));
        }

        [Fact]
        public void Debug_lines_decode_as_they_are_masked_or_not()
        {
            using var sim = StartSimulator();
            WaitForCharger(SimSerial);
            var r = Host.Run("$DebugPreference = 'Continue'; Connect-Evse -Serial " + SimSerial + " -Password 123456; Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0 5>&1 | Out-Null; $DebugPreference = 'SilentlyContinue'");
            var lines = r.Debug.Select(d => d.Message).ToArray();
            var masked = lines.First(l => l.Contains("RequestLogin", StringComparison.Ordinal));
            Assert.Contains("************", masked, StringComparison.Ordinal);
            var decoded = Host.Run("$args[0] | ConvertFrom-EvseDatagram".Replace("$args[0]", "'" + masked + "'", StringComparison.Ordinal));
            Assert.True(decoded.Errors.Count == 0, "a masked debug line decodes: " + string.Join("; ", decoded.Errors));
            var d = Assert.IsType<DecodedDatagram>(Assert.Single(decoded.Output).BaseObject);
            Assert.Equal("RequestLogin", d.CommandName);
            Assert.Equal(SimSerial, d.Serial);
            Assert.True(d.HasPassword);

            var all = Host.Run("$DebugPreference = 'Continue'; Get-EvseSystemTime -Serial " + SimSerial + " 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message | ConvertFrom-EvseDatagram; $DebugPreference = 'SilentlyContinue'");
            Assert.True(all.Errors.Count == 0, "every debug line decodes: " + string.Join("; ", all.Errors));
            var names = all.Output.Select(o => Assert.IsType<DecodedDatagram>(o.BaseObject).CommandName).ToArray();
            Assert.Contains("SetAndGetSystemTime", names);
            Assert.Contains("SetAndGetSystemTimeResponse", names);
        }

        [Theory]
        [InlineData("-> 127.0.0.1:39075 SetAndGetNickName 06010019009181102751219513ffffffffffff000308800f02")]
        [InlineData("DEBUG: <- 127.0.0.1:28376 Heading 06010019009181102751219513ffffffffffff000308800f02")]
        public void A_debug_line_copied_from_the_console_decodes(string line)
        {
            var r = Host.Run("'" + line + "' | ConvertFrom-EvseDatagram");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal("Heading", Assert.IsType<DecodedDatagram>(Assert.Single(r.Output).BaseObject).CommandName);
        }

        [Fact]
        public void A_star_outside_the_password_is_refused_clearly()
        {
            var r = Host.Run("'-> 127.0.0.1:1 Heading 0601001900918110275121****ffffffffffff000308800f02' | ConvertFrom-EvseDatagram");
            var e = SingleError(r);
            Assert.StartsWith("EvseDatagramInvalid,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("not a hex digit", e.Exception.Message, StringComparison.Ordinal);
        }
    }
}
