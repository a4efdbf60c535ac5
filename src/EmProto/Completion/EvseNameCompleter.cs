using EmProto.Engine;

namespace EmProto.PowerShell.Completion
{
    /// <summary>Completes charger names from the chargers in memory (never the network), with serial, model, address and state as tooltip.</summary>
    public sealed class EvseNameCompleter : EvseCompleter
    {
        /// <inheritdoc/>
        protected override string Key(Evse evse) => evse.Name;
    }
}
