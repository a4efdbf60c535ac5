using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace EmProto.Engine.Transport
{
    /// <summary>
    /// Who holds a UDP port, for the EvsePortInUse message (best effort, Linux only): the sockets bound to the
    /// port in /proc/net/udp and udp6, their owner's user name, and the processes of ours that have them open
    /// (another user's processes cannot be looked into, so only the user is named then). Never throws.
    /// </summary>
    internal static class PortOwner
    {
        private static readonly char[] Blank = { ' ' };

        /// <summary>A phrase such as "process 1234 (pwsh) of user alice", or null when nothing can be said.</summary>
        public static string? Describe(int port)
        {
            // Linux has /proc/net/udp; elsewhere (Windows, macOS) there is nothing to read.
            if (System.Environment.OSVersion.Platform != System.PlatformID.Unix || !File.Exists("/proc/net/udp")) return null;
#pragma warning disable CA1031 // a description for an error message: any failure means "nothing to say"
            try
            {
                var sockets = new Dictionary<string, string>();
                Collect("/proc/net/udp", port, sockets);
                Collect("/proc/net/udp6", port, sockets);
                if (sockets.Count == 0) return null;
                var owners = new List<string>();
                foreach (var kv in sockets)
                {
                    string user = UserName(kv.Value);
                    var processes = ProcessesWithSocket(kv.Key);
                    owners.Add(processes.Count > 0 ? string.Join(", ", processes) + " of user " + user : "a process of user " + user);
                }
                return string.Join("; ", owners);
            }
            catch (System.Exception)
            {
                return null;
            }
#pragma warning restore CA1031
        }

        /// <summary>Adds inode → uid for each socket bound to the port (fields: sl, local, remote, st, queues, tr, retrnsmt, uid, timeout, inode).</summary>
        private static void Collect(string table, int port, Dictionary<string, string> sockets)
        {
            if (!File.Exists(table)) return;
            string hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
            foreach (var line in File.ReadAllLines(table))
            {
                var f = line.Split(Blank, System.StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || !f[1].EndsWith(hexPort, System.StringComparison.OrdinalIgnoreCase)) continue;
                if (f[9] != "0") sockets[f[9]] = f[7];
            }
        }

        private static string UserName(string uid)
        {
            if (File.Exists("/etc/passwd"))
            {
                foreach (var line in File.ReadAllLines("/etc/passwd"))
                {
                    var f = line.Split(':');
                    if (f.Length > 2 && f[2] == uid) return f[0];
                }
            }
            return "uid " + uid;
        }

        /// <summary>The processes we may look into that have the socket open, as "process 1234 (name)".</summary>
        private static List<string> ProcessesWithSocket(string inode)
        {
            var found = new List<string>();
            string target = "socket:[" + inode + "]";
            var buffer = new byte[256];
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                string pid = Path.GetFileName(dir);
                if (pid.Length == 0 || !char.IsDigit(pid[0])) continue;
                string[] fds;
                try
                {
                    fds = Directory.GetFiles(Path.Combine(dir, "fd"));
                }
                catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var fd in fds)
                {
                    int n = ReadLink(Encoding.UTF8.GetBytes(fd + "\0"), buffer, buffer.Length);
                    if (n <= 0 || Encoding.ASCII.GetString(buffer, 0, n) != target) continue;
                    found.Add("process " + pid + " (" + ProcessName(dir) + ")");
                    break;
                }
            }
            return found;
        }

        private static string ProcessName(string dir)
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var words = new List<string>();
                foreach (var w in cmdline)
                {
                    if (w.Length == 0) continue;
                    words.Add(Path.GetFileName(w));
                    if (words.Count == 2) break;
                }
                if (words.Count > 0) return string.Join(" ", words);
            }
            catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
            {
                // Fall back to the short name below.
            }
            return File.Exists(Path.Combine(dir, "comm")) ? File.ReadAllText(Path.Combine(dir, "comm")).Trim() : "?";
        }

        /// <summary>readlink(2); the path as NUL-terminated UTF-8 bytes.</summary>
        [DllImport("libc", EntryPoint = "readlink", SetLastError = true)]
        private static extern int ReadLink(byte[] path, byte[] buffer, int size);
    }
}
