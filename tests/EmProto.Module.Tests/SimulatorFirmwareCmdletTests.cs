using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using EmProto.Protocol;
using EmProto.PowerShell;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>Start-EvseSimulator -Firmware, -IgnoreCommand, -DuplicateReplies, -StatusInterval, the default app endpoint, and Set-EvseSimulator's settings changed at the charger.</summary>
    public sealed class SimulatorFirmwareCmdletTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();

        public void Dispose()
        {
            _host.Run("Get-EvseSimulator -Serial 7e58* | Stop-EvseSimulator -Confirm:$false");
            _host.Dispose();
        }

        [Fact]
        public void Firmware_IgnoreCommand_DuplicateReplies_and_StatusInterval_reach_the_simulator()
        {
            var r = _host.Run("Start-EvseSimulator -Serial 7e58000000000001 -AppEndPoint 127.0.0.1:9 -Firmware Telestar -IgnoreCommand RequestChargingStatus, 0x8107, 32774, '0x8162', GetVersion -DuplicateReplies -StatusInterval 2.5 -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var evse = Assert.IsType<SimulatedEvse>(r.Output.Single().BaseObject);
            Assert.Equal(SimulatorFirmware.Telestar, evse.Firmware);
            var options = evse.Options;
            Assert.Equal(new[] { EmCommand.RequestChargingStatus, EmCommand.GetVersion, EmCommand.SetAndGetOutputElectricity, EmCommand.Brightness },
                options.IgnoredCommands.OrderBy(c => c).ToArray());
            Assert.True(options.DuplicateReplies);
            Assert.Equal(TimeSpan.FromSeconds(2.5), options.StatusInterval);
        }

        [Fact]
        public void Firmware_defaults_to_Full_and_completes_its_three_names()
        {
            var r = _host.Run("(Start-EvseSimulator -Serial 7e58000000000002 -AppEndPoint 127.0.0.1:9 -PassThru).Firmware");
            Assert.Equal(SimulatorFirmware.Full, r.Output.Single().BaseObject);
            var completion = _host.Run("(TabExpansion2 -inputScript 'Start-EvseSimulator -Firmware ' -cursorColumn 30).CompletionMatches.CompletionText");
            Assert.Equal(new[] { "BS20", "Full", "Telestar" }, completion.Output.Select(o => (string)o.BaseObject).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        }

        [Theory]
        [InlineData("-IgnoreCommand Nonsense", "ParameterArgumentTransformationError", "not an EM command")]
        [InlineData("-IgnoreCommand SingleAcStatus", "EvseSimulatorInvalidArgument", "app-to-charger")]
        [InlineData("-IgnoreCommand 0x12345", "ParameterArgumentTransformationError", "0 to 0xFFFF")]
        [InlineData("-StatusInterval 0", "EvseSimulatorInvalidArgument", "-StatusInterval must be longer than zero")]
        [InlineData("-Firmware Tesla", "CannotConvertArgumentNoMessage", "Telestar")]
        [InlineData("-Firmware BS20 -Name 'Longer than sixteen'", "EvseSimulatorInvalidArgument", "16")]
        public void Bad_firmware_parameters_give_clear_errors(string parameters, string errorId, string messagePart)
        {
            var r = _host.Run("try { Start-EvseSimulator -Serial 7e58000000000003 -AppEndPoint 127.0.0.1:9 " + parameters + " -ErrorAction Stop } catch { $_ }");
            var error = r.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Concat(r.Errors).First();
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(messagePart, error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Set_changes_settings_at_the_charger()
        {
            var r = _host.Run(@"Start-EvseSimulator -Serial 7e58000000000004 -AppEndPoint 127.0.0.1:9 -MaxAmps 16
                Set-EvseSimulator -Serial 7e58000000000004 -MaxCurrent 10 -Name Carport -OfflineCharge Disabled -Language German -TemperatureUnit Fahrenheit -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var evse = Assert.IsType<SimulatedEvse>(r.Output.Single().BaseObject);
            Assert.Equal(10, evse.ConfiguredAmps);
            Assert.Equal("Carport", evse.Name);
            Assert.Equal((byte)OfflineCharge.Disabled, evse.OfflineCharge);
            Assert.Equal(EvseLanguage.German, evse.Language);
            Assert.Equal(TemperatureUnit.Fahrenheit, evse.TemperatureUnit);
            var tooHigh = _host.Run("Set-EvseSimulator -Serial 7e58000000000004 -MaxCurrent 20");
            var error = Assert.Single(tooHigh.Errors);
            Assert.StartsWith("EvseSimulatorInvalidArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("6 to 16", error.Exception.Message, StringComparison.Ordinal);
        }
    }
}
