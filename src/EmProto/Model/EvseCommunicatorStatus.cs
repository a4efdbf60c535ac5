using System;
using System.Collections.Generic;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>The state of the process's communicator: endpoint, chargers and counters (the counters as the engine's snapshot reports them).</summary>
    public sealed class EvseCommunicatorStatus
    {
        /// <summary>True while the socket is open.</summary>
        public bool IsRunning { get; set; }

        /// <summary>The local address bound.</summary>
        public string LocalAddress { get; set; } = string.Empty;

        /// <summary>The local UDP port bound (0 when not running).</summary>
        public int Port { get; set; }

        /// <summary>When it was started (UTC).</summary>
        public DateTime? StartedAt { get; set; }

        /// <summary>The known-chargers file, or empty for memory only.</summary>
        public string StorePath { get; set; } = string.Empty;

        /// <summary>Why the known-chargers file cannot be used, or empty.</summary>
        public string StoreProblem { get; set; } = string.Empty;

        /// <summary>Chargers known.</summary>
        public int Chargers { get; set; }

        /// <summary>Chargers online.</summary>
        public int Online { get; set; }

        /// <summary>Chargers with a live login session.</summary>
        public int Connected { get; set; }

        /// <summary>UDP packets received.</summary>
        public long PacketsReceived { get; set; }

        /// <summary>Valid datagrams received.</summary>
        public long DatagramsReceived { get; set; }

        /// <summary>Datagrams sent.</summary>
        public long DatagramsSent { get; set; }

        /// <summary>Requests resent.</summary>
        public long Retries { get; set; }

        /// <summary>Requests that used up their retries.</summary>
        public long Timeouts { get; set; }

        /// <summary>Packets and datagrams dropped, in all.</summary>
        public long Dropped { get; set; }

        /// <summary>Drops by reason (only reasons that occurred).</summary>
        public Dictionary<string, long> DroppedByReason { get; set; } = new Dictionary<string, long>();

        /// <summary>Request timeout per try.</summary>
        public TimeSpan RequestTimeout { get; set; }

        /// <summary>Resends after the first try.</summary>
        public int RetryCount { get; set; }

        /// <summary>Silence after which a charger is offline.</summary>
        public TimeSpan OfflineAfter { get; set; }

        /// <summary>Event handlers attached to the communicator (Register-EvseEvent subscriptions, running cmdlets, the module's own).</summary>
        public int EventSubscribers { get; set; }

        /// <summary>Where the communicator runs: InProcess (this pwsh's own), or Agent (the user's agent process).</summary>
        public string Mode { get; set; } = "InProcess";

        /// <summary>With Mode Agent: the agent's process id (else 0).</summary>
        public int AgentProcessId { get; set; }

        /// <summary>With Mode Agent: the agent's socket (else empty).</summary>
        public string AgentSocketPath { get; set; } = string.Empty;

        /// <summary>A status of a communicator (or of none).</summary>
        public static EvseCommunicatorStatus From(EvseCommunicator? communicator)
        {
            var status = new EvseCommunicatorStatus();
            if (communicator == null) return status;
            var ep = communicator.LocalEndPoint;
            status.IsRunning = communicator.IsRunning;
            status.LocalAddress = ep?.Address.ToString() ?? communicator.Options.LocalAddress.ToString();
            status.Port = ep?.Port ?? 0;
            status.StartedAt = communicator.StartedAt?.UtcDateTime;
            status.StorePath = communicator.Options.StorePath ?? string.Empty;
            status.StoreProblem = communicator.StoreProblem ?? string.Empty;
            foreach (var e in communicator.GetEvses())
            {
                status.Chargers++;
                if (e.IsOnline) status.Online++;
                if (e.IsLoggedIn) status.Connected++;
            }
            var counters = communicator.Counters.Snapshot();
            status.PacketsReceived = counters.PacketsReceived;
            status.DatagramsReceived = counters.DatagramsReceived;
            status.DatagramsSent = counters.DatagramsSent;
            status.Retries = counters.Retries;
            status.Timeouts = counters.Timeouts;
            status.Dropped = counters.Dropped;
            status.DroppedByReason = counters.DroppedByReason;
            status.RequestTimeout = communicator.Options.RequestTimeout;
            status.RetryCount = communicator.Options.RetryCount;
            status.OfflineAfter = communicator.Options.OfflineAfter;
            status.EventSubscribers = communicator.EventSubscriberCount;
            return status;
        }

        /// <inheritdoc/>
        public override string ToString() => IsRunning ? LocalAddress + ":" + Port + ", " + Chargers + " chargers" : "not running";
    }
}
