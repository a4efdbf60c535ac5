using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using EmProto.Engine;

namespace EmProto.PowerShell.Agent
{
    /// <summary>
    /// The agent's local channel: a Unix domain socket (PowerShell 7 on Linux, macOS and Windows 10 and later) in a
    /// directory only the user may enter; on Linux the agent also asks the kernel who is calling (SO_PEERCRED) and
    /// refuses other users. Windows PowerShell 5.1 has no Unix domain sockets: there, every session keeps its own
    /// communicator.
    /// </summary>
    internal static class AgentSocket
    {
        /// <summary>The environment variable that names the socket (tests, or a second agent of one user).</summary>
        public const string PathVariable = "EMPROTO_AGENT_SOCKET";

        private static readonly Type? EndPointType = Type.GetType("System.Net.Sockets.UnixDomainSocketEndPoint, System.Net.Sockets", false);

        private static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>True when this runtime has Unix domain sockets (PowerShell 7).</summary>
        public static bool IsSupported => SupportedOverride ?? EndPointType != null;

        /// <summary>For tests: behave as a runtime with (true) or without (false) Unix domain sockets; null: as this one is.</summary>
        internal static bool? SupportedOverride { get; set; }

        /// <summary>The socket a cmdlet's -SocketPath names (resolved against the current location), else <see cref="DefaultPath"/>.</summary>
        public static string PathFor(System.Management.Automation.PSCmdlet cmdlet, string? socketPath)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            return socketPath != null ? cmdlet.GetUnresolvedProviderPathFromPSPath(socketPath) : DefaultPath;
        }

        /// <summary>
        /// The socket of this user's agent: EMPROTO_AGENT_SOCKET, else $XDG_RUNTIME_DIR/emproto/agent.sock, else
        /// /tmp/emproto-&lt;uid&gt;/agent.sock (on Windows %LOCALAPPDATA%\EmProto\agent.sock).
        /// </summary>
        public static string DefaultPath
        {
            get
            {
                string? configured = Environment.GetEnvironmentVariable(PathVariable);
                if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);
                if (IsWindows) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EmProto", "agent.sock");
                string? runtimeDir = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
                if (!string.IsNullOrEmpty(runtimeDir)) return Path.Combine(runtimeDir, "emproto", "agent.sock");
                return Path.Combine(Path.GetTempPath(), "emproto-" + CurrentUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), "agent.sock");
            }
        }

        /// <summary>The effective user id of this process (Unix), or -1 (Windows).</summary>
        public static int CurrentUserId => IsWindows ? -1 : Native.geteuid();

        private static EndPoint EndPointFor(string path)
        {
            if (EndPointType == null)
                throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentUnsupported, "The EmProto agent needs PowerShell 7 (Unix domain sockets); this PowerShell keeps its own communicator.");
            return (EndPoint)Activator.CreateInstance(EndPointType, path)!;
        }

        /// <summary>
        /// Connects to the agent at <paramref name="path"/>; null when none listens there (no socket file, or a stale
        /// one). Cheap when there is no agent: one file test.
        /// </summary>
        /// <exception cref="UnauthorizedAccessException">The socket is another user's.</exception>
        public static Socket? TryConnect(string path)
        {
            if (!IsSupported || !File.Exists(path)) return null;
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(EndPointFor(path));
                return socket;
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                if (ex.SocketErrorCode == SocketError.AccessDenied) throw new UnauthorizedAccessException("The agent socket " + path + " belongs to another user.", ex);
                return null;
            }
        }

        /// <summary>
        /// Binds and listens at <paramref name="path"/>: the directory is created for this user only (0700), a stale
        /// socket file left by a dead agent is replaced, and the socket file is made 0600.
        /// </summary>
        /// <exception cref="EvseException">An agent already answers there (EvseAgentRunning), or the directory is not ours.</exception>
        public static Socket Listen(string path)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? throw new ArgumentException("The socket path needs a directory.", nameof(path));
            PrepareDirectory(directory);
            var existing = TryConnect(path);
            if (existing != null)
            {
                existing.Dispose();
                throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentRunning, "An EmProto agent already answers at " + path + ". Get-EvseAgent shows it; Stop-EvseAgent stops it.");
            }
            if (File.Exists(path)) File.Delete(path);
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Bind(EndPointFor(path));
                if (!IsWindows && Native.chmod(path, Convert.ToInt32("600", 8)) != 0)
                    throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentSocketUnsafe, "Cannot make the agent's socket " + path + " private to this user.");
                socket.Listen(32);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Creates the socket's directory and makes it this user's alone (0700).</summary>
        /// <exception cref="EvseException">It cannot be made private (it belongs to another user): EvseAgentSocketUnsafe.</exception>
        public static void PrepareDirectory(string directory)
        {
            Directory.CreateDirectory(directory);
            // Only the owner (or root) may chmod: a directory another user made for us is refused, not used.
            if (!IsWindows && Native.chmod(directory, Convert.ToInt32("700", 8)) != 0)
                throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentSocketUnsafe, "Cannot make the agent's directory " + directory + " private to this user (does it belong to another user?); give this user's agent another -SocketPath (or EMPROTO_AGENT_SOCKET).");
        }

        /// <summary>The user id of the process at the other end (Linux: SO_PEERCRED; macOS: getpeereid); null where the OS cannot say.</summary>
        public static int? PeerUserId(Socket socket)
        {
            if (IsWindows) return null;
#pragma warning disable CA1031 // best effort: a platform without the call gives "cannot say"
            try
            {
                int fd = socket.Handle.ToInt32();
                if (File.Exists("/proc/self/stat"))
                {
                    // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
                    var cred = new byte[12];
                    int length = cred.Length;
                    if (Native.getsockopt(fd, 1 /* SOL_SOCKET */, 17 /* SO_PEERCRED */, cred, ref length) != 0) return null;
                    return BitConverter.ToInt32(cred, 4);
                }
                return Native.getpeereid(fd, out int uid, out _) == 0 ? uid : (int?)null;
            }
            catch (Exception)
            {
                return null;
            }
#pragma warning restore CA1031
        }

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int geteuid();

            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            public static extern int chmod([MarshalAs(UnmanagedType.LPStr)] string path, int mode);

            [DllImport("libc", SetLastError = true)]
            public static extern int getsockopt(int socket, int level, int name, byte[] value, ref int length);

            [DllImport("libc", SetLastError = true)]
            public static extern int getpeereid(int socket, out int uid, out int gid);
        }
    }
}
