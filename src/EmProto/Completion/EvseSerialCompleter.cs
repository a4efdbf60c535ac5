using EmProto.Engine;

namespace EmProto.PowerShell.Completion
{
    /// <summary>Completes charger serials from the chargers in memory (never the network), with model, address and state as tooltip.</summary>
    public sealed class EvseSerialCompleter : EvseCompleter
    {
        /// <inheritdoc/>
        protected override string Key(Evse evse) => evse.Serial;
    }
}
