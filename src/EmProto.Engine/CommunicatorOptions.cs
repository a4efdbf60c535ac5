using System;
using System.Net;
using EmProto.Engine.Transport;

namespace EmProto.Engine
{
    /// <summary>Settings of a <see cref="EvseCommunicator"/>. Defaults suit a home LAN.</summary>
    public sealed class CommunicatorOptions
    {
        /// <summary>The port chargers send to.</summary>
        public const int DefaultPort = 28376;

        /// <summary>
        /// The port the active discovery probe is broadcast to. Chargers listen on no documented
        /// port; other clients use 7248 (a guess that some firmware answers). Listening for the
        /// chargers' own Login broadcasts needs no probe at all.
        /// </summary>
        public const int DefaultProbePort = 7248;

        /// <summary>Local address to bind (default any).</summary>
        public IPAddress LocalAddress { get; set; } = IPAddress.Any;

        /// <summary>Local port (default 28376; 0 = any free port, for tests).</summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>Allow sending and receiving broadcasts (default on).</summary>
        public bool EnableBroadcast { get; set; } = true;

        /// <summary>A charger is offline after this much silence (default 11 s).</summary>
        public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(11);

        /// <summary>A login session has lapsed after this long without a Heading (default 15 s).</summary>
        public TimeSpan SessionLapseAfter { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>How long to wait for an answer before resending (default 1.5 s).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

        /// <summary>
        /// The shortest wait before a request is resent (default 250 ms). Each charger's wait is measured
        /// (smoothed round trip plus four deviations) and kept between this and <see cref="RequestTimeout"/>;
        /// requests are resent until their whole budget (<see cref="RequestTimeout"/> × (<see cref="RetryCount"/> + 1))
        /// is spent, so many more tries fit into the same time on a lossy network.
        /// </summary>
        public TimeSpan MinRetransmitTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>The wait before the first resend to a charger whose round trip is not measured yet (default 500 ms).</summary>
        public TimeSpan InitialRetransmitTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// The budget of an optional request (one some firmware ignores, e.g. 0x8006): after it the caller
        /// falls back to what the charger pushes (default 2 s; never more than a core request's budget).
        /// </summary>
        public TimeSpan OptionalRequestBudget { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>How many times a request is resent after the first try (default 4: five tries in all).</summary>
        public int RetryCount { get; set; } = 4;

        /// <summary>Configuration older than this is read again in the background (default 120 s).</summary>
        public TimeSpan ConfigRefreshInterval { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>Minimum interval between starts/stops of one charger (default 60 s).</summary>
        public TimeSpan WearGuardInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Ignore datagrams for a known charger that come from another address.</summary>
        public bool PinAddresses { get; set; }

        /// <summary>Where the active discovery probe is sent (default the LAN broadcast address, port 7248).</summary>
        public IPEndPoint ProbeTarget { get; set; } = new IPEndPoint(IPAddress.Broadcast, DefaultProbePort);

        /// <summary>
        /// The most chargers kept in memory (default 4096). Datagrams announcing further serials are
        /// dropped (counted as RegistryFull), so forged broadcasts cannot grow memory without bound.
        /// </summary>
        public int MaxChargers { get; set; } = 4096;

        /// <summary>The known-chargers file; null keeps everything in memory only.</summary>
        public string? StorePath { get; set; }

        /// <summary>The time zone of chargers whose zone was not set (default: this host's).</summary>
        public TimeZoneInfo DefaultTimeZone { get; set; } = TimeZoneInfo.Local;

        /// <summary>How often the housekeeping runs (offline detection, re-login, refresh). Default 1 s.</summary>
        public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The clock of every timeout and cadence.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Creates the socket (tests replace it).</summary>
        public Func<CommunicatorOptions, IUdpTransport> TransportFactory { get; set; } =
            o => UdpSocketTransport.Bind(o.LocalAddress, o.Port, o.EnableBroadcast);

        /// <summary>A copy.</summary>
        public CommunicatorOptions Clone() => (CommunicatorOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentException"/> for values that cannot work.</summary>
        public void Validate()
        {
            if (Port < 0 || Port > 65535) throw new ArgumentException("Port must be 0-65535; got " + Port + ".", nameof(Port));
            if (RetryCount < 0 || RetryCount > 20) throw new ArgumentException("RetryCount must be 0-20; got " + RetryCount + ".", nameof(RetryCount));
            if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(1)) throw new ArgumentException("RequestTimeout must be above 0 and at most 1 minute; got " + RequestTimeout + ".", nameof(RequestTimeout));
            if (MinRetransmitTimeout <= TimeSpan.Zero) throw new ArgumentException("MinRetransmitTimeout must be positive; got " + MinRetransmitTimeout + ".", nameof(MinRetransmitTimeout));
            if (InitialRetransmitTimeout <= TimeSpan.Zero) throw new ArgumentException("InitialRetransmitTimeout must be positive; got " + InitialRetransmitTimeout + ".", nameof(InitialRetransmitTimeout));
            if (OptionalRequestBudget <= TimeSpan.Zero) throw new ArgumentException("OptionalRequestBudget must be positive; got " + OptionalRequestBudget + ".", nameof(OptionalRequestBudget));
            if (OfflineAfter <= TimeSpan.Zero) throw new ArgumentException("OfflineAfter must be positive; got " + OfflineAfter + ".", nameof(OfflineAfter));
            if (MaxChargers < 1) throw new ArgumentException("MaxChargers must be at least 1; got " + MaxChargers + ".", nameof(MaxChargers));
            if (WearGuardInterval < TimeSpan.Zero) throw new ArgumentException("WearGuardInterval must not be negative.", nameof(WearGuardInterval));
        }
    }
}
