using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Completion;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The base of cmdlets that act on chargers: a charger from the pipeline (-InputObject, declared here once
    /// for every such cmdlet), -Serial (bound by property name) or -Name (wildcards; likewise declared here), many chargers
    /// per call, one error per failed charger while the rest go on.
    /// </summary>
    public abstract class EvseTargetCmdletBase : EvseCmdletBase
    {
        /// <summary>The parameter set of -InputObject.</summary>
        protected const string InputObjectSet = "InputObject";

        /// <summary>The parameter set of -Serial.</summary>
        protected const string SerialSet = "Serial";

        /// <summary>The parameter set of -Name.</summary>
        protected const string NameSet = "Name";

        /// <summary>
        /// Names of the chargers (wildcards allowed, case insensitive); a name without wildcards that matches no
        /// known charger is the error EvseNotFound. (Set-EvseConfig uses -Name for the new name instead.)
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Chargers from the pipeline (Get-Evse, Find-Evse, -PassThru output).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public EvseCharger[]? InputObject { get; set; }

        /// <summary>The serials (or patterns) given.</summary>
        protected abstract string[]? Serials { get; }

        /// <summary>True when -Serial takes wildcards (reading cmdlets).</summary>
        protected virtual bool SerialWildcards => false;

        /// <summary>Acts on one charger; engine failures are reported per charger by the caller.</summary>
        protected abstract void ProcessEvse(Evse evse);

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            foreach (var evse in ResolveTargets())
            {
                TraceTraffic(evse.Serial);
                try
                {
                    ProcessEvse(evse);
                }
                catch (EvseException ex)
                {
                    WriteEvseError(ex, EvseCharger.From(evse));
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (OperationCanceledException ex)
                {
                    // Not Ctrl+C: the only other canceller is the communicator's lifetime (stopped or restarted underneath).
                    WriteEvseError(new EvseException(EvseErrorKind.Connection, ErrorIds.CommunicatorStopped,
                        "The communicator stopped while working on charger " + evse.Serial + ". Start-EvseCommunicator starts it again.", evse.Serial, ex), EvseCharger.From(evse));
                }
                Drain();
            }
        }

        /// <summary>
        /// The chargers targeted: objects from the pipeline, serials (or patterns), or, when nothing is
        /// given, the chargers that can answer (logged in or with a stored password).
        /// </summary>
        protected IEnumerable<Evse> ResolveTargets()
        {
            var communicator = Communicator;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var objects = InputObject;
            var serials = Serials;
            if (objects != null)
            {
                foreach (var o in objects)
                {
                    if (o == null) continue;
                    var evse = communicator.GetEvse(o.Serial);
                    if (evse == null) WriteError(ErrorRecordFactory.NotFound("serial", o.Serial));
                    else if (seen.Add(evse.Serial)) yield return evse;
                }
                yield break;
            }
            var names = WildcardFilter.From(Name);
            if (names != null)
            {
                AwaitNames(communicator.GetEvses());
                foreach (var evse in communicator.GetEvses())
                {
                    if (names.IsMatch(evse.Name) && seen.Add(evse.Serial)) yield return evse;
                }
                foreach (var name in names.UnmatchedLiterals()) WriteError(ErrorRecordFactory.NotFound("name", name));
                yield break;
            }
            if (serials == null || serials.Length == 0)
            {
                foreach (var evse in communicator.GetEvses())
                {
                    if (evse.IsLoggedIn || evse.HasPassword) yield return evse;
                }
                yield break;
            }
            foreach (var s in serials)
            {
                if (string.IsNullOrWhiteSpace(s)) continue;
                string serial = s.Trim();
                if (SerialWildcards && WildcardFilter.HasWildcards(serial))
                {
                    var pattern = WildcardFilter.Pattern(serial);
                    foreach (var evse in communicator.GetEvses())
                    {
                        if (pattern.IsMatch(evse.Serial) && seen.Add(evse.Serial)) yield return evse;
                    }
                    continue;
                }
                var found = communicator.GetEvse(serial);
                if (found == null) WriteError(ErrorRecordFactory.NotFound("serial", serial));
                else if (seen.Add(found.Serial)) yield return found;
            }
        }
    }
}
