using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Forgets chargers, including their stored passwords.</summary>
    [Cmdlet(VerbsCommon.Remove, "Evse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveEvseCommand : EvseChangeCmdletBase
    {
        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            if (!ShouldProcess(Describe(evse), "Forget the charger and its stored password")) return;
            WriteVerbose("Forgetting " + Describe(evse) + ".");
            Communicator.RemoveEvse(evse.Serial);
        }
    }
}
