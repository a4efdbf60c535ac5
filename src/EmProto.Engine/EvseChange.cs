namespace EmProto.Engine
{
    /// <summary>What changed about a charger.</summary>
    public enum EvseChange
    {
        /// <summary>Identity or versions.</summary>
        Info,
        /// <summary>Live status (any reading).</summary>
        State,
        /// <summary>The overall state (meta state) changed.</summary>
        StateChanged,
        /// <summary>Configuration.</summary>
        Config,
        /// <summary>Charging session.</summary>
        Session,
        /// <summary>Online/offline.</summary>
        Online,
        /// <summary>Logged in or out.</summary>
        Login,
        /// <summary>The charger's address changed (or a datagram claimed it from elsewhere): it may be an impostor.</summary>
        Address,
        /// <summary>
        /// The charger restarted: it announced itself (Login) from a new source port of the same IP address.
        /// The new address is used; OldValue and NewValue are the endpoints. Not a warning.
        /// </summary>
        Restarted,
        /// <summary>A charge record arrived.</summary>
        Record,
        /// <summary>Charging began.</summary>
        ChargingStarted,
        /// <summary>Charging ended.</summary>
        ChargingStopped,
        /// <summary>Error bits appeared or changed.</summary>
        Error,
    }
}
