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
        /// <summary>The charger's address changed (or a datagram claimed it from elsewhere).</summary>
        Address,
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
