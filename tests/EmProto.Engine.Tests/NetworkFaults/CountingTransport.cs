using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine.Transport;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// A fake socket that only counts what the communicator sends (cheap enough for a million
    /// packets), or hands it to a <see cref="FakeTransport"/> once <see cref="Forward"/> is set.
    /// </summary>
    public sealed class CountingTransport : IUdpTransport
    {
        private long _sent;

        public IPEndPoint LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 28376);

        public FakeTransport? Forward { get; set; }

        public long Sent => Interlocked.Read(ref _sent);

        public Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken)
        {
            var tcs = new TaskCompletionSource<UdpPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => tcs.TrySetCanceled());
            return tcs.Task;
        }

        public Task SendAsync(byte[] buffer, int count, IPEndPoint remote)
        {
            Interlocked.Increment(ref _sent);
            return Forward?.SendAsync(buffer, count, remote) ?? Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}
