using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using EmProto.Protocol;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    public sealed class SimulatorCmdletTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();
        private readonly UdpClient _app = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        private string App => _app.Client.LocalEndPoint!.ToString()!;

        public void Dispose()
        {
            _host.Run("Get-EvseSimulator -Serial 7e57* | Stop-EvseSimulator -Confirm:$false");
            _host.Dispose();
            _app.Dispose();
        }

        [Fact]
        public void Start_with_PassThru_returns_a_running_simulator_that_announces_to_the_app_endpoint()
        {
            var r = _host.Run($"Start-EvseSimulator -Serial 7e57000000000001 -AppEndPoint '{App}' -Password 654321 -PluggedIn -PassThru");
            Assert.Empty(r.Errors);
            var evse = Assert.IsType<SimulatedEvse>(r.Output.Single().BaseObject);
            Assert.True(evse.IsRunning);
            Assert.True(evse.Port > 0);
            Assert.Equal("654321", evse.Password);
            Assert.Equal(CurrentState.ReadyToCharge, evse.State);
            _app.Client.ReceiveTimeout = 20000;
            var from = new IPEndPoint(IPAddress.Any, 0);
            var bytes = _app.Receive(ref from);
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var login, out _));
            Assert.Equal(EmCommand.Login, login.Command);
            Assert.Equal(evse.Port, from.Port);
        }

        [Fact]
        public void Count_starts_consecutive_serials_and_Get_filters_with_wildcards()
        {
            var r = _host.Run($"Start-EvseSimulator -Serial 7e57000000000010 -Count 3 -AppEndPoint '{App}'; Get-EvseSimulator -Serial 7e5700000000001*");
            Assert.Empty(r.Errors);
            var serials = r.Output.Select(o => ((SimulatedEvse)o.BaseObject).Serial.ToString()).ToArray();
            Assert.Equal(new[] { "7e57000000000010", "7e57000000000011", "7e57000000000012" }, serials);
        }

        [Fact]
        public void Stop_by_pipeline_stops_and_forgets_the_simulator()
        {
            var r = _host.Run($"$s = Start-EvseSimulator -Serial 7e57000000000020 -AppEndPoint '{App}' -PassThru; $s | Stop-EvseSimulator -Confirm:$false; $s.IsRunning; @(Get-EvseSimulator -Serial 7e57000000000020 -ErrorAction SilentlyContinue).Count");
            Assert.Empty(r.Errors);
            Assert.Equal(false, r.Output[0].BaseObject);
            Assert.Equal(0, r.Output[1].BaseObject);
        }

        [Fact]
        public void Set_plugs_in_raises_errors_and_advances_time()
        {
            var r = _host.Run($@"Start-EvseSimulator -Serial 7e57000000000030 -AppEndPoint '{App}' -Phases 3 -MaxAmps 32
                Set-EvseSimulator -Serial 7e57000000000030 -PlugIn -RaiseError OverCurrent, CpError -ClockOffset -90 -AdvanceTime 3600 -PassThru");
            Assert.Empty(r.Errors);
            var evse = (SimulatedEvse)r.Output.Single().BaseObject;
            Assert.True(evse.IsPluggedIn);
            Assert.Equal(EvseErrors.OverCurrent | EvseErrors.CpError, evse.Errors);
            Assert.Equal(TimeSpan.FromSeconds(-90), evse.ClockOffset);
            Assert.Equal(TimeSpan.FromHours(1), evse.AdvancedBy);
        }

        [Fact]
        public void Set_with_WhatIf_changes_nothing()
        {
            var r = _host.Run($"Start-EvseSimulator -Serial 7e57000000000040 -AppEndPoint '{App}'; Set-EvseSimulator -Serial 7e57000000000040 -PlugIn -WhatIf; (Get-EvseSimulator 7e57000000000040).IsPluggedIn");
            Assert.Empty(r.Errors);
            Assert.Equal(false, r.Output.Single().BaseObject);
        }

        [Theory]
        [InlineData("Start-EvseSimulator -Serial xyz", "EvseSimulatorInvalidArgument", "16 hexadecimal digits")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -Password 12ab56", "EvseSimulatorInvalidArgument", "6 digits")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -AppEndPoint 10.1.2.3:28376", "EvseSimulatorInvalidArgument", "loopback")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -AppEndPoint nonsense", "ParameterArgumentTransformationError", "not an endpoint")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -TimeZone Mars/Olympus", "EvseSimulatorInvalidArgument", "not a time zone")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -MaxAmps 40", "ParameterArgumentValidationError", "32")]
        [InlineData("Start-EvseSimulator -Serial 7e57000000000050 -Wait -Duration -5", "ParameterArgumentTransformationError", "must not be negative")]
        [InlineData("Get-EvseSimulator -Serial 7e570000000000ff", "EvseSimulatorNotFound", "No simulated charger")]
        [InlineData("Set-EvseSimulator -Serial 7e570000000000ff -PlugIn", "EvseSimulatorNotFound", "No simulated charger")]
        [InlineData("Set-EvseSimulator -Serial 7e570000000000ff -PlugIn -Unplug", "EvseSimulatorInvalidArgument", "cannot be used together")]
        public void Bad_parameters_give_clear_error_records(string script, string errorId, string messagePart)
        {
            var r = _host.Run("try { " + script + " -ErrorAction Stop } catch { $_ }");
            var error = r.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.ErrorRecord>().Concat(r.Errors).First();
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(messagePart, error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Duplicate_serial_is_refused_with_EvseSimulatorExists()
        {
            var r = _host.Run($"Start-EvseSimulator -Serial 7e57000000000060 -AppEndPoint '{App}'; Start-EvseSimulator -Serial 7e57000000000060 -AppEndPoint '{App}'");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("EvseSimulatorExists", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        }
    }
}
