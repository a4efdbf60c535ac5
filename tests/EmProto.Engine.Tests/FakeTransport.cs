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
    /// <summary>
    /// The one in-memory socket of the tests: receives nothing from a network, counts what the communicator
    /// sends and, while <see cref="Recording"/>, decodes and keeps it and lets a scripted charger answer
    /// (<see cref="OnSend"/>). With recording off it only counts, cheap enough for a million-packet flood; the
    /// store-writer child process uses it that way as a socket that sends nowhere.
    /// </summary>
    public sealed class FakeTransport : IUdpTransport
    {
        private readonly ConcurrentQueue<(Datagram Datagram, IPEndPoint To)> _sent = new ConcurrentQueue<(Datagram, IPEndPoint)>();
        private long _sendCount;

        public IPEndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 28376);

        /// <summary>Decode and keep each datagram sent, and hand it to <see cref="OnSend"/> (default); off: only count.</summary>
        public bool Recording { get; set; } = true;

        /// <summary>Every send, recorded or not.</summary>
        public long SendCount => Interlocked.Read(ref _sendCount);

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
            Interlocked.Increment(ref _sendCount);
            if (!Recording) return Task.CompletedTask;
            var error = DatagramCodec.TryDecode(buffer, 0, count, out var d, out _);
            if (error != DecodeError.None) throw new InvalidOperationException("The communicator sent a datagram that does not decode: " + error + ".");
            _sent.Enqueue((d, remote));
            OnSend?.Invoke(d, remote);
            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}
