using System;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Sets chargers' clocks (to this host's time by default).</summary>
    [Cmdlet(VerbsCommon.Set, "EvseSystemTime", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseSystemTime))]
    public sealed class SetEvseSystemTimeCommand : EvseChangeCmdletBase
    {
        /// <summary>The time to set: a DateTime/DateTimeOffset, or a string in the charger's wall-clock time (default now).</summary>
        [Parameter]
        [ValidateNotNull]
        public EvseTime? Time { get; set; }

        /// <summary>Returns the clock reading after setting it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            DateTimeOffset? time = Time?.Resolve(evse.TimeZone, DateTimeOffset.UtcNow);
            string shown = time.HasValue ? TimeZoneInfo.ConvertTime(time.Value, evse.TimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) : "this host's time";
            WarnAboutTimeZone(evse);
            if (!ShouldProcess(Describe(evse), "Set the clock to " + shown)) return;
            WriteVerbose("Sending the clock (" + shown + ") to " + Describe(evse) + ".");
            var result = Run(ct => evse.SetSystemTimeAsync(time, ct), "Setting the clock of " + evse.Serial, serial: evse.Serial);
            if (PassThru) WriteObject(result);
        }

        /// <summary>
        /// Before the clock is changed (and before -Confirm asks): warns when the charger's clock is whole hours
        /// off, so it is probably right in another time zone. The last measured skew is used; without one, the
        /// clock is read first, except under -WhatIf, when no datagram may leave.
        /// </summary>
        private void WarnAboutTimeZone(Evse evse)
        {
            string? hint = evse.TimeZoneHint;
            if (hint == null && !evse.ClockSkew.HasValue && !WhatIfInEffect)
            {
                WriteVerbose("Reading the clock of " + Describe(evse) + " first, to check its time zone.");
                hint = Run(ct => evse.GetSystemTimeAsync(ct), "Reading the clock of " + evse.Serial, serial: evse.Serial).TimeZoneHint;
            }
            if (hint != null) WriteWarning(hint);
        }
    }
}
