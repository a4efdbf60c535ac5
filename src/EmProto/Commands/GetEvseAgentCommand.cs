using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Agent;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets the user's agent (process, socket, chargers, sessions), or nothing when none runs.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseAgent")]
    [OutputType(typeof(EvseAgentInfo))]
    public sealed class GetEvseAgentCommand : PSCmdlet
    {
        /// <summary>The agent's socket (default EMPROTO_AGENT_SOCKET, else per user).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SocketPath { get; set; }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (!AgentSocket.IsSupported) return;
            string socketPath = AgentSocket.PathFor(this, SocketPath);
            try
            {
                var info = AgentClient.Describe(socketPath);
                if (info != null) WriteObject(info);
            }
            catch (EvseException ex)
            {
                WriteError(ErrorRecordFactory.FromException(ex, socketPath));
            }
        }
    }
}
