using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// Listens for chargers (and with -Probe asks them to answer), streaming each one to the pipeline
    /// as it is found; chargers already online are written at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "Evse")]
    [OutputType(typeof(EvseCharger))]
    public sealed class FindEvseCommand : EvseCmdletBase
    {
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private WildcardFilter? _serial, _name, _model;

        /// <summary>How long to listen (TimeSpan or seconds; default 10 s).</summary>
        [Parameter(Position = 0)]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Only chargers whose serial matches (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Serial { get; set; }

        /// <summary>Only chargers whose name matches (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Only chargers whose model matches (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Model { get; set; }

        /// <summary>Also send the discovery probe (chargers answer it at once).</summary>
        [Parameter]
        public SwitchParameter Probe { get; set; }

        /// <summary>Where to send the probe (default the broadcast address); implies -Probe.</summary>
        [Parameter]
        public IPAddress? ProbeAddress { get; set; }

        /// <summary>The port the probe is sent to (default 7248, the port other clients probe).</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int ProbePort { get; set; } = CommunicatorOptions.DefaultProbePort;

        /// <inheritdoc/>
        protected override void EndLocal()
        {
            _serial = WildcardFilter.From(Serial);
            _name = WildcardFilter.From(Name);
            _model = WildcardFilter.From(Model);
            TraceAllTraffic();
            var communicator = Communicator;
            communicator.EvseAdded += OnEvse;
            communicator.EvseChanged += OnChanged;
            try
            {
                foreach (var evse in communicator.GetEvses())
                {
                    if (evse.IsOnline) Consider(evse);
                }
                if (Probe || ProbeAddress != null)
                {
                    var target = new IPEndPoint(ProbeAddress ?? IPAddress.Broadcast, ProbePort);
                    WriteVerbose("Sending the discovery probe (RequestLogin with serial 0) to " + target + ".");
                    Run(ct => communicator.ProbeAsync(target), "Sending the discovery probe");
                }
                var watch = Stopwatch.StartNew();
                var progress = new ProgressRecord(NextActivityId(), "Find-Evse", "Listening for chargers");
                bool shown = false;
                while (watch.Elapsed < Timeout && !EveryAskedSerialFound())
                {
                    var left = Timeout - watch.Elapsed;
                    PumpOnce(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
                    if (Timeout > TimeSpan.FromSeconds(1))
                    {
                        WriteWaitProgress(progress, watch.Elapsed, Timeout);
                        shown = true;
                    }
                }
                if (shown) CompleteProgress(progress);
            }
            finally
            {
                communicator.EvseAdded -= OnEvse;
                communicator.EvseChanged -= OnChanged;
            }
            base.EndLocal();
        }

        /// <summary>
        /// True when -Serial named only exact serials (no wildcards) and each has been written: nothing more can
        /// match, so Find-Evse returns at once instead of listening out the -Timeout.
        /// </summary>
        private bool EveryAskedSerialFound()
        {
            if (Serial == null || Serial.Length == 0) return false;
            foreach (var s in Serial)
            {
                if (string.IsNullOrWhiteSpace(s) || WildcardFilter.HasWildcards(s) || !_written.Contains(s.Trim())) return false;
            }
            return true;
        }

        private void OnEvse(object? sender, EvseEventArgs e) => Post(() => Consider(e.Evse));

        private void OnChanged(object? sender, EvseEventArgs e)
        {
            if (e.Change == EvseChange.Info || e.Change == EvseChange.Online || e.Change == EvseChange.Config || e.Change == EvseChange.Address || e.Change == EvseChange.Restarted)
                Post(() => Consider(e.Evse));
        }

        private void Consider(Evse evse)
        {
            if (_written.Contains(evse.Serial)) return;
            var info = evse.Info;
            if (!WildcardFilter.Matches(_serial, evse.Serial) || !WildcardFilter.Matches(_name, evse.Name) || !WildcardFilter.Matches(_model, info.Model)) return;
            _written.Add(evse.Serial);
            WriteVerbose("Found charger " + Describe(evse) + ".");
            WriteObject(EvseCharger.From(evse));
        }
    }
}
