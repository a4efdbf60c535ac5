using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine.Transport
{
    /// <summary>
    /// A UDP socket bound exclusively (no address reuse) so that a second program on the same
    /// port fails loudly instead of stealing replies; broadcast enabled.
    /// </summary>
    public sealed class UdpSocketTransport : IUdpTransport
    {
        private readonly Socket _socket;
        private readonly byte[] _buffer = new byte[65536];

        private UdpSocketTransport(Socket socket)
        {
            _socket = socket;
            LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        }

        /// <inheritdoc/>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>Binds a socket.</summary>
        /// <exception cref="EvseException">The port is in use (ErrorId EvsePortInUse) or cannot be bound.</exception>
        public static UdpSocketTransport Bind(IPAddress address, int port, bool enableBroadcast)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.ExclusiveAddressUse = true;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            }
            catch (SocketException)
            {
                // Not every platform allows setting these; a plain bind still refuses a taken port.
            }
            try
            {
                socket.EnableBroadcast = enableBroadcast;
                RequestReceiveBuffer(socket);
                socket.Bind(new IPEndPoint(address, port));
                if (Environment.OSVersion.Platform == PlatformID.Win32NT)
                {
                    // Windows reports ICMP port-unreachable as a receive error (WSAECONNRESET): turn that off.
                    const int SioUdpConnReset = -1744830452;
                    socket.IOControl(SioUdpConnReset, new byte[] { 0 }, null);
                }
                return new UdpSocketTransport(socket);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                if (ex.SocketErrorCode == SocketError.AddressAlreadyInUse || ex.SocketErrorCode == SocketError.AccessDenied)
                {
                    string? owner = port == 0 ? null : PortOwner.Describe(port);
                    throw new EvseException(EvseErrorKind.Connection, ErrorIds.PortInUse,
                        "UDP port " + port + " on " + address + " is already in use by another program (often another EVSE app or a second PowerShell process using EmProto)" +
                        (owner != null ? ": " + owner + ". " : ". ") +
                        "Chargers send to port 28376, and two programs on that port steal each other's replies. Stop the other program, or choose another port with Start-EvseCommunicator -Port <n> (chargers then only reach you by -IPAddress).",
                        null, ex);
                }
                throw new EvseException(EvseErrorKind.Connection, ErrorIds.SocketError, "Cannot bind UDP " + address + ":" + port + ": " + ex.Message, null, ex);
            }
        }

        /// <summary>The receive buffer asked for: room for a burst of replies from a large fleet (see <see cref="RequestReceiveBuffer"/>).</summary>
        public const int ReceiveBufferBytes = 4 * 1024 * 1024;

        /// <summary>
        /// Asks for a <see cref="ReceiveBufferBytes"/> receive buffer. The default (about 208 KB on Linux,
        /// roughly 200 queued datagrams once the kernel's per-packet overhead is counted) overflows when a
        /// thousand chargers answer a login burst at once, and the kernel then drops replies silently. The
        /// system may grant less (Linux caps it at net.core.rmem_max); that is not an error.
        /// </summary>
        private static void RequestReceiveBuffer(Socket socket)
        {
            try
            {
                if (socket.ReceiveBufferSize < ReceiveBufferBytes) socket.ReceiveBufferSize = ReceiveBufferBytes;
            }
            catch (SocketException)
            {
                // Refused: the default buffer still works, only large bursts may be dropped and retried.
            }
        }

        /// <summary>
        /// Waits for the next packet on the calling thread and returns it as a completed task. The communicator
        /// calls it from its own receive thread, which the kernel wakes directly when a packet arrives: no
        /// thread-pool hop between the socket and the code that completes the waiting request. A wait in progress
        /// ends when the transport is disposed (the communicator cancels, then disposes); the token is looked at
        /// before each wait. The returned buffer is reused by the next call: process it first.
        /// </summary>
        public Task<UdpPacket> ReceiveAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n;
                try
                {
                    n = _socket.ReceiveFrom(_buffer, 0, _buffer.Length, SocketFlags.None, ref from);
                }
                catch (SocketException ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
                catch (SocketException) when (cancellationToken.IsCancellationRequested)
                {
                    // Closed by Stop: the blocking call was interrupted.
                    throw new OperationCanceledException(cancellationToken);
                }
                return Task.FromResult(new UdpPacket(_buffer, n, (IPEndPoint)from));
            }
        }

        private static bool IsTransient(SocketException ex) =>
            ex.SocketErrorCode == SocketError.ConnectionReset || ex.SocketErrorCode == SocketError.MessageSize ||
            ex.SocketErrorCode == SocketError.NetworkReset || ex.SocketErrorCode == SocketError.HostUnreachable ||
            ex.SocketErrorCode == SocketError.NetworkUnreachable;

        /// <inheritdoc/>
        public Task SendAsync(byte[] buffer, int count, IPEndPoint remote)
        {
            try
            {
                _socket.SendTo(buffer, 0, count, SocketFlags.None, remote);
            }
            catch (SocketException ex) when (IsTransient(ex))
            {
                // UDP: a send that the network refuses is a lost packet; retries handle it.
            }
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public void Dispose() => _socket.Dispose();
    }
}
