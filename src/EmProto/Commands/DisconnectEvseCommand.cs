using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Ends the login session with chargers (the password stays remembered).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Evse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseCharger))]
    public sealed class DisconnectEvseCommand : EvseChangeCmdletBase
    {
        /// <summary>Returns the charger.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            if (!ShouldProcess(Describe(evse), "Disconnect")) return;
            WriteVerbose("Ending the session with " + Describe(evse) + ".");
            evse.Disconnect();
            if (PassThru) WriteObject(EvseCharger.From(evse));
        }
    }
}
