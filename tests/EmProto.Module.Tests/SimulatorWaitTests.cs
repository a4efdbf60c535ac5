using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EmProto.Protocol;
using Xunit;

namespace EmProto.Module.Tests
{
    public class SimulatorWaitTests
    {
        [Fact]
        public void Start_with_Wait_runs_until_stopped_like_CtrlC_and_then_stops_its_simulator()
        {
            using var app = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { ModuleHost.ManifestPath });
            using var runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript($"Start-EvseSimulator -Serial 7e57000000000100 -AppEndPoint '{app.Client.LocalEndPoint}' -Wait");
            var running = ps.BeginInvoke();

            app.Client.ReceiveTimeout = 20000;
            var from = new IPEndPoint(IPAddress.Any, 0);
            var bytes = app.Receive(ref from);
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var login, out _));
            Assert.Equal(EmCommand.Login, login.Command);
            Assert.False(running.IsCompleted, "-Wait keeps the cmdlet running");

            ps.Stop();
            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "Stop (Ctrl+C) ends -Wait");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);

            using var check = System.Management.Automation.PowerShell.Create();
            check.Runspace = runspace;
            check.AddScript("@(Get-EvseSimulator -Serial 7e57000000000100 -ErrorAction SilentlyContinue).Count");
            Assert.Equal(0, check.Invoke()[0].BaseObject);
        }
    }
}
