using System;
using System.IO;
using System.Net.Sockets;
using EmProto.Engine;
using EmProto.PowerShell.Agent;
using Xunit;

namespace EmProto.Module.Tests.Agent
{
    /// <summary>The agent's channel: its socket file and directory, and the frames on a connection.</summary>
    public sealed class AgentChannelTests : IDisposable
    {
        // Short: a Unix socket path has room for about 100 bytes.
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "emproto-ch-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        private string SocketPath => Path.Combine(_directory, "run", "a.sock");

        public void Dispose()
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, true);
        }

        private (AgentConnection Client, AgentConnection Server, Socket Listener) Pair()
        {
            var listener = AgentSocket.Listen(SocketPath);
            var client = AgentSocket.TryConnect(SocketPath);
            Assert.NotNull(client);
            var server = listener.Accept();
            return (new AgentConnection(client!), new AgentConnection(server), listener);
        }

        [Fact]
        public void Frames_cross_in_order_with_their_kind_and_text()
        {
            var (client, server, listener) = Pair();
            using (listener)
            using (client)
            using (server)
            {
                string big = new string('x', 200_000);
                client.Send(FrameKind.Invoke, "Get-Evse ä €");
                client.Send(FrameKind.Stop, string.Empty);
                client.Send(FrameKind.Record, big);
                Assert.True(server.TryReceive(out var kind, out var text));
                Assert.Equal(FrameKind.Invoke, kind);
                Assert.Equal("Get-Evse ä €", text);
                Assert.True(server.TryReceive(out kind, out text));
                Assert.Equal(FrameKind.Stop, kind);
                Assert.Equal(string.Empty, text);
                Assert.True(server.TryReceive(out kind, out text));
                Assert.Equal(FrameKind.Record, kind);
                Assert.Equal(big, text);
            }
        }

        [Fact]
        public void The_other_end_closing_is_the_end_not_an_error()
        {
            var (client, server, listener) = Pair();
            using (listener)
            using (server)
            {
                client.Dispose();
                Assert.False(server.TryReceive(out _, out _));
                Assert.Throws<IOException>(() =>
                {
                    for (int i = 0; i < 1000; i++) server.Send(FrameKind.Record, new string('y', 10_000));
                });
            }
        }

        [Fact]
        public void A_malformed_frame_is_an_IOException()
        {
            var listener = AgentSocket.Listen(SocketPath);
            var raw = AgentSocket.TryConnect(SocketPath)!;
            using (listener)
            using (raw)
            using (var server = new AgentConnection(listener.Accept()))
            {
                raw.Send(new byte[] { 0xff, 0xff, 0xff, 0x7f, 1 });
                var ex = Assert.Throws<IOException>(() => server.TryReceive(out _, out _));
                Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_frame_cut_short_is_an_IOException()
        {
            var listener = AgentSocket.Listen(SocketPath);
            var raw = AgentSocket.TryConnect(SocketPath)!;
            using (listener)
            using (var server = new AgentConnection(listener.Accept()))
            {
                raw.Send(new byte[] { 10, 0, 0, 0, 1, (byte)'a' });
                raw.Dispose();
                Assert.Throws<IOException>(() => server.TryReceive(out _, out _));
            }
        }

        [Fact]
        public void Nothing_listening_is_null_and_a_live_agent_is_EvseAgentRunning_and_a_stale_socket_file_is_replaced()
        {
            Assert.Null(AgentSocket.TryConnect(SocketPath));
            var first = AgentSocket.Listen(SocketPath);
            var ex = Assert.Throws<EvseException>(() => AgentSocket.Listen(SocketPath));
            Assert.Equal(ErrorIds.AgentRunning, ex.ErrorId);
            // A killed agent leaves its socket file behind (a closed one removes it): nothing answers there, and the
            // next agent takes it over.
            first.Dispose();
            File.WriteAllText(SocketPath, string.Empty);
            Assert.Null(AgentSocket.TryConnect(SocketPath));
            using (var second = AgentSocket.Listen(SocketPath))
            using (var client = AgentSocket.TryConnect(SocketPath))
            {
                Assert.NotNull(client);
            }
        }

        [Fact]
        public void The_directory_and_the_socket_are_the_users_alone_and_the_kernel_names_the_peer()
        {
            if (OperatingSystem.IsWindows()) return; // Windows: the directory's ACL (under LocalAppData) keeps other users out.
            Directory.CreateDirectory(Path.Combine(_directory, "run"));
            File.SetUnixFileMode(Path.Combine(_directory, "run"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var (client, server, listener) = Pair();
            using (listener)
            using (client)
            using (server)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_directory, "run")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SocketPath));
                if (OperatingSystem.IsLinux()) Assert.Equal(AgentSocket.CurrentUserId, AgentSocket.PeerUserId(server.Socket));
            }
        }

        [Fact]
        public void The_default_socket_follows_EMPROTO_AGENT_SOCKET()
        {
            string? before = Environment.GetEnvironmentVariable(AgentSocket.PathVariable);
            try
            {
                Environment.SetEnvironmentVariable(AgentSocket.PathVariable, SocketPath);
                Assert.Equal(SocketPath, AgentSocket.DefaultPath);
                Environment.SetEnvironmentVariable(AgentSocket.PathVariable, null);
                if (!OperatingSystem.IsWindows())
                {
                    string expected = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is string xdg && xdg.Length > 0
                        ? Path.Combine(xdg, "emproto", "agent.sock")
                        : Path.Combine(Path.GetTempPath(), "emproto-" + AgentSocket.CurrentUserId, "agent.sock");
                    Assert.Equal(expected, AgentSocket.DefaultPath);
                }
            }
            finally
            {
                Environment.SetEnvironmentVariable(AgentSocket.PathVariable, before);
            }
        }
    }
}
