using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using EmProto.Engine;
using EmProto.PowerShell.Completion;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Shows chargers live in the console: state, power with a sparkline of the last minutes, the energy of the
    /// session, amps per phase and errors, redrawn as the chargers' pushes arrive (no polling, no requests, no
    /// login). Ends on Ctrl+C or after -Duration. When the output is not a console, writes one time-stamped line
    /// per change instead. When the user's agent owns the chargers, the view is drawn here from the agent's memory,
    /// read once a second.
    /// </summary>
    [Cmdlet(VerbsCommon.Watch, "Evse", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(string))]
    public sealed class WatchEvseCommand : EvseReadCmdletBase
    {
        /// <summary>The shortest time between two redraws (coalesces bursts of pushes).</summary>
        private static readonly TimeSpan MinRedraw = TimeSpan.FromMilliseconds(250);

        /// <summary>The clock tick: ages, the header's time and the sparkline move on.</summary>
        private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

        private readonly List<Evse> _targets = new List<Evse>();
        private readonly HashSet<string> _targetSerials = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, PowerHistory> _histories = new Dictionary<string, PowerHistory>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _lastPlain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, bool> _changed = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentQueue<Evse> _added = new ConcurrentQueue<Evse>();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private bool _watchAll;

        /// <summary>How long to watch (TimeSpan or seconds); without it, until Ctrl+C.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? Duration { get; set; }

        /// <summary>Plain time-stamped lines, one per change, even in a console.</summary>
        [Parameter]
        public SwitchParameter Plain { get; set; }

        /// <inheritdoc/>
        protected override void ProcessLocal()
        {
            if (ParameterSetName == SerialSet && (Serial == null || Serial.Length == 0))
            {
                // Nothing named: every known charger, and those that appear while watching. An empty pipeline is not "nothing named".
                _watchAll = !MyInvocation.ExpectingInput;
                return;
            }
            base.ProcessLocal();
        }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse) => AddTarget(evse);

        // With the agent: the chargers named here (or every charger), read once a second from the agent's memory.
        private readonly List<string> _agentSerials = new List<string>();
        private readonly Dictionary<string, System.Collections.IDictionary> _agentLastRows = new Dictionary<string, System.Collections.IDictionary>(StringComparer.OrdinalIgnoreCase);
        private bool _agentAll;

        /// <inheritdoc/>
        protected override void ProcessInAgent()
        {
            if (InputObject != null)
            {
                foreach (var o in InputObject)
                {
                    if (o != null) _agentSerials.Add(o.Serial);
                }
                return;
            }
            if (Serial != null && Serial.Length > 0)
            {
                _agentSerials.AddRange(Serial);
                return;
            }
            // Nothing named: every known charger, and those that appear while watching. An empty pipeline is not "nothing named".
            if (Name == null && !MyInvocation.ExpectingInput) _agentAll = true;
        }

        /// <inheritdoc/>
        protected override void EndInAgent()
        {
            if (!_agentAll && _agentSerials.Count == 0 && Name == null) return;
            WatchThroughAgent(_agentAll ? null : _agentSerials.ToArray(), _agentAll ? null : Name);
        }

        /// <summary>
        /// The watch when the user's agent owns the chargers: the same view, from rows the agent takes from its memory
        /// once a second (no request reaches the chargers), with this session's power history.
        /// </summary>
        private void WatchThroughAgent(string[]? serials, string[]? names)
        {
            string socket = Agent.AgentSocket.DefaultPath;
            bool live = !Plain && CanDrawLive();
            WriteVerbose("Watching " + (serials == null && names == null ? "every known charger" : "the chargers named") + " of the EmProto agent" +
                (live ? " live in the console" : " as plain lines") + (Duration.HasValue ? " for " + FormatDuration(Duration.Value) : " until Ctrl+C") + ".");
            var frames = live ? new LiveFrameWriter() : null;
            var clock = Stopwatch.StartNew();
            var endsAt = Duration.HasValue ? DateTimeOffset.Now + Duration.Value : (DateTimeOffset?)null;
            bool first = true;
            try
            {
                while (first || !Duration.HasValue || clock.Elapsed < Duration.Value)
                {
                    System.Collections.ArrayList wire;
                    string[] unmatched;
                    try
                    {
                        (wire, unmatched) = Agent.AgentClient.Snapshot(socket, serials, names);
                    }
                    catch (System.IO.IOException)
                    {
                        ThrowTerminatingError(ErrorRecordFactory.FromException(new EvseException(EvseErrorKind.Connection, ErrorIds.AgentLost,
                            "The EmProto agent went away while Watch-Evse showed its chargers. The next command uses a restarted agent, or this session's own communicator when none answers."), null));
                        return;
                    }
                    if (first)
                    {
                        foreach (var literal in unmatched) WriteError(ErrorRecordFactory.NotFound(Protocol.EvseSerial.TryParse(literal, out _) ? "serial" : "name", literal));
                        // As in process: chargers named that match none now are not waited for.
                        if (wire.Count == 0 && (serials != null || names != null)) return;
                        if (frames != null) Host.UI.Write(LiveFrameWriter.Begin());
                    }
                    var now = DateTimeOffset.Now;
                    var rows = AgentRows(wire, now);
                    if (frames != null) DrawFrame(frames, rows, now, endsAt);
                    else
                    {
                        foreach (var row in rows) WritePlain(row, now);
                    }
                    first = false;
                    var wait = Tick;
                    if (Duration.HasValue) wait = Min(wait, Duration.Value - clock.Elapsed);
                    if (wait > TimeSpan.Zero && StopToken.WaitHandle.WaitOne(wait)) throw new PipelineStoppedException();
                }
            }
            finally
            {
                if (frames != null && !first) Host.UI.Write(frames.End());
            }
        }

        /// <summary>This tick's rows: the agent's, each with this session's power history sampled now; chargers removed meanwhile stay, marked.</summary>
        private List<WatchRow> AgentRows(System.Collections.ArrayList wire, DateTimeOffset now)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var rows = new List<WatchRow>();
            foreach (var item in wire)
            {
                if (!(item is System.Collections.IDictionary fields)) continue;
                var row = WatchRow.FromWire(fields, HistoryOf(Convert.ToString(fields["Serial"], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), removed: false);
                if (row.Status != null) row.History.Add(now, row.Status.PowerKW);
                seen.Add(row.Serial);
                _agentLastRows[row.Serial] = fields;
                rows.Add(row);
            }
            foreach (var gone in _agentLastRows)
            {
                if (!seen.Contains(gone.Key)) rows.Add(WatchRow.FromWire(gone.Value, HistoryOf(gone.Key), removed: true));
            }
            rows.Sort((a, b) => string.CompareOrdinal(a.Serial, b.Serial));
            return rows;
        }

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            var communicator = Communicator;
            if (_watchAll)
            {
                foreach (var evse in communicator.GetEvses()) AddTarget(evse);
            }
            if (_watchAll || _targets.Count > 0) Watch(communicator);
            base.EndLocal();
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing) _wake.Dispose();
            base.Dispose(disposing);
        }

        private void Watch(EvseCommunicator communicator)
        {
            bool live = !Plain && CanDrawLive();
            WriteVerbose("Watching " + (_watchAll ? "every known charger" : _targets.Count + (_targets.Count == 1 ? " charger" : " chargers")) +
                (live ? " live in the console" : " as plain lines") + (Duration.HasValue ? " for " + FormatDuration(Duration.Value) : " until Ctrl+C") + ".");
            var time = communicator.Options.TimeProvider;
            var frames = live ? new LiveFrameWriter() : null;
            communicator.EvseChanged += OnChanged;
            communicator.EvseRemoved += OnChanged;
            if (_watchAll) communicator.EvseAdded += OnAdded;
            try
            {
                if (frames != null) Host.UI.Write(LiveFrameWriter.Begin());
                var clock = Stopwatch.StartNew();
                var endsAt = Duration.HasValue ? time.GetUtcNow() + Duration.Value : (DateTimeOffset?)null;
                var nextTick = Tick;
                var lastDraw = TimeSpan.Zero;
                bool pending = false;
                Sample(communicator, time.GetUtcNow());
                Show(communicator, frames, time.GetUtcNow(), endsAt, all: true);
                while (true)
                {
                    var elapsed = clock.Elapsed;
                    if (Duration.HasValue && elapsed >= Duration.Value) break;
                    var wait = nextTick - elapsed;
                    if (pending) wait = Min(wait, lastDraw + MinRedraw - elapsed);
                    if (Duration.HasValue) wait = Min(wait, Duration.Value - elapsed);
                    if (wait > TimeSpan.Zero) WaitForChange(wait);
                    TakeAdded(communicator);
                    if (!_changed.IsEmpty) pending = true;
                    elapsed = clock.Elapsed;
                    bool tick = elapsed >= nextTick;
                    if (tick)
                    {
                        while (nextTick <= elapsed) nextTick += Tick;
                        Sample(communicator, time.GetUtcNow());
                    }
                    if (pending && elapsed - lastDraw >= MinRedraw || tick && frames != null)
                    {
                        Show(communicator, frames, time.GetUtcNow(), endsAt, all: false);
                        lastDraw = clock.Elapsed;
                        pending = false;
                    }
                    if (frames == null)
                    {
                        Drain();
                        WriteAddressWarnings();
                    }
                }
            }
            finally
            {
                communicator.EvseChanged -= OnChanged;
                communicator.EvseRemoved -= OnChanged;
                communicator.EvseAdded -= OnAdded;
                if (frames != null) Host.UI.Write(frames.End());
            }
        }

        /// <summary>Live drawing needs a console the output goes to, that understands escape sequences, and a pipeline that ends here.</summary>
        private bool CanDrawLive()
        {
            if (Console.IsOutputRedirected) return false;
            if (MyInvocation.PipelinePosition < MyInvocation.PipelineLength) return false;
            var ui = Host?.UI;
            if (ui == null) return false;
            try
            {
                var raw = ui.RawUI;
                if (raw == null || raw.WindowSize.Width < 20 || raw.WindowSize.Height < 4) return false;
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is NotSupportedException || ex is System.IO.IOException || ex is InvalidOperationException || ex is System.Management.Automation.Host.HostException)
            {
                return false;
            }
            // PowerShell 7 hosts say whether they pass escape sequences on; hosts that do not say are not trusted with them.
            var vt = ui.GetType().GetProperty("SupportsVirtualTerminal")?.GetValue(ui, null);
            if (!(vt is bool supports) || !supports) return false;
            // With $PSStyle.OutputRendering = 'PlainText' the host strips escape sequences.
            object? style = GetVariableValue("PSStyle");
            if (style is PSObject ps && string.Equals(ps.Properties["OutputRendering"]?.Value?.ToString(), "PlainText", StringComparison.OrdinalIgnoreCase)) return false;
            // Debug messages (the datagram dump) would scroll through the screen: they get plain lines to go between.
            if (MyInvocation.BoundParameters.ContainsKey("Debug")) return false;
            object? debug = GetVariableValue("DebugPreference");
            if (debug is PSObject d) debug = d.BaseObject;
            return !(debug is ActionPreference pref) || pref == ActionPreference.SilentlyContinue || pref == ActionPreference.Ignore;
        }

        private void Show(EvseCommunicator communicator, LiveFrameWriter? frames, DateTimeOffset now, DateTimeOffset? endsAt, bool all)
        {
            var changed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var serial in _changed.Keys)
            {
                if (_changed.TryRemove(serial, out _)) changed.Add(serial);
            }
            if (frames != null)
            {
                var rows = new List<WatchRow>(_targets.Count);
                foreach (var evse in _targets) rows.Add(Row(communicator, evse));
                DrawFrame(frames, rows, now, endsAt);
                return;
            }
            foreach (var evse in _targets)
            {
                if (all || changed.Contains(evse.Serial)) WritePlain(Row(communicator, evse), now);
            }
        }

        /// <summary>Redraws the live view in place.</summary>
        private void DrawFrame(LiveFrameWriter frames, List<WatchRow> rows, DateTimeOffset now, DateTimeOffset? endsAt)
        {
            var size = Host.UI.RawUI.WindowSize;
            var lines = WatchView.Live(rows, now, endsAt, size.Width, size.Height);
            var text = new List<string>(lines.Count);
            foreach (var line in lines) text.Add(line.Render(Math.Max(1, size.Width - 1), color: true));
            Host.UI.Write(frames.Frame(text, size.Width, size.Height));
        }

        /// <summary>Writes a charger's plain line when it differs from the last one written for it.</summary>
        private void WritePlain(WatchRow row, DateTimeOffset now)
        {
            string line = WatchView.Plain(row);
            if (_lastPlain.TryGetValue(row.Serial, out var before) && before == line) return;
            _lastPlain[row.Serial] = line;
            WriteObject(WatchView.Timestamp(now) + "  " + line);
        }

        private WatchRow Row(EvseCommunicator communicator, Evse evse) =>
            WatchRow.From(evse, HistoryOf(evse.Serial), removed: !ReferenceEquals(communicator.GetEvse(evse.Serial), evse));

        private void Sample(EvseCommunicator communicator, DateTimeOffset now)
        {
            foreach (var evse in _targets)
            {
                var row = Row(communicator, evse);
                if (row.Status != null) row.History.Add(now, row.Status.PowerKW);
            }
        }

        private PowerHistory HistoryOf(string serial)
        {
            if (!_histories.TryGetValue(serial, out var history))
            {
                history = new PowerHistory();
                _histories[serial] = history;
            }
            return history;
        }

        private void WaitForChange(TimeSpan wait)
        {
            int ms = (int)Math.Ceiling(Math.Min(int.MaxValue, wait.TotalMilliseconds));
            WaitHandle.WaitAny(new[] { _wake, StopToken.WaitHandle }, ms);
            if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
        }

        private void TakeAdded(EvseCommunicator communicator)
        {
            while (_added.TryDequeue(out var evse))
            {
                if (ReferenceEquals(communicator.GetEvse(evse.Serial), evse) && AddTarget(evse)) _changed[evse.Serial] = true;
            }
        }

        private bool AddTarget(Evse evse)
        {
            if (!_targetSerials.Add(evse.Serial)) return false;
            _targets.Add(evse);
            return true;
        }

        // Event handlers run on the engine's event thread: they only note what changed and wake the pipeline thread.
        private void OnChanged(object? sender, EvseEventArgs e)
        {
            _changed[e.Serial] = true;
            Wake();
        }

        private void OnAdded(object? sender, EvseEventArgs e)
        {
            _added.Enqueue(e.Evse);
            Wake();
        }

        private void Wake()
        {
            try
            {
                _wake.Set();
            }
            catch (ObjectDisposedException)
            {
                // An event delivered just after the watch ended: nobody to wake.
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
