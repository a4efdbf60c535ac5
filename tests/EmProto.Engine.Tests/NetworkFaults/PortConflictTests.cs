using System;
using System.Globalization;
using System.Net;

namespace EmProto.Engine.Tests.NetworkFaults
{
    public sealed class PortConflictTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        private static CommunicatorOptions Loopback(int port) => new CommunicatorOptions
        {
            LocalAddress = IPAddress.Loopback,
            Port = port,
            EnableBroadcast = false,
            StorePath = null,
        };

        [Fact]
        public void A_second_process_on_our_port_is_refused_with_EvsePortInUse()
        {
            using var ours = new EvseCommunicator(Loopback(0));
            ours.Start();
            int port = ours.LocalEndPoint!.Port;

            using var other = ChildProcess.Bind(port);
            Assert.True(other.WaitForExit(Patience), "The second process did not give up.");
            var lines = other.Lines;
            Assert.True(other.ExitCode == 5, "The second process should have failed to bind port " + port + ": " + string.Join(" | ", lines));
            Assert.Contains(lines, l => l.StartsWith("error EvsePortInUse ", StringComparison.Ordinal) && l.Contains("already in use", StringComparison.Ordinal));
            Assert.True(ours.IsRunning);
        }

        [Fact]
        public void Starting_on_a_port_another_process_holds_throws_EvsePortInUse()
        {
            using var other = ChildProcess.Bind(0);
            var bound = other.WaitForLine(l => l.StartsWith("bound ", StringComparison.Ordinal), Patience);
            Assert.True(bound != null, "The other process did not bind: " + string.Join(" | ", other.Lines));
            int port = int.Parse(bound!.Substring(6), CultureInfo.InvariantCulture);

            using var ours = new EvseCommunicator(Loopback(port));
            var ex = Assert.Throws<EvseException>(() => ours.Start());
            Assert.Equal("EvsePortInUse", ex.ErrorId);
            Assert.Contains(port.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
            // On Linux the message names who holds the port: the other process (ours to look into) and its user.
            if (OperatingSystem.IsLinux())
                Assert.Contains("process " + other.Id.ToString(CultureInfo.InvariantCulture) + " (", ex.Message, StringComparison.Ordinal);
            Assert.False(ours.IsRunning);

            other.CloseInput();
            Assert.True(other.WaitForExit(Patience), "The other process did not end when asked.");
            Assert.Equal(0, other.ExitCode);
            // Once the other process is gone the port is ours.
            ours.Start();
            Assert.Equal(port, ours.LocalEndPoint!.Port);
        }
    }
}
