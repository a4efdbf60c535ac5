namespace EmProto.Simulator
{
    /// <summary>Where a simulated charge session is in its life.</summary>
    public enum SimulatedSessionPhase
    {
        /// <summary>Planned: waiting for its reservation time (state 20).</summary>
        Reserved,
        /// <summary>Charging (state 14).</summary>
        Charging,
        /// <summary>Ended; a charge record was produced.</summary>
        Finished,
        /// <summary>A reservation that was cancelled before it began (no record).</summary>
        Cancelled,
    }
}
