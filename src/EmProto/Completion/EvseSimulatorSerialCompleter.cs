using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EmProto.PowerShell.Completion
{
    /// <summary>Completes the serials of the simulated chargers running in this process, with name and port as tooltip.</summary>
    public sealed class EvseSimulatorSerialCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = WildcardFilter.Pattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*");
            foreach (var sim in SimulatorRegistry.Snapshot())
            {
                string serial = sim.Serial.ToString();
                if (!pattern.IsMatch(serial)) continue;
                string tooltip = serial + (sim.Name.Length > 0 ? " '" + sim.Name + "'" : string.Empty) + ", port " + sim.Port;
                yield return new CompletionResult(serial, serial, CompletionResultType.ParameterValue, tooltip);
            }
        }
    }
}
