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
            var serials = WildcardFilter.From(Serial);
            var names = WildcardFilter.From(Name);
            foreach (var evse in evses)
            {
                if (Online && !evse.IsOnline) continue;
                if (Connected && !evse.IsLoggedIn) continue;
                bool serialMatches = WildcardFilter.Matches(serials, evse.Serial);
                bool nameMatches = WildcardFilter.Matches(names, evse.Name);
                if (!serialMatches || !nameMatches) continue;
                WriteObject(EvseCharger.From(evse));
            }
            ReportUnmatched(serials, "serial");
            ReportUnmatched(names, "name");
        }

        private void ReportUnmatched(WildcardFilter? filter, string what)
        {
            if (filter == null) return;
            foreach (var v in filter.UnmatchedLiterals()) WriteError(ErrorRecordFactory.NotFound(what, v));
        }
    }
}
