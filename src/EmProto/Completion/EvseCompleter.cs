using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EmProto.Engine;

namespace EmProto.PowerShell.Completion
{
    /// <summary>
    /// The base of the charger completers: completes one property of the chargers in the running
    /// communicator's memory (never the network), with serial, name, model, address and state as tooltip.
    /// </summary>
    public abstract class EvseCompleter : IArgumentCompleter
    {
        private static readonly char[] QuoteWorthy = { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '|', '&' };

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var communicator = CommunicatorHolder.Current;
            if (communicator == null) yield break;
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = WildcardFilter.Pattern(word + "*");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var evse in communicator.GetEvses())
            {
                string value = Key(evse);
                if (string.IsNullOrEmpty(value) || !pattern.IsMatch(value) || !seen.Add(value)) continue;
                var info = evse.Info;
                var ep = evse.EndPoint;
                string tooltip = evse.Serial + (evse.Name.Length > 0 ? " '" + evse.Name + "'" : string.Empty) +
                    (info.Model.Length > 0 ? ", " + info.Model : string.Empty) +
                    (ep != null ? ", " + ep : string.Empty) + ", " + evse.MetaState;
                string text = value.IndexOfAny(QuoteWorthy) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, tooltip);
            }
        }

        /// <summary>The property of a charger this completer offers.</summary>
        protected abstract string Key(Evse evse);
    }
}
