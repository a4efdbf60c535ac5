using System.Collections.Generic;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    /// <summary>
    /// The charge records a simulated charger has not had acknowledged yet, oldest first; the
    /// oldest is the one (re)sent. Not thread-safe: the owning charger calls it under its lock.
    /// </summary>
    internal sealed class ChargeRecordQueue
    {
        private readonly List<ChargeRecordPayload> _pending = new List<ChargeRecordPayload>();

        /// <summary>Records waiting for an acknowledgement.</summary>
        internal int Count => _pending.Count;

        /// <summary>The record to send next, or null when none is waiting.</summary>
        internal ChargeRecordPayload? Next => _pending.Count > 0 ? _pending[0] : null;

        /// <summary>Adds a finished session's record behind the waiting ones.</summary>
        internal void Add(ChargeRecordPayload record) => _pending.Add(record);

        /// <summary>
        /// Removes the record with this charge id, or the oldest when <paramref name="chargeId"/> is null
        /// (the one-byte acknowledge form); false when nothing matched.
        /// </summary>
        internal bool Acknowledge(string? chargeId)
        {
            if (_pending.Count == 0) return false;
            if (chargeId == null)
            {
                _pending.RemoveAt(0);
                return true;
            }
            return _pending.RemoveAll(r => r.ChargeId == chargeId) > 0;
        }
    }
}
