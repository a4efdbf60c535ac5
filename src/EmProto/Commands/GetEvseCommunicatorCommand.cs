using System.Management.Automation;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets the state of the communicator this session uses (its own, or the agent's): endpoint, chargers, counters and drops by reason.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseCommunicator")]
    [OutputType(typeof(EvseCommunicatorStatus))]
    public sealed class GetEvseCommunicatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override void EndLocal()
        {
            var status = EvseCommunicatorStatus.From(CommunicatorHolder.Current);
            var agent = Agent.AgentHost.Current;
            if (agent != null)
            {
                // Run in the agent for a session it serves (or in the agent's own process).
                status.Mode = "Agent";
                status.AgentProcessId = System.Diagnostics.Process.GetCurrentProcess().Id;
                status.AgentSocketPath = agent.SocketPath;
            }
            WriteObject(status);
            base.EndLocal();
        }
    }
}
