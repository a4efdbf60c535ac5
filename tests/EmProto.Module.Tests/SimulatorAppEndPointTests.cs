using System;
using System.Linq;
using EmProto.PowerShell;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>Without -AppEndPoint, Start-EvseSimulator sends to this process's communicator, else to the port one would use (EMPROTO_PORT), else 28376.</summary>
    public sealed class SimulatorAppEndPointTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();
        private readonly string? _savedPort = Environment.GetEnvironmentVariable("EMPROTO_PORT");

        public void Dispose()
        {
            _host.Run("Get-EvseSimulator -Serial 7e59* | Stop-EvseSimulator -Confirm:$false");
            CommunicatorHolder.Stop();
            Environment.SetEnvironmentVariable("EMPROTO_PORT", _savedPort);
            _host.Dispose();
        }

        private SimulatedEvse Start(string serial)
        {
            var r = _host.Run("Start-EvseSimulator -Serial " + serial + " -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            return Assert.IsType<SimulatedEvse>(r.Output.Single().BaseObject);
        }

        [Fact]
        public void Default_is_the_running_communicators_endpoint_on_loopback()
        {
            Environment.SetEnvironmentVariable("EMPROTO_PORT", "40683");
            var c = _host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force");
            Assert.True(c.Errors.Count == 0, string.Join("; ", c.Errors));
            var port = CommunicatorHolder.Current!.LocalEndPoint!.Port;
            var evse = Start("7e59000000000001");
            Assert.Equal("127.0.0.1:" + port, evse.AppEndPoint.ToString());
        }

        [Fact]
        public void Without_a_communicator_EMPROTO_PORT_is_honoured()
        {
            CommunicatorHolder.Stop();
            Environment.SetEnvironmentVariable("EMPROTO_PORT", "40683");
            Assert.Equal("127.0.0.1:40683", Start("7e59000000000002").AppEndPoint.ToString());
            Assert.Null(CommunicatorHolder.Current);
        }

        [Fact]
        public void Without_a_communicator_or_EMPROTO_PORT_the_default_port_is_used()
        {
            CommunicatorHolder.Stop();
            Environment.SetEnvironmentVariable("EMPROTO_PORT", null);
            Assert.Equal("127.0.0.1:28376", Start("7e59000000000003").AppEndPoint.ToString());
        }

        [Fact]
        public void A_bad_EMPROTO_PORT_is_a_clear_error()
        {
            CommunicatorHolder.Stop();
            Environment.SetEnvironmentVariable("EMPROTO_PORT", "notaport");
            var r = _host.Run("try { Start-EvseSimulator -Serial 7e59000000000004 -ErrorAction Stop } catch { $_ }");
            var error = r.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.ErrorRecord>().Concat(r.Errors).First();
            Assert.StartsWith("EvseSimulatorInvalidArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("EMPROTO_PORT", error.Exception.Message, StringComparison.Ordinal);
        }
    }
}
