using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine.Transport
{
    /// <summary>A received UDP packet.</summary>
    public readonly struct UdpPacket
    {
        /// <summary>Creates a packet.</summary>
        public UdpPacket(byte[] buffer, int count, IPEndPoint remote)
        {
            Buffer = buffer;
            Count = count;
            Remote = remote;
        }

        /// <summary>The bytes (the first <see cref="Count"/> are valid).</summary>
        public byte[] Buffer { get; }

        /// <summary>Number of valid bytes.</summary>
        public int Count { get; }

        /// <summary>The sender.</summary>
        public IPEndPoint Remote { get; }
    }

    /// <summary>The one UDP socket of a communicator, behind an interface so tests can fake it.</summary>
    public interface IUdpTransport : IDisposable
    {
        /// <summary>The bound local endpoint.</summary>
        IPEndPoint LocalEndPoint { get; }

        /// <summary>Waits for the next packet.</summary>
        Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken);

        /// <summary>Sends a packet.</summary>
        Task SendAsync(byte[] buffer, int count, IPEndPoint remote);
    }
}
