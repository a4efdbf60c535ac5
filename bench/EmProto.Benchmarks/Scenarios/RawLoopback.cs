using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>
    /// The raw floor measured the same way as the commands (one Stopwatch sample per round trip): a
    /// request socket and an echoing "charger" socket in this process on 127.0.0.1, ephemeral ports.
    /// </summary>
    public static class RawLoopback
    {
        /// <summary>Measures <paramref name="iterations"/> round trips after <paramref name="warmup"/> unmeasured ones.</summary>
        public static Samples Measure(int iterations, int warmup)
        {
            using var charger = Bind();
            using var app = Bind();
            var echo = new Thread(() => Echo(charger, warmup + iterations)) { IsBackground = true, Name = "raw echo" };
            echo.Start();
            var request = Vectors.Status;
            var reply = new byte[1500];
            var target = charger.LocalEndPoint!;
            var samples = new Samples();
            for (int i = 0; i < warmup + iterations; i++)
            {
                long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                app.SendTo(request, target);
                app.Receive(reply);
                if (i >= warmup) samples.AddSince(t0);
            }
            if (!echo.Join(TimeSpan.FromSeconds(10))) throw new TimeoutException("The echo thread did not finish.");
            return samples;
        }

        private static Socket Bind()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.ReceiveTimeout = 10_000;
            return socket;
        }

        // Echoes exactly `count` datagrams (a lost one ends the run through the 10 s receive timeout).
        private static void Echo(Socket socket, int count)
        {
            var buffer = new byte[1500];
            EndPoint from = new IPEndPoint(IPAddress.Loopback, 0);
            for (int i = 0; i < count; i++)
            {
                int n = socket.ReceiveFrom(buffer, ref from);
                socket.SendTo(buffer, 0, n, SocketFlags.None, from);
            }
        }
    }
}
