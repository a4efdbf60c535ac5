using System;
using System.Globalization;
using System.IO;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>The kernel's view of a local UDP socket (Linux /proc/net/udp): bytes waiting in its receive queue and datagrams it dropped.</summary>
    public readonly struct UdpQueue
    {
        private UdpQueue(int rxQueue, long drops)
        {
            RxQueue = rxQueue;
            Drops = drops;
        }

        /// <summary>Bytes queued for the receiver; -1 when unknown.</summary>
        public int RxQueue { get; }

        /// <summary>Datagrams the kernel dropped (receive buffer full); -1 when unknown.</summary>
        public long Drops { get; }

        /// <summary>Reads the socket bound to 127.0.0.1:<paramref name="port"/>; unknown values on other systems.</summary>
        public static UdpQueue Read(int port)
        {
            const string Path = "/proc/net/udp";
            if (!File.Exists(Path)) return new UdpQueue(-1, -1);
            string local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
            foreach (var line in File.ReadLines(Path))
            {
                var f = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 13 || f[1] != local) continue;
                int rx = int.Parse(f[4].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return new UdpQueue(rx, long.Parse(f[f.Length - 1], CultureInfo.InvariantCulture));
            }
            return new UdpQueue(-1, -1);
        }
    }
}
