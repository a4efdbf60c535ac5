namespace EmProto.Engine
{
    /// <summary>The overall state of a charger, computed from the protocol-level states.</summary>
    public enum EvseMetaState
    {
        /// <summary>No status received yet (not logged in, or just connected).</summary>
        Unknown = 0,
        /// <summary>No datagrams for longer than the offline threshold.</summary>
        Offline,
        /// <summary>No car plugged in.</summary>
        Idle,
        /// <summary>A car is plugged in, not charging.</summary>
        PluggedIn,
        /// <summary>Charging.</summary>
        Charging,
        /// <summary>A charge is planned (reservation).</summary>
        Reserved,
        /// <summary>The session has finished; the car is still plugged in.</summary>
        Finished,
        /// <summary>The charger reports an error or a fault state.</summary>
        Error,
        /// <summary>Online, but no login session: the last status is not current (connect to see the live state).</summary>
        NotLoggedIn,
        /// <summary>The charger refused the stored password; no automatic login until Connect-Evse gives the right one.</summary>
        AuthenticationFailed,
        /// <summary>Disconnect-Evse handed the charger back (to the phone app): no automatic login until Connect-Evse.</summary>
        Disconnected,
    }
}
