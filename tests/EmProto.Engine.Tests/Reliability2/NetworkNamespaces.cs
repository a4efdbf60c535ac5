using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace EmProto.Engine.Tests.Reliability2
{
    /// <summary>
    /// Two network namespaces joined by a veth pair on a private /24 — a real link with real
    /// broadcasts that touches none of the host's interfaces. Sockets are created inside a namespace
    /// by a thread that joined it (setns), and stay there. Needs root and iproute2; removed on Dispose.
    /// </summary>
    public sealed class NetworkNamespaces : IDisposable
    {
        private const int CloneNewNet = 0x40000000;
        private bool _created;

        public NetworkNamespaces(string subnetPrefix = "10.231.77")
        {
            string tag = (Environment.ProcessId % 100000).ToString(System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
            NamespaceA = "empA" + tag;
            NamespaceB = "empB" + tag;
            AddressA = subnetPrefix + ".1";
            AddressB = subnetPrefix + ".2";
            Broadcast = subnetPrefix + ".255";
            string vethA = "evA" + tag, vethB = "evB" + tag;
            try
            {
                Ip("netns add " + NamespaceA);
                _created = true;
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

        /// <summary>Why the test cannot run here, or null when it can (root, Linux, iproute2 with netns).</summary>
        public static string? WhyUnavailable()
        {
            if (!OperatingSystem.IsLinux()) return "network namespaces need Linux";
            if (geteuid() != 0) return "creating network namespaces needs root";
            if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip")) return "iproute2 ('ip') is not installed";
            try
            {
                Run("ip", "netns list");
            }
            catch (InvalidOperationException ex)
            {
                return "'ip netns' is not usable: " + ex.Message;
            }
            return null;
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
