using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Agent;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Stops the user's agent: it saves the store, ends its sessions and exits; the sessions then use their own communicators.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "EvseAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopEvseAgentCommand : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The agent's socket (default EMPROTO_AGENT_SOCKET, else per user).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SocketPath { get; set; }

        /// <summary>How long to wait for the agent to exit (TimeSpan or seconds; default 30 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            string socketPath = AgentSocket.PathFor(this, SocketPath);
            EvseAgentInfo? info = null;
            try
            {
                info = AgentClient.Describe(socketPath);
            }
            catch (EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, socketPath));
            }
            if (info == null)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(new EvseException(EvseErrorKind.NotFound, ErrorIds.AgentNotRunning, "No EmProto agent answers at " + socketPath + "."), socketPath));
                return;
            }
            if (!ShouldProcess("the EmProto agent (process " + info.ProcessId + ") at " + socketPath, "Stop")) return;
            WriteVerbose("Asking the EmProto agent (process " + info.ProcessId + ") to stop.");
            using (var connection = AgentClient.Connect(socketPath))
            {
                if (connection != null)
                {
                    try
                    {
                        connection.Send(FrameKind.Shutdown, string.Empty);
                        connection.TryReceive(out _, out _);
                    }
                    catch (IOException)
                    {
                        // It is going away already.
                    }
                }
            }
            var watch = Stopwatch.StartNew();
            Process? process = null;
            try
            {
                process = Process.GetProcessById(info.ProcessId);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            using (process)
            {
                while (process != null && !process.WaitForExit(100))
                {
                    if (_stop.IsCancellationRequested) throw new PipelineStoppedException();
                    if (watch.Elapsed > Timeout)
                    {
                        ThrowTerminatingError(ErrorRecordFactory.FromException(new EvseException(EvseErrorKind.Timeout, ErrorIds.AgentRunning,
                            "The EmProto agent (process " + info.ProcessId + ") was asked to stop but still runs after " + Timeout.TotalSeconds + " s."), socketPath));
                    }
                }
            }
        }

        /// <inheritdoc/>
        public void Dispose() => _stop.Dispose();
    }
}
