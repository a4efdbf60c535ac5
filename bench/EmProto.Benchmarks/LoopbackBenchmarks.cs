using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace EmProto.Benchmarks
{
    /// <summary>
    /// The floor under every command: one UDP request/response round trip between two sockets of
    /// this process on 127.0.0.1 (ephemeral ports), the "charger" echoing on its own thread. No
    /// protocol work: whatever a command costs above this is EmProto's.
    /// </summary>
    [BenchmarkCategory("loopback")]
    public class LoopbackBenchmarks
    {
        private Socket? _app;
        private Socket? _charger;
        private Thread? _echo;
        private EndPoint _chargerEndPoint = new IPEndPoint(IPAddress.Loopback, 0);
        private readonly byte[] _request = Vectors.Status;
        private readonly byte[] _reply = new byte[1500];

        [GlobalSetup]
        public void Setup()
        {
            _charger = Bind();
            _app = Bind();
            _chargerEndPoint = _charger.LocalEndPoint!;
            _echo = new Thread(Echo) { IsBackground = true, Name = "loopback echo" };
            _echo.Start(_charger);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _app?.Dispose();
            _charger?.Dispose();
            _echo?.Join(TimeSpan.FromSeconds(10));
        }

        [Benchmark]
        public int RoundTrip()
        {
            _app!.SendTo(_request, _chargerEndPoint);
            return _app.Receive(_reply);
        }

        private static Socket Bind()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            // A lost datagram fails the benchmark after 10 s instead of hanging it.
            socket.ReceiveTimeout = 10_000;
            return socket;
        }

        // Echoes until the socket is closed by Cleanup, and in any case for at most 15 minutes.
        private static void Echo(object? state)
        {
            var socket = (Socket)state!;
            var buffer = new byte[1500];
            EndPoint from = new IPEndPoint(IPAddress.Loopback, 0);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    int n = socket.ReceiveFrom(buffer, ref from);
                    socket.SendTo(buffer, 0, n, SocketFlags.None, from);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut) { }
                catch (SocketException) { return; }
                catch (ObjectDisposedException) { return; }
            }
        }
    }
}
