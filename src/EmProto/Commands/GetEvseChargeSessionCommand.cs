using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Gets chargers' charge sessions: the current one, the planned one and the last one.</summary>
    [Cmdlet(VerbsCommon.Get, "EvseChargeSession", DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseChargeSession))]
    public sealed class GetEvseChargeSessionCommand : EvseReadCmdletBase
    {
        /// <summary>Which sessions to return (default all that exist).</summary>
        [Parameter]
        public EvseSessionKind[]? Kind { get; set; }

        /// <summary>Return what is in memory without asking the charger.</summary>
        [Parameter]
        public SwitchParameter NoRefresh { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            if (!NoRefresh && (evse.IsLoggedIn || evse.HasPassword))
            {
                var caps = evse.Capabilities;
                WriteVerbose(caps.ChargingStatus == EvseCapability.Ignored
                    ? "Charger " + Describe(evse) + " does not answer RequestChargingStatus (0x8006): using the session it last pushed."
                    : "Sending RequestChargingStatus to " + Describe(evse) + " (optional: the pushed session is used when it goes unanswered).");
                Run(async ct =>
                {
                    await evse.EnsureLoggedInAsync(ct).ConfigureAwait(false);
                    await evse.RefreshSessionAsync(ct).ConfigureAwait(false);
                }, "Reading the charging status of " + evse.Serial, serial: evse.Serial);
                var at = evse.SessionReportedAt;
                if (at.HasValue) WriteVerbose("Charger " + evse.Serial + " reported its session at " + at.Value.ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + ".");
            }
            Write(EvseSessionKind.Current, evse.CurrentSession);
            Write(EvseSessionKind.Planned, evse.PlannedSession);
            Write(EvseSessionKind.Last, evse.LastSession);
        }

        private void Write(EvseSessionKind kind, EvseChargeSession? session)
        {
            if (session == null) return;
            if (Kind != null && System.Array.IndexOf(Kind, kind) < 0) return;
            WriteObject(session);
        }
    }
}
