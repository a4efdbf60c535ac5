using System;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Gets the latest live status of chargers; with -Wait (and while the debug stream is shown, so the
    /// datagrams appear), waits for the next fresh one.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EvseState", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseState))]
    public sealed class GetEvseStateCommand : EvseReadCmdletBase
    {
        /// <summary>Wait for the next status the charger sends instead of returning the latest.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long to wait for a status (TimeSpan or seconds; default 30 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            var state = evse.State;
            bool fresh = Wait || DebugStreamShown;
            if (fresh && !Wait) WriteVerbose("The debug stream is shown: waiting for the next status of " + Describe(evse) + " (the latest one was received earlier) so its datagrams appear.");
            if (fresh || state == null)
            {
                if (!evse.IsLoggedIn)
                {
                    WriteVerbose("Logging in to " + Describe(evse) + " with the stored password.");
                    Run(ct => evse.EnsureLoggedInAsync(ct), "Logging in to " + evse.Serial, null, serial: evse.Serial);
                }
                WriteVerbose("Waiting for a status from " + Describe(evse) + ".");
                state = Run(ct => evse.WaitForStateAsync(null, fresh, ct), "Waiting for a status from " + evse.Serial, Timeout, ErrorIds.StateTimeout, evse.Serial);
            }
            WriteObject(state);
        }
    }
}
