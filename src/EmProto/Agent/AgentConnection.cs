using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using EmProto.Engine;

namespace EmProto.PowerShell.Agent
{
    /// <summary>What a frame on the agent's channel carries.</summary>
    internal enum FrameKind : byte
    {
        /// <summary>Client → agent: run a command (CLIXML of the invocation).</summary>
        Invoke = 1,

        /// <summary>Client → agent: stop the command (Ctrl+C).</summary>
        Stop = 2,

        /// <summary>Client → agent: send this subscription's events until the connection closes.</summary>
        Subscribe = 3,

        /// <summary>Client → agent: describe yourself (EvseAgentInfo).</summary>
        Describe = 4,

        /// <summary>Client → agent: stop the agent.</summary>
        Shutdown = 5,

        /// <summary>Client → agent: what Watch-Evse shows of the chargers asked for, from the agent's memory (no request to them).</summary>
        Snapshot = 6,

        /// <summary>Client → agent: run a command whose parameters are all simple (<see cref="AgentInvocationText"/>).</summary>
        InvokeText = 7,

        /// <summary>Agent → client: one record of a stream (first character: the stream; then CLIXML).</summary>
        Record = 10,

        /// <summary>Agent → client: the command ended.</summary>
        Done = 11,

        /// <summary>Agent → client: one event of a subscription (CLIXML of EvseChargerEventArgs).</summary>
        Event = 12,

        /// <summary>Agent → client: the connection is refused (the text says why).</summary>
        Refused = 13,
    }

    /// <summary>
    /// One connection of the agent's channel: length-prefixed frames (4 bytes little-endian length of what follows,
    /// 1 byte kind, UTF-8 text). Writes are thread-safe; reads belong to one thread.
    /// </summary>
    internal sealed class AgentConnection : IDisposable
    {
        /// <summary>The largest frame accepted (a frame is one record or one invocation).</summary>
        public const int MaxFrame = 64 * 1024 * 1024;

        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly object _writeGate = new object();
        private readonly byte[] _header = new byte[5];
        private int _disposed;

        public AgentConnection(Socket socket)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            _stream = new NetworkStream(socket, ownsSocket: true);
        }

        /// <summary>The socket (for the peer's credentials).</summary>
        public Socket Socket => _socket;

        /// <summary>Writes one frame.</summary>
        /// <exception cref="IOException">The other end is gone.</exception>
        public void Send(FrameKind kind, string text)
        {
            var body = Encoding.UTF8.GetBytes(text ?? string.Empty);
            var frame = new byte[5 + body.Length];
            int length = body.Length + 1;
            frame[0] = (byte)length;
            frame[1] = (byte)(length >> 8);
            frame[2] = (byte)(length >> 16);
            frame[3] = (byte)(length >> 24);
            frame[4] = (byte)kind;
            Buffer.BlockCopy(body, 0, frame, 5, body.Length);
            lock (_writeGate)
            {
                try
                {
                    _stream.Write(frame, 0, frame.Length);
                }
                catch (ObjectDisposedException ex)
                {
                    throw new IOException("The agent's connection is closed.", ex);
                }
            }
        }

        /// <summary>Reads one frame; false when the other end closed the connection.</summary>
        /// <exception cref="IOException">The connection broke, or a frame is malformed.</exception>
        public bool TryReceive(out FrameKind kind, out string text)
        {
            kind = 0;
            text = string.Empty;
            if (!ReadExactly(_header, 4)) return false;
            int length = _header[0] | (_header[1] << 8) | (_header[2] << 16) | (_header[3] << 24);
            if (length < 1 || length > MaxFrame) throw new IOException("A malformed frame on the agent's channel (length " + length + ").");
            var body = new byte[length];
            if (!ReadExactly(body, length)) throw new IOException("The agent's connection closed in the middle of a frame.");
            kind = (FrameKind)body[0];
            text = Encoding.UTF8.GetString(body, 1, length - 1);
            return true;
        }

        private bool ReadExactly(byte[] buffer, int count)
        {
            int read = 0;
            while (read < count)
            {
                int n;
                try
                {
                    n = _stream.Read(buffer, read, count - read);
                }
                catch (ObjectDisposedException)
                {
                    return false;
                }
                if (n == 0)
                {
                    if (read == 0) return false;
                    throw new IOException("The agent's connection closed in the middle of a frame.");
                }
                read += n;
            }
            return true;
        }

        /// <summary>Closes the connection (the other end reads end-of-stream).</summary>
        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 1) return;
#pragma warning disable CA1031 // closing a socket whose peer is gone
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception)
            {
                // Already closed by the other end.
            }
#pragma warning restore CA1031
            _stream.Dispose();
        }

        /// <summary>The error for a connection the agent refused.</summary>
        public static EvseException Refused(string why) => new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentRefused, why);
    }
}
