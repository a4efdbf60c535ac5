using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Transport;

namespace EmProto.StoreWriter
{
    /// <summary>A socket that receives nothing and sends nowhere: the store writer needs no network.</summary>
    internal sealed class SilentTransport : IUdpTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 0);

        public Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith<UdpPacket>(_ => throw new TaskCanceledException(), TaskScheduler.Default);

        public Task SendAsync(byte[] buffer, int count, IPEndPoint remote) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
