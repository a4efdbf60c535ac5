using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Stops charging, or cancels a planned charge.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "EvseCharge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseCharger))]
    public sealed class StopEvseChargeCommand : EvseChangeCmdletBase
    {
        /// <summary>User id recorded by the charger (ASCII, at most 16).</summary>
        [Parameter]
        [ValidateLength(1, 16)]
        public string? UserId { get; set; }

        /// <summary>Stop even within the wear-guard interval after the last start or stop.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Returns the charger.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            if (!ShouldProcess(Describe(evse), "Stop charging (or cancel the planned charge)")) return;
            WriteVerbose("Sending ChargeStop to " + Describe(evse) + ".");
            string? user = UserId;
            bool force = Force;
            Run(ct => evse.StopChargeAsync(user, force, ct), "Stopping the charge on " + evse.Serial, serial: evse.Serial);
            if (PassThru) WriteObject(EvseCharger.From(evse));
        }
    }
}
