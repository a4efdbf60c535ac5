namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>Counters summed over a simulator fleet.</summary>
    /// <param name="Sent">Packets the simulators sent.</param>
    /// <param name="Received">Packets the simulators received.</param>
    /// <param name="Registered">Simulators that have registered the app.</param>
    /// <param name="SendErrors">Failed sends.</param>
    public sealed record FleetStats(long Sent, long Received, long Registered, long SendErrors);
}
