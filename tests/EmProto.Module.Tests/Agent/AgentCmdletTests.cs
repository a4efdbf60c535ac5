using System;
using System.IO;
using System.Linq;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Agent;
using Xunit;

namespace EmProto.Module.Tests.Agent
{
    /// <summary>The agent's cmdlets where no real agent is needed: a socket of another user, and a PowerShell without Unix domain sockets.</summary>
    public sealed class AgentCmdletTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "emproto-ac-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly ModuleHost _host = new ModuleHost();

        public void Dispose()
        {
            _host.Dispose();
            if (Directory.Exists(_directory)) Directory.Delete(_directory, true);
        }

        [Fact]
        public void An_agent_that_refuses_this_user_is_EvseAgentRefused_with_its_reason()
        {
            string socketPath = Path.Combine(_directory, "a.sock");
            using var listener = AgentSocket.Listen(socketPath);
            // An agent of another user answers every connection with Refused (as AgentHost does when the kernel names another uid).
            var refuser = new Thread(() =>
            {
                try
                {
                    for (int i = 0; i < 2; i++)
                    {
                        using var connection = new AgentConnection(listener.Accept());
                        connection.Send(FrameKind.Refused, "The EmProto agent at " + socketPath + " belongs to user alice (uid 1000); it serves no other user (uid 1001).");
                    }
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // The test ended first; its assertions say what went wrong.
                }
                catch (ObjectDisposedException)
                {
                    // Likewise.
                }
            }) { IsBackground = true };
            refuser.Start();

            var ex = Assert.Throws<EvseException>(() => AgentClient.Describe(socketPath));
            Assert.Equal(ErrorIds.AgentRefused, ex.ErrorId);
            var result = _host.Run("Get-EvseAgent -SocketPath '" + socketPath + "'");
            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("EvseAgentRefused,EmProto.PowerShell.Commands.GetEvseAgentCommand", error.FullyQualifiedErrorId);
            Assert.Contains("belongs to user alice", error.Exception.Message, StringComparison.Ordinal);
            Assert.True(refuser.Join(TimeSpan.FromSeconds(30)));
        }

        [Fact]
        public void Without_Unix_domain_sockets_Start_EvseAgent_is_EvseAgentUnsupported_and_there_is_no_agent()
        {
            AgentSocket.SupportedOverride = false;
            try
            {
                var start = _host.Run("Start-EvseAgent -SocketPath '" + Path.Combine(_directory, "b.sock") + "'");
                var error = Assert.Single(start.Errors);
                Assert.Equal("EvseAgentUnsupported,EmProto.PowerShell.Commands.StartEvseAgentCommand", error.FullyQualifiedErrorId);
                Assert.Contains("PowerShell 7", error.Exception.Message, StringComparison.Ordinal);
                Assert.Empty(_host.Run("Get-EvseAgent").Output);
                Assert.Null(AgentClient.TryAttach());
                Assert.False(Directory.Exists(_directory));
            }
            finally
            {
                AgentSocket.SupportedOverride = null;
            }
        }
    }
}
