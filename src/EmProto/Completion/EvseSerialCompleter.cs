using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EmProto.PowerShell.Completion
{
    /// <summary>Completes charger serials from the chargers in memory (never the network), with model, address and state as tooltip.</summary>
    public sealed class EvseSerialCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            EvseCompletion.Complete(wordToComplete, e => e.Serial);
    }
}
