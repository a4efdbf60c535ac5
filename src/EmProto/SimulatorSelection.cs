using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.PowerShell
{
    /// <summary>Selects simulated chargers by serial pattern for the simulator cmdlets.</summary>
    internal static class SimulatorSelection
    {
        /// <summary>
        /// The running simulators that serial patterns select, pattern by pattern; a serial without wildcards
        /// that matches none is reported to <paramref name="writeError"/> (SimulatorNotFound) and the rest go on.
        /// </summary>
        internal static IEnumerable<SimulatedEvse> Select(string[] patterns, Action<ErrorRecord> writeError)
        {
            var all = SimulatorRegistry.Snapshot();
            foreach (var pattern in patterns)
            {
                var matches = Match(all, pattern);
                if (matches.Count == 0 && !WildcardFilter.HasWildcards(pattern)) writeError(NotFound(pattern));
                foreach (var evse in matches) yield return evse;
            }
        }

        /// <summary>The chargers whose serial matches a wildcard pattern or equals a parsed serial.</summary>
        private static List<SimulatedEvse> Match(IEnumerable<SimulatedEvse> chargers, string pattern)
        {
            if (!WildcardFilter.HasWildcards(pattern) && EvseSerial.TryParse(pattern, out var serial))
                return chargers.Where(c => c.Serial == serial).ToList();
            var wildcard = WildcardFilter.Pattern(pattern);
            return chargers.Where(c => wildcard.IsMatch(c.Serial.ToString())).ToList();
        }

        /// <summary>The error for a serial that matches no running simulator.</summary>
        private static ErrorRecord NotFound(string serial) => new ErrorRecord(
            new ItemNotFoundException("No simulated charger with serial '" + serial + "' is running in this process (see Get-EvseSimulator)."),
            ErrorIds.SimulatorNotFound, ErrorCategory.ObjectNotFound, serial);
    }
}
