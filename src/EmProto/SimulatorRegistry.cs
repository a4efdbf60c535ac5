using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The simulated chargers started by the cmdlets in this process, shared by all runspaces.
    /// Each remembers the runspace that started it, so removing the module from one session stops
    /// that session's chargers; the process ending stops them all.
    /// </summary>
    internal static class SimulatorRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<EvseSerial, Entry> Running = new Dictionary<EvseSerial, Entry>();

        static SimulatorRegistry()
        {
            AppDomain.CurrentDomain.ProcessExit += (sender, args) => StopAll();
        }

        /// <summary>True when a running simulator has this serial.</summary>
        internal static bool Contains(EvseSerial serial)
        {
            lock (Gate) return Running.ContainsKey(serial);
        }

        /// <summary>Adds a started simulator; false when the serial is taken.</summary>
        internal static bool TryAdd(SimulatedEvse evse, Guid owner)
        {
            lock (Gate)
            {
                if (Running.ContainsKey(evse.Serial)) return false;
                Running.Add(evse.Serial, new Entry { Evse = evse, Owner = owner });
                return true;
            }
        }

        /// <summary>Every running simulator, ordered by serial.</summary>
        internal static IReadOnlyList<SimulatedEvse> Snapshot()
        {
            lock (Gate) return Running.Values.Select(e => e.Evse).OrderBy(e => e.Serial).ToArray();
        }

        /// <summary>Stops a simulator and forgets it; false when it was not registered.</summary>
        internal static bool Stop(SimulatedEvse evse)
        {
            bool removed;
            lock (Gate)
            {
                removed = Running.TryGetValue(evse.Serial, out var entry) && ReferenceEquals(entry.Evse, evse) && Running.Remove(evse.Serial);
            }
            evse.Stop();
            return removed;
        }

        /// <summary>Stops the simulators started from one runspace.</summary>
        internal static void StopOwnedBy(Guid owner)
        {
            List<SimulatedEvse> stop;
            lock (Gate)
            {
                stop = Running.Values.Where(e => e.Owner == owner).Select(e => e.Evse).ToList();
                foreach (var evse in stop) Running.Remove(evse.Serial);
            }
            foreach (var evse in stop) evse.Stop();
        }

        /// <summary>Stops every simulator.</summary>
        internal static void StopAll()
        {
            List<SimulatedEvse> stop;
            lock (Gate)
            {
                stop = Running.Values.Select(e => e.Evse).ToList();
                Running.Clear();
            }
            foreach (var evse in stop) evse.Stop();
        }

        /// <summary>The first serial at or after <paramref name="start"/> that begins a free run of <paramref name="count"/>.</summary>
        internal static EvseSerial FirstFreeRun(EvseSerial start, int count)
        {
            lock (Gate)
            {
                ulong candidate = start.Value;
                while (true)
                {
                    ulong clash = 0;
                    bool found = false;
                    for (ulong i = 0; i < (ulong)count; i++)
                    {
                        if (Running.ContainsKey(new EvseSerial(candidate + i)))
                        {
                            clash = candidate + i;
                            found = true;
                        }
                    }
                    if (!found) return new EvseSerial(candidate);
                    candidate = clash + 1;
                }
            }
        }

        private sealed class Entry
        {
            internal SimulatedEvse Evse { get; set; } = null!;

            internal Guid Owner { get; set; }
        }
    }
}
