using System;

namespace EmProto.PowerShell
{
    /// <summary>The user's agent: the process that owns the chargers' port, the store and the sessions for every EmProto session of the user.</summary>
    public sealed class EvseAgentInfo
    {
        /// <summary>The agent's process id.</summary>
        public int ProcessId { get; set; }

        /// <summary>The socket file sessions reach it on.</summary>
        public string SocketPath { get; set; } = string.Empty;

        /// <summary>The UDP endpoint it listens on for the chargers (address:port).</summary>
        public string LocalEndPoint { get; set; } = string.Empty;

        /// <summary>Its known-chargers file.</summary>
        public string StorePath { get; set; } = string.Empty;

        /// <summary>When it started (UTC).</summary>
        public DateTime StartedAt { get; set; }

        /// <summary>The user it runs as.</summary>
        public string UserName { get; set; } = string.Empty;

        /// <summary>Chargers it knows.</summary>
        public int Chargers { get; set; }

        /// <summary>Chargers it is logged in to.</summary>
        public int Connected { get; set; }

        /// <summary>Sessions (connections of EmProto sessions) open now, this query included.</summary>
        public int Sessions { get; set; }

        /// <summary>The module version the agent runs.</summary>
        public string Version { get; set; } = string.Empty;

        /// <inheritdoc/>
        public override string ToString() => "EmProto agent " + ProcessId + " at " + SocketPath;
    }
}
