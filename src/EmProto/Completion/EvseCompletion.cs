using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Completion
{
    /// <summary>Shared logic of the completers: reads the running communicator's memory only.</summary>
    internal static class EvseCompletion
    {
        private static readonly char[] QuoteWorthy = { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '|', '&' };

        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete, Func<Evse, string> key)
        {
            var communicator = CommunicatorHolder.Current;
            if (communicator == null) yield break;
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = WildcardFilter.Pattern(word + "*");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var evse in communicator.GetEvses())
            {
                string value = key(evse);
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
    }
}
