using System;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>
    /// What Register-EvseEvent delivers as $Event.SourceEventArgs: the charger (a snapshot), the event,
    /// what changed, and the values before and after.
    /// </summary>
    public sealed class EvseChargerEventArgs : EventArgs
    {
        /// <summary>Creates the arguments.</summary>
        public EvseChargerEventArgs(EvseCharger evse, EvseEventName eventName, EvseChange? change, object? oldValue, object? newValue, DateTimeOffset time, string? message)
        {
            Evse = evse ?? throw new ArgumentNullException(nameof(evse));
            EventName = eventName;
            Change = change;
            OldValue = oldValue;
            NewValue = newValue;
            Time = time;
            Message = message ?? string.Empty;
        }

        /// <summary>The charger, as it was when the event was raised.</summary>
        public EvseCharger Evse { get; }

        /// <summary>Serial of the charger.</summary>
        public string Serial => Evse.Serial;

        /// <summary>The event subscribed to.</summary>
        public EvseEventName EventName { get; }

        /// <summary>What changed (null for Added and Removed).</summary>
        public EvseChange? Change { get; }

        /// <summary>The value before (for ChargingStopped: the session that ended).</summary>
        public object? OldValue { get; }

        /// <summary>The value after (for ChargingStopped: the session that ended, with its EnergyKWh).</summary>
        public object? NewValue { get; }

        /// <summary>When it happened.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>A sentence for people, or empty.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString() => Serial + " " + EventName + (Message.Length > 0 ? ": " + Message : string.Empty);
    }
}
