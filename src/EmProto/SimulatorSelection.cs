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
        /// <summary>The chargers whose serial matches a wildcard pattern or equals a parsed serial.</summary>
        internal static List<SimulatedEvse> Match(IEnumerable<SimulatedEvse> chargers, string pattern)
        {
            if (!WildcardFilter.HasWildcards(pattern) && EvseSerial.TryParse(pattern, out var serial))
                return chargers.Where(c => c.Serial == serial).ToList();
            var wildcard = WildcardFilter.Pattern(pattern);
            return chargers.Where(c => wildcard.IsMatch(c.Serial.ToString())).ToList();
        }

        /// <summary>The error for a serial that matches no running simulator.</summary>
        internal static ErrorRecord NotFound(string serial) => new ErrorRecord(
            new ItemNotFoundException("No simulated charger with serial '" + serial + "' is running in this process (see Get-EvseSimulator)."),
            ErrorIds.SimulatorNotFound, ErrorCategory.ObjectNotFound, serial);
    }
}
