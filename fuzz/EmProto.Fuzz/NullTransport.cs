using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Transport;

namespace EmProto.Fuzz
{
    /// <summary>A socket that never receives and discards what is sent: packets come in through HandlePacket.</summary>
    internal sealed class NullTransport : IUdpTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 28376);

        public long Sent { get; private set; }

        public Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith<UdpPacket>(_ => throw new TaskCanceledException(), TaskScheduler.Default);

        public Task SendAsync(byte[] buffer, int count, IPEndPoint remote)
        {
            Sent++;
            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}
