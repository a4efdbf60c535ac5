using System;
using System.Diagnostics;
using System.IO;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// Two network namespaces joined by a veth pair on a private /24 — a real link with real
    /// broadcasts that touches none of the host's interfaces. Sockets are created inside a namespace
    /// by a thread that joined it (setns), and stay there. Needs root and iproute2; removed on Dispose.
    /// Names carry a recognisable prefix, the creating process's id and start time
    /// (<c>emproto-t&lt;pid&gt;-&lt;start&gt;-&lt;random&gt;-a|b</c>), so namespaces left behind by a test host that
    /// died (kill -9, a crash) are found and deleted by the next run (<see cref="RemoveStale"/>).
    /// </summary>
    public sealed class NetworkNamespaces : IDisposable
    {
        /// <summary>What every namespace the tests create is named with.</summary>
        public const string Prefix = "emproto-t";

        private const int CloneNewNet = 0x40000000;
        private static readonly Regex OwnName = new Regex("^" + Prefix + @"(?<pid>\d+)-(?<start>\d+)-", RegexOptions.CultureInvariant);
        private bool _created;

        public NetworkNamespaces(string subnetPrefix = "10.231.77")
        {
            RemoveStale();
            string tag = NewTag();
            NamespaceA = tag + "-a";
            NamespaceB = tag + "-b";
            AddressA = subnetPrefix + ".1";
            AddressB = subnetPrefix + ".2";
            Broadcast = subnetPrefix + ".255";
            // The veth ends are created inside the fresh namespaces, so their names cannot clash with anything.
            const string vethA = "emveth0", vethB = "emveth1";
            try
            {
                _created = true;
                Ip("netns add " + NamespaceA);
                Ip("netns add " + NamespaceB);
                Ip("-n " + NamespaceA + " link add " + vethA + " type veth peer name " + vethB + " netns " + NamespaceB);
                Ip("-n " + NamespaceA + " addr add " + AddressA + "/24 brd + dev " + vethA);
                Ip("-n " + NamespaceB + " addr add " + AddressB + "/24 brd + dev " + vethB);
                Ip("-n " + NamespaceA + " link set lo up");
                Ip("-n " + NamespaceB + " link set lo up");
                Ip("-n " + NamespaceA + " link set " + vethA + " up");
                Ip("-n " + NamespaceB + " link set " + vethB + " up");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public string NamespaceA { get; }

        public string NamespaceB { get; }

        public string AddressA { get; }

        public string AddressB { get; }

        public string Broadcast { get; }

        /// <summary>
        /// Why the test cannot run here, or null when it can. Probes by doing what the test does: creates a
        /// namespace with a veth pair in it and deletes it again. The reason names what is missing.
        /// </summary>
        public static string? WhyUnavailable()
        {
            if (!OperatingSystem.IsLinux()) return "network namespaces need Linux (this is " + RuntimeInformation.OSDescription + ")";
            if (geteuid() != 0) return "creating network namespaces needs root (running as uid " + geteuid() + ")";
            if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip") && !File.Exists("/bin/ip"))
                return "iproute2 ('ip') is not installed (Debian: apt-get install iproute2)";
            RemoveStale();
            string probe = NewTag() + "-probe";
            try
            {
                Run("ip", "netns add " + probe);
            }
            catch (InvalidOperationException ex)
            {
                return "a network namespace cannot be created here (no permission for 'ip netns add', e.g. a container without CAP_SYS_ADMIN): " + ex.Message;
            }
            try
            {
                Run("ip", "-n " + probe + " link add emveth0 type veth peer name emveth1");
            }
            catch (InvalidOperationException ex)
            {
                return "a veth link cannot be created in a network namespace here (the veth driver is missing or not permitted): " + ex.Message;
            }
            finally
            {
                TryIp("netns del " + probe);
            }
            return null;
        }

        /// <summary>
        /// Deletes the namespaces named by <see cref="Prefix"/> whose creating process is gone (its pid no
        /// longer exists, or now belongs to a process that started at another time). Returns their names.
        /// </summary>
        public static IReadOnlyList<string> RemoveStale()
        {
            var removed = new List<string>();
            const string dir = "/var/run/netns";
            if (!OperatingSystem.IsLinux() || !System.IO.Directory.Exists(dir)) return removed;
            foreach (var path in System.IO.Directory.GetFiles(dir, Prefix + "*"))
            {
                var name = Path.GetFileName(path);
                var m = OwnName.Match(name);
                if (!m.Success) continue;
                int pid = int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture);
                if (StartTime(pid) == m.Groups["start"].Value) continue; // its test host is still running
                TryIp("netns del " + name);
                removed.Add(name);
            }
            return removed;
        }

        /// <summary>Every namespace of this process that exists now (for the tests' own leak check).</summary>
        public static IReadOnlyList<string> OwnedByThisProcess()
        {
            const string dir = "/var/run/netns";
            if (!System.IO.Directory.Exists(dir)) return Array.Empty<string>();
            string mine = Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-";
            return System.IO.Directory.GetFiles(dir, mine + "*").Select(Path.GetFileName).ToList()!;
        }

        private static string NewTag() =>
            Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + (StartTime(Environment.ProcessId) ?? "0") + "-" +
            Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);

        /// <summary>A process's start time in clock ticks since boot (field 22 of /proc/&lt;pid&gt;/stat), or null when there is no such process.</summary>
        private static string? StartTime(int pid)
        {
            try
            {
                string stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
                // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
                var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                return fields[19];
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Runs <paramref name="create"/> on a thread inside namespace <paramref name="ns"/>; sockets it creates live there.</summary>
        public static T Inside<T>(string ns, Func<T> create)
        {
            T result = default!;
            Exception? error = null;
            var thread = new Thread(() =>
            {
                try
                {
                    using var handle = File.OpenHandle("/var/run/netns/" + ns);
                    if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                        throw new InvalidOperationException("setns failed: errno " + Marshal.GetLastPInvokeError());
                    result = create();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            });
            thread.Start();
            if (!thread.Join(TimeSpan.FromSeconds(60))) throw new TimeoutException("Creating inside namespace " + ns + " did not finish.");
            if (error != null) throw new InvalidOperationException("Failed inside namespace " + ns + ": " + error.Message, error);
            return result;
        }

        public void Dispose()
        {
            if (!_created) return;
            _created = false;
            // Deleting a namespace removes its end of the veth pair, which removes the other end too.
            TryIp("netns del " + NamespaceA);
            TryIp("netns del " + NamespaceB);
        }

        private static void Ip(string args) => Run("ip", args);

        private static void TryIp(string args)
        {
            try
            {
                Run("ip", args);
            }
            catch (InvalidOperationException)
            {
                // Best effort in cleanup: the namespace may not exist.
            }
        }

        private static string Run(string file, string args)
        {
            var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start " + file);
            string output = p.StandardOutput.ReadToEnd();
            string error = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(30_000)) throw new InvalidOperationException(file + " " + args + " did not finish");
            if (p.ExitCode != 0) throw new InvalidOperationException(file + " " + args + " failed (" + p.ExitCode + "): " + error.Trim());
            return output;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int setns(int fd, int nstype);

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
