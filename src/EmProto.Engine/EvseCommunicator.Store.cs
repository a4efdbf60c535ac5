using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EmProto.Engine.Persistence;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>The known-chargers store: loading at start, saves through one background writer (never on the receive path), import.</summary>
    public sealed partial class EvseCommunicator
    {
        // ------------------------------------------------------------------ persistence

        /// <summary>Notes a charger to be written; with <paramref name="saveNow"/> also asks the background writer to write soon.</summary>
        internal void MarkDirty(Evse evse, bool saveNow = false)
        {
            lock (_storeLock) _dirty.Add(evse.Serial);
            if (saveNow) RequestSave();
        }

        /// <summary>Asks the background writer for a write (never writes on the caller's thread).</summary>
        internal Task RequestSave() => _storeWriter?.Request() ?? Task.CompletedTask;

        /// <summary>
        /// Completes when everything changed so far has been written to the store by the background writer
        /// (at once when there is no store or the communicator is stopped).
        /// </summary>
        public Task FlushStoreAsync() => RequestSave();

        /// <summary>Writes the background writer has completed (for tests and diagnostics).</summary>
        internal long StoreWrites => _storeWriter?.Writes ?? 0;

        private void LoadStore()
        {
            if (Options.StorePath == null) return;
            try
            {
                var stored = EvseStore.Load(Options.StorePath);
                foreach (var s in stored)
                {
                    if (!EvseSerial.TryParse(s.Serial, out var serial)) continue;
                    var evse = GetOrAdd(serial, out _);
                    evse.LoadStored(s);
                }
                StoreError = null;
            }
            catch (EvseException ex)
            {
                StoreError = ex;
            }
        }

        /// <summary>Writes the known chargers to the store now (merging with what other processes wrote).</summary>
        public void Save()
        {
            var path = Options.StorePath;
            // An unreadable file is kept as it is (never overwritten); a locked or unwritable one is tried again.
            if (path == null || StoreError?.ErrorId == ErrorIds.StoreUnreadable) return;
            // One save at a time, from its snapshot to its merge: a save whose snapshot was taken before a
            // Remove-Evse must not write the removed charger back after the removal's own save.
            lock (_saveGate)
            {
                SaveSnapshot(path);
            }
        }

        private void SaveSnapshot(string path)
        {
            List<StoredEvse> ours;
            HashSet<string> removed;
            lock (_storeLock)
            {
                if (_dirty.Count == 0 && _removed.Count == 0) return;
                ours = new List<StoredEvse>();
                foreach (var serial in _dirty)
                {
                    // Only chargers we connected to (or were told the address of) are worth a line in the
                    // file; a serial that merely announced itself is rediscovered next time.
                    var evse = GetEvse(serial);
                    if (evse != null && evse.IsWorthStoring) ours.Add(evse.ToStored());
                }
                removed = new HashSet<string>(_removed, StringComparer.Ordinal);
                _dirty.Clear();
                _removed.Clear();
            }
            try
            {
                EvseStore.Merge(path, ours, removed);
                StoreError = null;
            }
            catch (EvseException ex)
            {
                // Nothing is lost: what this save carried is written by the next one (the housekeeping tick asks
                // for it while anything is dirty). The failure is kept for the cmdlets to report, once while it
                // lasts: the same kind of failure again keeps the first record.
                lock (_storeLock)
                {
                    foreach (var e in ours) _dirty.Add(e.Serial);
                    foreach (var r in removed) _removed.Add(r);
                }
                if (StoreError?.ErrorId != ex.ErrorId) StoreError = ex;
            }
        }

        /// <summary>Imports the seed library's evses.json (password XOR 0xFF, base64); returns the chargers imported.</summary>
        public IReadOnlyList<Evse> ImportEmproto(string path)
        {
            var list = new List<Evse>();
            foreach (var s in EvseStore.ReadEmproto(path))
            {
                if (!EvseSerial.TryParse(s.Serial, out var serial)) continue;
                var evse = GetOrAdd(serial, out bool added);
                evse.LoadStored(s);
                MarkDirty(evse);
                if (added) RaiseAdded(evse);
                list.Add(evse);
            }
            Save();
            return list;
        }
    }
}
