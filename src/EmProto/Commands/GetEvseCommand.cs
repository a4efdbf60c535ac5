using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;
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

        /// <summary>Answer from memory only: do not log in to stored chargers whose live state is not known yet.</summary>
        [Parameter]
        public SwitchParameter NoRefresh { get; set; }

        /// <summary>How long to wait for stored chargers to report their live state (TimeSpan or seconds; default 5 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            var evses = Communicator.GetEvses();
            var serials = WildcardFilter.From(Serial);
            var names = WildcardFilter.From(Name);
            if (names != null) AwaitNames(evses);
            var chosen = new List<Evse>();
            foreach (var evse in evses)
            {
                bool serialMatches = WildcardFilter.Matches(serials, evse.Serial);
                bool nameMatches = WildcardFilter.Matches(names, evse.Name);
                if (serialMatches && nameMatches) chosen.Add(evse);
            }
            if (!NoRefresh) RefreshStates(chosen);
            foreach (var evse in chosen)
            {
                if (Online && !evse.IsOnline) continue;
                if (Connected && !evse.IsLoggedIn) continue;
                WriteObject(EvseCharger.From(evse));
            }
            ReportUnmatched(serials, "serial");
            ReportUnmatched(names, "name");
        }

        /// <summary>
        /// Stored chargers whose live state is not known yet (a fresh process) are logged in to at once and
        /// given up to -Timeout to report it, so a script sees Charging, not Offline or a stale state.
        /// </summary>
        private void RefreshStates(List<Evse> chosen)
        {
            var pending = new List<KeyValuePair<Evse, Task<EvseState?>>>();
            foreach (var evse in chosen)
            {
                if (!evse.CanRefreshState) continue;
                TraceTraffic(evse.Serial);
                WriteVerbose("Fetching the live state of " + Describe(evse) + " (logging in with the stored password; -NoRefresh skips this).");
                pending.Add(new KeyValuePair<Evse, Task<EvseState?>>(evse, evse.GetLiveStateAsync(Timeout, StopToken)));
            }
            foreach (var p in pending)
            {
                try
                {
                    if (WaitFor(p.Value, "Fetching the live state of " + p.Key.Serial, Timeout) == null)
                        WriteWarning("Charger " + p.Key.Serial + " did not report its state within " + FormatDuration(Timeout) + "; its state is shown as " + p.Key.MetaState + ".");
                }
                catch (EvseException ex)
                {
                    WriteWarning("Charger " + p.Key.Serial + ": " + ex.Message);
                }
            }
        }

        private void ReportUnmatched(WildcardFilter? filter, string what)
        {
            if (filter == null) return;
            foreach (var v in filter.UnmatchedLiterals()) WriteError(ErrorRecordFactory.NotFound(what, v));
        }
    }
}
