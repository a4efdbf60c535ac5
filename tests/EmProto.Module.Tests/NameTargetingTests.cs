using System;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>-Name (wildcards) on every cmdlet that targets chargers; simulator serials complete.</summary>
    public sealed class NameTargetingTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e000000000042";

        [Theory]
        [InlineData("Connect-Evse")]
        [InlineData("Disconnect-Evse")]
        [InlineData("Remove-Evse")]
        [InlineData("Get-EvseState")]
        [InlineData("Get-EvseConfig")]
        [InlineData("Get-EvseSystemTime")]
        [InlineData("Get-EvseChargeSession")]
        [InlineData("Get-EvseChargeRecord")]
        [InlineData("Set-EvseSystemTime")]
        [InlineData("Start-EvseCharge")]
        [InlineData("Stop-EvseCharge")]
        [InlineData("Wait-Evse")]
        [InlineData("Register-EvseEvent")]
        public void Every_targeting_cmdlet_takes_Name_with_wildcards_and_name_completion(string cmdlet)
        {
            var r = Host.Run("$p = (Get-Command " + cmdlet + ").Parameters['Name']; $p.ParameterType.FullName; [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }); ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal("System.String[]", r.Output[0].BaseObject);
            Assert.Equal(true, r.Output[1].BaseObject);
            Assert.Equal("EvseNameCompleter", r.Output[2].BaseObject);
        }

        [Fact]
        public void Name_selects_chargers_by_wildcard_and_reports_a_literal_that_matches_nothing()
        {
            using var sim = StartSimulator();
            WaitForCharger(SimSerial);
            var c = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456; Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0 | Out-Null");
            Assert.True(c.Errors.Count == 0, string.Join("; ", c.Errors));
            var r = Host.Run("Get-EvseConfig -Name gar*");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(SimSerial, Assert.IsType<EvseConfig>(Assert.Single(r.Output).BaseObject).Serial);

            var missing = Host.Run("Get-EvseSystemTime -Name Garage, Shed");
            Assert.Single(missing.Output);
            var e = SingleError(missing);
            Assert.StartsWith("EvseNotFound,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal("Shed", e.TargetObject);
        }

        [Fact]
        public void A_charger_just_connected_is_found_by_name_at_once_although_its_name_is_read_in_the_background()
        {
            Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -RetryCount 3 -Timeout 3");
            var r = Host.Run("Start-EvseSimulator -Serial 5e5e0000000000b7 -Name Carport -LossRatio 0.3 -Seed 7 -LoginInterval 0.5 -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var run = Host.Run("Find-Evse -Serial 5e5e0000000000b7 -Timeout 30 | Connect-Evse -PlainTextPassword 123456; (Get-Evse -Name Carport).Serial; Get-Evse -Name Carport | Get-EvseConfig | ForEach-Object Name");
            Assert.True(run.Errors.Count == 0, string.Join("; ", run.Errors));
            Assert.Equal(new object[] { "5e5e0000000000b7", "Carport" }, run.Output.Select(o => o.BaseObject).ToArray());
            Host.Run("Stop-EvseSimulator -Serial 5e5e0000000000b7");
        }

        [Fact]
        public void WhatIf_by_name_sends_nothing()
        {
            using var sim = StartSimulator();
            WaitForCharger(SimSerial);
            Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456; Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0 | Out-Null");
            long sent = DatagramsSent;
            var r = Host.Run("Start-EvseCharge -Name Garage -MaxCurrent 10 -WhatIf");
            Assert.Empty(r.Errors);
            Assert.Equal(sent, DatagramsSent);
        }

        [Fact]
        public void Simulator_serials_complete()
        {
            var start = Host.Run("Start-EvseSimulator -Serial 7e5a000000000001 -AppEndPoint 127.0.0.1:9");
            Assert.True(start.Errors.Count == 0, string.Join("; ", start.Errors));
            try
            {
                foreach (var cmd in new[] { "Stop-EvseSimulator", "Set-EvseSimulator", "Get-EvseSimulator" })
                {
                    string script = cmd + " -Serial 7e5a";
                    var r = Host.Run("(TabExpansion2 -inputScript '" + script + "' -cursorColumn " + script.Length + ").CompletionMatches");
                    var match = Assert.Single(r.Output.Select(o => (CompletionResult)o.BaseObject));
                    Assert.Equal("7e5a000000000001", match.CompletionText);
                }
            }
            finally
            {
                Host.Run("Stop-EvseSimulator -Serial 7e5a000000000001 -Confirm:$false");
            }
        }
    }
}
