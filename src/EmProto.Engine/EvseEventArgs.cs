using System;

namespace EmProto.Engine
{
    /// <summary>A charger was added, changed or removed.</summary>
    public sealed class EvseEventArgs : EventArgs
    {
        /// <summary>Creates the arguments.</summary>
        public EvseEventArgs(Evse evse, EvseChange? change, object? oldValue, object? newValue, DateTimeOffset time, string? message = null)
        {
            Evse = evse;
            Change = change;
            OldValue = oldValue;
            NewValue = newValue;
            Time = time;
            Message = message;
        }

        /// <summary>The charger.</summary>
        public Evse Evse { get; }

        /// <summary>Serial of the charger.</summary>
        public string Serial => Evse.Serial;

        /// <summary>What changed (null for added/removed).</summary>
        public EvseChange? Change { get; }

        /// <summary>The value before.</summary>
        public object? OldValue { get; }

        /// <summary>The value after.</summary>
        public object? NewValue { get; }

        /// <summary>When it happened.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>A sentence for people (e.g. the warning about an address change).</summary>
        public string? Message { get; }

        /// <inheritdoc/>
        public override string ToString() => Serial + " " + (Change?.ToString() ?? "") + (Message != null ? ": " + Message : "");
    }
}
