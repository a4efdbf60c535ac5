using System;
using System.Management.Automation;
using System.IO;
using System.Net;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Starts the process's communicator with chosen settings (it otherwise starts itself with defaults on first use).</summary>
    [Cmdlet(VerbsLifecycle.Start, "EvseCommunicator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EvseCommunicatorStatus))]
    public sealed class StartEvseCommunicatorCommand : EvseCmdletBase
    {
        /// <inheritdoc/>
        protected override bool RunsInAgent => false; // this session's own communicator

        /// <summary>Local address to bind (default any, or EMPROTO_LOCAL_ADDRESS).</summary>
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

        /// <summary>Keep chargers in memory only (no file).</summary>
        [Parameter]
        public SwitchParameter NoStore { get; set; }

        /// <summary>Silence after which a charger counts as offline (TimeSpan or seconds; default 11 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? OfflineAfter { get; set; }

        /// <summary>Resends of a request after the first try (default 4).</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int? RetryCount { get; set; }

        /// <summary>How long to wait for an answer before resending (TimeSpan or seconds; default 1.5 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? Timeout { get; set; }

        /// <summary>Minimum interval between starts/stops of one charger (TimeSpan or seconds; default 60 s).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? WearGuardInterval { get; set; }

        /// <summary>Ignore datagrams for known chargers from other addresses.</summary>
        [Parameter]
        public SwitchParameter PinAddresses { get; set; }

        /// <summary>Do not send or receive broadcasts.</summary>
        [Parameter]
        public SwitchParameter NoBroadcast { get; set; }

        /// <summary>Replace a running communicator.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Returns the communicator's status.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            CommunicatorOptions options;
            try
            {
                options = CommunicatorHolder.DefaultOptions();
                if (LocalAddress != null) options.LocalAddress = LocalAddress;
                if (Port.HasValue) options.Port = Port.Value;
                if (StorePath != null) options.StorePath = ValidateStorePath(GetUnresolvedProviderPathFromPSPath(StorePath));
                if (NoStore) options.StorePath = null;
                if (OfflineAfter.HasValue) options.OfflineAfter = OfflineAfter.Value;
                if (RetryCount.HasValue) options.RetryCount = RetryCount.Value;
                if (Timeout.HasValue) options.RequestTimeout = Timeout.Value;
                if (WearGuardInterval.HasValue) options.WearGuardInterval = WearGuardInterval.Value;
                if (PinAddresses) options.PinAddresses = true;
                if (NoBroadcast) options.EnableBroadcast = false;
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(InTermsOfParameters(ex), ex), ErrorIds.InvalidCommunicatorOption, ErrorCategory.InvalidArgument, null));
                return;
            }
            catch (EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, null));
                return;
            }
            string where = options.LocalAddress + ":" + options.Port;
            if (!ShouldProcess("the communicator on " + where, "Start")) return;
            try
            {
                WriteVerbose("Starting the communicator on " + where + (options.StorePath != null ? " with the store " + options.StorePath : " (memory only)") + ".");
                var communicator = CommunicatorHolder.Start(options, Force);
                WriteStoreError(communicator);
                if (PassThru) WriteObject(EvseCommunicatorStatus.From(communicator));
            }
            catch (EvseException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(ex, where));
            }
            base.EndLocal();
        }

        /// <summary>The engine's option message in the words of this cmdlet's parameters (-Timeout, not RequestTimeout).</summary>
        private static string InTermsOfParameters(ArgumentException ex)
        {
            string message = ex.Message;
            int paramNote = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (paramNote >= 0) message = message.Substring(0, paramNote);
            return ex.ParamName switch
            {
                nameof(CommunicatorOptions.RequestTimeout) => "-Timeout (how long to wait for each reply before resending) must be above 0 and at most 1 minute, as a TimeSpan or seconds such as 1.5; got " + (OptionValue(message) ?? "0") + ".",
                nameof(CommunicatorOptions.OfflineAfter) => "-OfflineAfter must be above 0 (a TimeSpan or seconds such as 11).",
                _ => message.Replace(ex.ParamName + " must", "-" + ex.ParamName + " must"),
            };
        }

        private static string? OptionValue(string message)
        {
            int got = message.LastIndexOf("got ", StringComparison.Ordinal);
            return got < 0 ? null : message.Substring(got + 4).TrimEnd('.');
        }

        /// <summary>Refuses a store path that can never be a file (see <see cref="StorePathCheck"/>).</summary>
        private string ValidateStorePath(string path)
        {
            string? problem = StorePathCheck.Problem(path);
            if (problem != null) ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidStorePath, problem, null, path));
            return path;
        }
    }
}
