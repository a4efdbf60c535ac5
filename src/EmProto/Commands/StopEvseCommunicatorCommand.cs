using System.Management.Automation;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Stops the process's communicator: saves the known chargers and closes the socket.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "EvseCommunicator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopEvseCommunicatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override bool RunsInAgent => false; // this session's own communicator

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            var current = CommunicatorHolder.Current;
            if (current != null && ShouldProcess("the communicator on " + current.LocalEndPoint, "Stop"))
            {
                WriteVerbose("Stopping the communicator on " + current.LocalEndPoint + ".");
                CommunicatorHolder.Stop();
                WriteStoreError(current);
            }
            base.EndLocal();
        }
    }
}
