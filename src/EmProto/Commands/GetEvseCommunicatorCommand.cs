using System.Management.Automation;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets the state of the process's communicator: endpoint, chargers, counters and drops by reason.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseCommunicator")]
    [OutputType(typeof(EvseCommunicatorStatus))]
    public sealed class GetEvseCommunicatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            WriteObject(EvseCommunicatorStatus.From(CommunicatorHolder.Current));
            base.EndProcessing();
        }
    }
}
