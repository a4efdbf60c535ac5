using System;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Waits until chargers report one of the given states (for scripts: start, then wait until it really charges).</summary>
    [Cmdlet(VerbsLifecycle.Wait, "Evse", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseCharger))]
    public sealed class WaitEvseCommand : EvseReadCmdletBase
    {
        /// <summary>The states to wait for (any of them).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public EvseMetaState[]? State { get; set; }

        /// <summary>How long to wait (TimeSpan or seconds; default 60 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            var states = State!;
            string wanted = string.Join(" or ", Array.ConvertAll(states, s => s.ToString()));
            if (Array.IndexOf(states, evse.MetaState) < 0)
            {
                if (!evse.IsLoggedIn && evse.HasPassword)
                {
                    WriteVerbose("Logging in to " + Describe(evse) + " with the stored password.");
                    Run(ct => evse.EnsureLoggedInAsync(ct), "Logging in to " + evse.Serial, Timeout, serial: evse.Serial);
                }
                WriteVerbose("Waiting up to " + FormatDuration(Timeout) + " for " + Describe(evse) + " to be " + wanted + ".");
                Run(ct => evse.WaitForStateAsync(s => Array.IndexOf(states, s.State) >= 0, false, ct),
                    "Waiting for " + evse.Serial + " to be " + wanted, Timeout, ErrorIds.WaitTimeout, evse.Serial);
            }
            WriteObject(EvseCharger.From(evse));
        }
    }
}
