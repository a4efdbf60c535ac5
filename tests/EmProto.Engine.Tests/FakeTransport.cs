using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Transport;
using EmProto.Protocol;

namespace EmProto.Engine.Tests
{
    /// <summary>An in-memory socket: records what the communicator sends and lets a scripted charger answer.</summary>
    public sealed class FakeTransport : IUdpTransport
    {
        private readonly TaskCompletionSource<UdpPacket> _never = new TaskCompletionSource<UdpPacket>();
        private readonly ConcurrentQueue<(Datagram Datagram, IPEndPoint To)> _sent = new ConcurrentQueue<(Datagram, IPEndPoint)>();

        public IPEndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 28376);

        /// <summary>Called for every datagram the communicator sends (on the sending thread).</summary>
        public Action<Datagram, IPEndPoint>? OnSend { get; set; }

        public IReadOnlyList<(Datagram Datagram, IPEndPoint To)> Sent => _sent.ToArray();

        public int CountSent(EmCommand command)
        {
            int n = 0;
            foreach (var s in _sent) if (s.Datagram.Command == command) n++;
            return n;
        }

        public Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken)
        {
            var tcs = new TaskCompletionSource<UdpPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => tcs.TrySetCanceled());
            return tcs.Task;
        }

        public Task SendAsync(byte[] buffer, int count, IPEndPoint remote)
        {
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(buffer, 0, count, out var d, out _));
            _sent.Enqueue((d, remote));
            OnSend?.Invoke(d, remote);
            return Task.CompletedTask;
        }

        public void Dispose() => _never.TrySetCanceled();
    }
}
