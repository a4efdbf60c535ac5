namespace EmProto.PowerShell
{
    /// <summary>The charger events Register-EvseEvent can subscribe to.</summary>
    public enum EvseEventName
    {
        /// <summary>Anything about a charger changed (state readings, configuration, session, online, login, ...).</summary>
        Changed,
        /// <summary>A charger appeared.</summary>
        Added,
        /// <summary>A charger was forgotten (Remove-Evse).</summary>
        Removed,
        /// <summary>The overall state changed (Idle, PluggedIn, Charging, ...).</summary>
        StateChanged,
        /// <summary>Charging began.</summary>
        ChargingStarted,
        /// <summary>Charging ended; NewValue is the session that ended.</summary>
        ChargingStopped,
        /// <summary>The charger reports an error (error bits set).</summary>
        Error,
        /// <summary>A charger came online.</summary>
        Online,
        /// <summary>A charger went offline.</summary>
        Offline,
        /// <summary>A charger runs another software version than before (a firmware update); OldValue and NewValue are the versions.</summary>
        FirmwareChanged,
    }
}
