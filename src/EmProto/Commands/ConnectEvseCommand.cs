using System;
using System.Management.Automation;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using System.Security;
using EmProto.Engine;
using EmProto.PowerShell.Completion;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Logs in to chargers (by object, serial or address) and keeps the session alive; the password is remembered.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Evse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseCharger))]
    public sealed class ConnectEvseCommand : EvseTargetCmdletBase
    {
        private const string AddressSet = "Address";
        private string? _password;

        /// <summary>Serials of the chargers (exact).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SerialSet)]
        [Parameter(Position = 0, ParameterSetName = AddressSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EvseSerialCompleter))]
        public string[]? Serial { get; set; }

        /// <summary>The charger's IP address (for a charger that broadcasts do not reach).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AddressSet)]
        [ValidateNotNull]
        public IPAddress? IPAddress { get; set; }

        /// <summary>With -IPAddress: the charger's UDP port (default: the port it last sent from, else 28376).</summary>
        [Parameter(ParameterSetName = AddressSet)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>The 6-digit password (a SecureString; a plain string is accepted for scripts).</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? Password { get; set; }

        /// <summary>The password as the password of a credential (the user name is ignored).</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The password in plain text (prefer -Password or -Credential).</summary>
        [Parameter]
        public string? PlainTextPassword { get; set; }

        /// <summary>The charger's time zone (an id such as Europe/Berlin or W. Europe Standard Time).</summary>
        [Parameter]
        public string? TimeZone { get; set; }

        /// <summary>Ignore datagrams for this charger from any other address (anti-impersonation).</summary>
        [Parameter]
        public SwitchParameter Pin { get; set; }

        /// <summary>How long to wait for the login (TimeSpan or seconds; default the communicator's retry budget).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? Timeout { get; set; }

        /// <summary>Returns the charger.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override string[]? Serials => Serial;

        private TimeZoneInfo? _zone;

        /// <inheritdoc/>
        protected override void BeginLocal()
        {
            int given = (Password != null ? 1 : 0) + (Credential != null ? 1 : 0) + (PlainTextPassword != null ? 1 : 0);
            if (given > 1)
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.AmbiguousPassword, "Give the password once: -Password, -Credential or -PlainTextPassword.", null, null));
            if (Password != null) _password = new NetworkCredential(string.Empty, Password).Password;
            else if (Credential != null) _password = Credential.GetNetworkCredential().Password;
            else if (PlainTextPassword != null) _password = PlainTextPassword;
            if (TimeZone != null)
            {
                TimeZoneInfo? zone = null;
                string? problem = null;
                try
                {
                    zone = EvseTimeZones.Find(TimeZone);
                }
                catch (ArgumentException ex)
                {
                    problem = ex.Message;
                }
                if (zone == null)
                    ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidTimeZone, problem ?? EvseTimeZones.Unknown(TimeZone), nameof(TimeZone), TimeZone));
                _zone = zone;
            }
        }

        /// <inheritdoc/>
        protected override void AdjustForwarded(System.Collections.IDictionary parameters)
        {
            // A SecureString or a credential does not cross the channel as such; the password they hold does, to the
            // user's own agent, which keeps it in the store as Connect-Evse does here.
            string? password = Password != null ? new NetworkCredential(string.Empty, Password).Password : Credential?.GetNetworkCredential().Password;
            if (password == null) return;
            parameters.Remove(nameof(Password));
            parameters.Remove(nameof(Credential));
            if (parameters.Contains(nameof(PlainTextPassword)))
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.AmbiguousPassword, "Give the password once: -Password, -Credential or -PlainTextPassword.", null, null));
            parameters[nameof(PlainTextPassword)] = password;
        }

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            if (ParameterSetName != AddressSet)
            {
                base.ProcessLocal();
                return;
            }
            var communicator = Communicator;
            var address = IPAddress!;
            if (Serial != null && Serial.Length > 0)
            {
                foreach (var serial in Serial)
                {
                    var known = communicator.GetEvse(serial);
                    int port = Port != 0 ? Port : known?.EndPoint != null && known.EndPoint.Address.Equals(address) ? known.EndPoint.Port : CommunicatorOptions.DefaultPort;
                    var endPoint = new IPEndPoint(address, port);
                    if (!ShouldProcess("charger " + serial + " at " + endPoint, "Add the charger and log in")) continue;
                    try
                    {
                        var evse = communicator.AddEvse(serial, endPoint);
                        TraceTraffic(evse.Serial);
                        Login(evse);
                    }
                    catch (EvseException ex)
                    {
                        WriteEvseError(ex, serial);
                    }
                }
                return;
            }
            int probePort = Port != 0 ? Port : CommunicatorOptions.DefaultPort;
            if (!ShouldProcess("the charger at " + address + ":" + probePort, "Find the charger and log in")) return;
            try
            {
                WriteVerbose("Sending the discovery probe to " + address + ":" + probePort + ".");
                TraceAllTraffic();
                var found = Run(ct => communicator.FindAtAddressAsync(address, probePort, ct), "Finding the charger at " + address, Timeout);
                Login(found);
            }
            catch (EvseException ex)
            {
                WriteEvseError(ex, address);
            }
        }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            if (!ShouldProcess(Describe(evse), "Log in")) return;
            Login(evse);
        }

        private readonly List<PendingLogin> _pending = new List<PendingLogin>();

        /// <summary>Starts the login; several chargers log in at once, and <see cref="EndLocal"/> waits for them all.</summary>
        private void Login(Evse evse)
        {
            if (_zone != null) evse.TimeZone = _zone;
            if (Pin) evse.IsPinned = true;
            var cts = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
            if (Timeout.HasValue) cts.CancelAfter(Timeout.Value);
            Task task;
            if (_password != null)
            {
                WriteVerbose("Sending RequestLogin to " + Describe(evse) + " (password not shown).");
                task = evse.LoginAsync(_password, cts.Token);
            }
            else if (evse.HasPassword)
            {
                WriteVerbose("Logging in to " + Describe(evse) + " with the stored password.");
                task = evse.ReconnectAsync(cts.Token);
            }
            else
            {
                cts.Dispose();
                throw new EvseException(EvseErrorKind.InvalidArgument, ErrorIds.PasswordRequired,
                    "No password is stored for charger " + evse.Serial + ": give it with -Password, -Credential or -PlainTextPassword.", evse.Serial);
            }
            _pending.Add(new PendingLogin(evse, task, cts));
            Harvest(false);
        }

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            Harvest(true);
            if (_password != null && _storeChanged)
            {
                // A new password given here is on disk when the cmdlet returns (and a store that cannot be written
                // is reported by this cmdlet): one write for all the chargers, by the engine's background writer.
                // The password the store already holds needs no write to wait for.
                WaitFor(Communicator.FlushStoreAsync(), "Saving the known-chargers file");
            }
            base.EndLocal();
        }

        private bool _storeChanged;

        /// <summary>Reports finished logins (all of them when <paramref name="wait"/>), in the order they were started.</summary>
        private void Harvest(bool wait)
        {
            while (_pending.Count > 0)
            {
                var p = _pending[0];
                if (!wait && !p.Task.IsCompleted) return;
                _pending.RemoveAt(0);
                try
                {
                    WaitFor(p.Task, "Logging in to " + p.Evse.Serial, Timeout);
                    _storeChanged |= p.Evse.LastLoginChangedStore;
                    WriteVerbose("Logged in to " + Describe(p.Evse) + ". Optional requests: " + p.Evse.Capabilities + ".");
                    if (PassThru) WriteObject(EvseCharger.From(p.Evse));
                }
                catch (EvseException ex)
                {
                    WriteEvseError(ex, EvseCharger.From(p.Evse));
                }
                catch (OperationCanceledException) when (!StopToken.IsCancellationRequested && p.Cancellation.IsCancellationRequested)
                {
                    WriteEvseError(new EvseException(EvseErrorKind.Timeout, ErrorIds.CommandTimeout,
                        "Logging in to " + p.Evse.Serial + ": not done within " + FormatDuration(Timeout!.Value) + ".", p.Evse.Serial), EvseCharger.From(p.Evse));
                }
                finally
                {
                    p.Cancellation.Dispose();
                }
            }
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var p in _pending) p.Cancellation.Dispose();
                _pending.Clear();
            }
            base.Dispose(disposing);
        }

        private sealed class PendingLogin
        {
            public PendingLogin(Evse evse, Task task, CancellationTokenSource cancellation)
            {
                Evse = evse;
                Task = task;
                Cancellation = cancellation;
            }

            public Evse Evse { get; }

            public Task Task { get; }

            public CancellationTokenSource Cancellation { get; }
        }
    }
}
