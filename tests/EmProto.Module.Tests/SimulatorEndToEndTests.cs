using System.Linq;
using EmProto.Engine;
using EmProto.PowerShell;
using Xunit;

namespace EmProto.Module.Tests
{
    public class SimulatorEndToEndTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e000000000042";

        private void Connect()
        {
            WaitForCharger(SimSerial);
            var r = Host.Run("Find-Evse -Timeout 0 -Serial " + SimSerial + " | Connect-Evse -Password 123456 -PassThru");
            Assert.True(r.Errors.Count == 0, "connects: " + string.Join("; ", r.Errors));
            var charger = Assert.IsType<EvseCharger>(r.Output.Single().BaseObject);
            Assert.True(charger.Connected, "the charger is connected after Connect-Evse");
            Assert.True(charger.HasPassword);
        }

        [Fact]
        public void Find_connect_state_charge_wait_and_stop()
        {
            using var sim = StartSimulator();
            Connect();
            var state = Host.Run("Get-Evse -Serial " + SimSerial + " | Get-EvseState -Wait -Timeout 30");
            Assert.Empty(state.Errors);
            Assert.Equal(EvseMetaState.PluggedIn, Assert.IsType<EvseState>(state.Output.Single().BaseObject).State);

            var start = Host.Run("Get-Evse -Serial " + SimSerial + " | Start-EvseCharge -MaxCurrent 10 -PassThru; Get-Evse -Serial " + SimSerial + " | Wait-Evse -State Charging -Timeout 30");
            Assert.True(start.Errors.Count == 0, string.Join("; ", start.Errors));
            Assert.Equal(10, Assert.IsType<ChargeStartResult>(start.Output[0].BaseObject).MaxCurrent);
            Assert.Equal(EvseMetaState.Charging, Assert.IsType<EvseCharger>(start.Output[1].BaseObject).State);

            var guard = Host.Run("Get-Evse | Where-Object State -eq Charging | Stop-EvseCharge");
            var e = SingleError(guard);
            Assert.StartsWith("EvseWearGuard,", e.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);

            var stop = Host.Run("Get-Evse | Where-Object State -eq Charging | Stop-EvseCharge -Force; Get-Evse -Serial " + SimSerial + " | Wait-Evse -State Finished, PluggedIn, Idle -Timeout 30");
            Assert.True(stop.Errors.Count == 0, string.Join("; ", stop.Errors));
        }

        [Fact]
        public void Config_and_clock_round_trip()
        {
            using var sim = StartSimulator();
            Connect();
            var r = Host.Run("Set-EvseConfig -Serial " + SimSerial + " -Name Carport -MaxCurrent 12 -PassThru; Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0; Get-EvseSystemTime -Serial " + SimSerial);
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var set = Assert.IsType<EvseConfig>(r.Output[0].BaseObject);
            Assert.Equal("Carport", set.Name);
            Assert.Equal(12, Assert.IsType<EvseConfig>(r.Output[1].BaseObject).MaxCurrent);
            Assert.Equal("Carport", sim.Name);
            Assert.IsType<EvseSystemTime>(r.Output[2].BaseObject);
        }

        [Fact]
        public void Debug_shows_datagrams_with_the_password_masked()
        {
            using var sim = StartSimulator();
            WaitForCharger(SimSerial);
            var r = Host.Run("$DebugPreference = 'Continue'; Connect-Evse -Serial " + SimSerial + " -Password 123456; $DebugPreference = 'SilentlyContinue'");
            Assert.Empty(r.Errors);
            Assert.Contains(r.Debug, d => d.Message.Contains("RequestLogin", System.StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(r.Debug, d => d.Message.Contains("313233343536", System.StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void Completion_offers_serials_and_names_from_memory()
        {
            using var sim = StartSimulator();
            Connect();
            Host.Run("Get-EvseConfig -Serial " + SimSerial);
            var r = Host.Run("(TabExpansion2 -inputScript 'Get-EvseState -Serial 5e5e' -cursorColumn 26).CompletionMatches");
            var match = Assert.Single(r.Output.Select(o => (System.Management.Automation.CompletionResult)o.BaseObject));
            Assert.Equal(SimSerial, match.CompletionText);
            Assert.Contains("SIM-", match.ToolTip, System.StringComparison.Ordinal);
            var names = Host.Run("(TabExpansion2 -inputScript 'Get-Evse -Name Gar' -cursorColumn 18).CompletionMatches");
            Assert.Equal("Garage", ((System.Management.Automation.CompletionResult)names.Output.Single().BaseObject).CompletionText);
        }
    }
}
