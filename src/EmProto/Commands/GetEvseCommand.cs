using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmProto.PowerShell.Completion;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets the chargers known to this process (memory and the known-chargers file); waits for no network.</summary>
    [Cmdlet(VerbsCommon.Get, "Evse")]
    [OutputType(typeof(EvseCharger))]
    public sealed class GetEvseCommand : EvseCmdletBase
    {
        /// <summary>Serials to return (wildcards allowed).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EvseSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <summary>Names to return (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EvseNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only chargers that are online.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>Only chargers with a live login session.</summary>
        [Parameter]
        public SwitchParameter Connected { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var evses = Communicator.GetEvses();
            var serialPatterns = Patterns(Serial);
            var namePatterns = Patterns(Name);
            var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var evse in evses)
            {
                if (Online && !evse.IsOnline) continue;
                if (Connected && !evse.IsLoggedIn) continue;
                if (!Matches(serialPatterns, evse.Serial, matched) || !Matches(namePatterns, evse.Name, matched)) continue;
                WriteObject(EvseCharger.From(evse));
            }
            ReportUnmatched(Serial, "serial", matched);
            ReportUnmatched(Name, "name", matched);
        }

        private static List<KeyValuePair<string, WildcardPattern>>? Patterns(string[]? values)
        {
            if (values == null || values.Length == 0) return null;
            var list = new List<KeyValuePair<string, WildcardPattern>>();
            foreach (var v in values)
            {
                if (v != null) list.Add(new KeyValuePair<string, WildcardPattern>(v, new WildcardPattern(v, WildcardOptions.IgnoreCase)));
            }
            return list;
        }

        private static bool Matches(List<KeyValuePair<string, WildcardPattern>>? patterns, string value, HashSet<string> matched)
        {
            if (patterns == null) return true;
            bool any = false;
            foreach (var p in patterns)
            {
                if (p.Value.IsMatch(value))
                {
                    matched.Add(p.Key);
                    any = true;
                }
            }
            return any;
        }

        private void ReportUnmatched(string[]? values, string what, HashSet<string> matched)
        {
            if (values == null) return;
            foreach (var v in values)
            {
                if (v != null && !WildcardPattern.ContainsWildcardCharacters(v) && !matched.Contains(v))
                    WriteError(ErrorRecordFactory.NotFound(what, v));
            }
        }
    }
}
