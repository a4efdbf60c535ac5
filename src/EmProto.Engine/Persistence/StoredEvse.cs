using System;

namespace EmProto.Engine.Persistence
{
    /// <summary>What the store keeps of one charger (in memory; the file form is <see cref="StoreFileEvse"/>).</summary>
    internal sealed class StoredEvse
    {
        public string Serial { get; set; } = string.Empty;

        public EvseInfo? Info { get; set; }

        public EvseConfig? Config { get; set; }

        public string? Address { get; set; }

        public int Port { get; set; }

        public string? TimeZone { get; set; }

        public bool Pinned { get; set; }

        public DateTimeOffset? LastSeen { get; set; }

        public DateTimeOffset? LastStartStop { get; set; }

        public string? Password { get; set; }

        public EvseChargeRecord[]? Records { get; set; }

        /// <summary>Disconnect-Evse was used: no automatic login, in any process, until Connect-Evse.</summary>
        public bool Disconnected { get; set; }

        /// <summary>What the firmware answered among the optional requests (request name to state).</summary>
        public System.Collections.Generic.Dictionary<string, string>? Capabilities { get; set; }

        /// <summary>The software version the capabilities were learned with.</summary>
        public string? CapabilitiesFirmware { get; set; }
    }
}
