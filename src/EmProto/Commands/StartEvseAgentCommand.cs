using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Agent;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Starts the user's agent: the one process that owns the chargers' port, the store and the sessions, which every
    /// EmProto session of the user on this host then uses. In the background (a detached pwsh), or with -Wait in this
    /// process until Stop-EvseAgent or Ctrl+C (for a service manager).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "EvseAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EvseAgentInfo))]
    public sealed class StartEvseAgentCommand : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Run the agent in this process until Stop-EvseAgent or Ctrl+C.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Local address for the chargers' UDP traffic (default any, or EMPROTO_LOCAL_ADDRESS).</summary>
        [Parameter]
        [ValidateNotNull]
        public IPAddress? LocalAddress { get; set; }

        /// <summary>Local UDP port (default 28376, or EMPROTO_PORT; 0 = any free port).</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int? Port { get; set; }

        /// <summary>The known-chargers file (default per user, or EMPROTO_STORE_PATH).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StorePath { get; set; }

        /// <summary>The agent's socket (default EMPROTO_AGENT_SOCKET, else per user).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SocketPath { get; set; }

        /// <summary>How long to wait for a background agent to answer (TimeSpan or seconds; default 30 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Returns the agent.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (!AgentSocket.IsSupported)
                ThrowTerminatingError(ErrorRecordFactory.FromException(new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentUnsupported, "The EmProto agent needs PowerShell 7 (Unix domain sockets); Windows PowerShell 5.1 keeps its own communicator."), null));
            string socketPath = AgentSocket.PathFor(this, SocketPath);
            // Checked here, before -WhatIf and before a background agent is launched, as Start-EvseCommunicator does.
            string? storeProblem = StorePath == null ? null : StorePathCheck.Problem(GetUnresolvedProviderPathFromPSPath(StorePath));
            if (storeProblem != null) ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidStorePath, storeProblem, null, StorePath));
            EvseAgentInfo? running = null;
            try
            {
                running = AgentClient.Describe(socketPath);
            }
            catch (EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, socketPath));
            }
            if (running != null)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentRunning,
                    "An EmProto agent already answers at " + socketPath + " (process " + running.ProcessId + "). Get-EvseAgent shows it; Stop-EvseAgent stops it."), socketPath));
            }
            if (!ShouldProcess("the EmProto agent at " + socketPath, Wait ? "Run in this process" : "Start in the background")) return;
            if (Wait) RunHere(socketPath);
            else StartInBackground(socketPath);
        }

        private void RunHere(string socketPath)
        {
            CommunicatorOptions options;
            try
            {
                options = CommunicatorHolder.DefaultOptions();
                if (LocalAddress != null) options.LocalAddress = LocalAddress;
                if (Port.HasValue) options.Port = Port.Value;
                if (StorePath != null) options.StorePath = GetUnresolvedProviderPathFromPSPath(StorePath);
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                Fail(new ErrorRecord(ex, ErrorIds.InvalidCommunicatorOption, ErrorCategory.InvalidArgument, null));
                return;
            }
            catch (EvseException ex)
            {
                Fail(ErrorRecordFactory.FromException(ex, null));
                return;
            }
            AgentHost? host = null;
            AgentClient.IsAgentProcess = true;
            try
            {
                var communicator = CommunicatorHolder.Start(options, replace: true);
                host = new AgentHost(socketPath, AgentProcess.ModulePath(MyInvocation.MyCommand.Module));
                WriteVerbose("The EmProto agent (process " + host.Describe().ProcessId + ") serves this user's sessions at " + socketPath + "; chargers on " + communicator.LocalEndPoint + ".");
                if (PassThru) WriteObject(host.Describe());
                WaitHandle.WaitAny(new[] { host.StopRequested, _stop.Token.WaitHandle });
            }
            catch (EvseException ex)
            {
                Fail(ErrorRecordFactory.FromException(ex, socketPath));
            }
#pragma warning disable CA1031 // whatever stops the agent from starting is reported, in its log too
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                Fail(new ErrorRecord(ex, ErrorIds.AgentStartFailed, ErrorCategory.ResourceUnavailable, socketPath));
            }
#pragma warning restore CA1031
            finally
            {
                host?.Dispose();
                CommunicatorHolder.Stop();
                AgentClient.IsAgentProcess = false;
            }
            if (_stop.IsCancellationRequested) throw new PipelineStoppedException();
        }

        /// <summary>Reports a failure to start; a background agent's log carries the marker its starter looks for.</summary>
        private void Fail(ErrorRecord record)
        {
            if (Console.IsErrorRedirected) Console.Error.WriteLine(AgentProcess.FailureMarker + record.Exception.Message);
            ThrowTerminatingError(record);
        }

        private void StartInBackground(string socketPath)
        {
            var command = new System.Text.StringBuilder();
            command.Append("Import-Module ").Append(AgentProcess.PowerShellLiteral(AgentProcess.ModulePath(MyInvocation.MyCommand.Module)))
                .Append("; Start-EvseAgent -Wait -SocketPath ").Append(AgentProcess.PowerShellLiteral(socketPath));
            if (LocalAddress != null) command.Append(" -LocalAddress ").Append(AgentProcess.PowerShellLiteral(LocalAddress.ToString()));
            if (Port.HasValue) command.Append(" -Port ").Append(Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (StorePath != null) command.Append(" -StorePath ").Append(AgentProcess.PowerShellLiteral(GetUnresolvedProviderPathFromPSPath(StorePath)));
            string directory = Path.GetDirectoryName(socketPath) ?? ".";
            try
            {
                AgentSocket.PrepareDirectory(directory);
                // This session's own communicator holds the port the agent needs: hand it over (the store is saved).
                var own = CommunicatorHolder.Current;
                if (own != null && own.IsRunning)
                {
                    WriteVerbose("Stopping this session's own communicator so the agent can take its port.");
                    CommunicatorHolder.Stop();
                }
                string log = AgentProcess.LogPath(socketPath);
                long logStart = AgentProcess.LogLength(log);
                WriteVerbose("Starting the EmProto agent in the background; its log is " + log + ".");
                AgentProcess.Launch(command.ToString(), log);
                var info = AgentProcess.WaitUntilAnswering(socketPath, log, logStart, Timeout, _stop.Token);
                WriteVerbose("The EmProto agent (process " + info.ProcessId + ") answers at " + socketPath + "; chargers on " + info.LocalEndPoint + ".");
                if (PassThru) WriteObject(info);
            }
            catch (EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, socketPath));
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.AgentStartFailed, ErrorCategory.ResourceUnavailable, socketPath));
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.AgentStartFailed, ErrorCategory.ResourceUnavailable, socketPath));
            }
        }

        /// <inheritdoc/>
        public void Dispose() => _stop.Dispose();
    }
}
