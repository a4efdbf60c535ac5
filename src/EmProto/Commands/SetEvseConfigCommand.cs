using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Engine;
using EmProto.Protocol;
using EmProto.PowerShell.Transformations;

namespace EmProto.PowerShell.Commands
{
    /// <summary>Changes chargers' settings; only the settings given are sent, each verified by the charger's echo.</summary>
    [Cmdlet(VerbsCommon.Set, "EvseConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SerialSet)]
    [OutputType(typeof(EvseConfig))]
    public sealed class SetEvseConfigCommand : EvseChangeCmdletBase
    {
        /// <summary>The charger's name (ASCII, at most 28 characters).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 28)]
        public new string? Name { get; set; }

        /// <summary>Display language.</summary>
        [Parameter]
        public EvseLanguage? Language { get; set; }

        /// <summary>Temperature unit.</summary>
        [Parameter]
        public TemperatureUnit? TemperatureUnit { get; set; }

        /// <summary>Offline charge mode.</summary>
        [Parameter]
        public OfflineCharge? OfflineCharge { get; set; }

        /// <summary>Configured maximum current, in A.</summary>
        [Parameter]
        [ValidateRange(6, 80)]
        public int? MaxCurrent { get; set; }

        /// <summary>Weekly charging schedule: an EvseSchedule, a line such as 'Mon 23:00-06:00, Tue 23:00+360m', or a hashtable of days.</summary>
        [Parameter]
        [ValidateNotNull]
        [ScheduleTransformation]
        public EvseSchedule? Schedule { get; set; }

        /// <summary>Screen brightness, 0 to 100 (chargers that answer it).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int? Brightness { get; set; }

        /// <summary>Returns the configuration afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void BeginLocal()
        {
            if (Name == null && !Language.HasValue && !TemperatureUnit.HasValue && !OfflineCharge.HasValue && !MaxCurrent.HasValue && Schedule == null && !Brightness.HasValue)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.NoSetting,
                    "Give at least one setting: -Name, -Language, -TemperatureUnit, -OfflineCharge, -MaxCurrent, -Schedule or -Brightness.", null, null));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            bool any = false;
            if (Name is string name) any |= Change(evse, "name", "'" + name + "'", ct => evse.SetNameAsync(name, ct));
            if (MaxCurrent is int amps) any |= Change(evse, "maximum current", amps + " A", ct => evse.SetMaxCurrentAsync(amps, ct));
            if (Language is EvseLanguage language) any |= Change(evse, "language", language.ToString(), ct => evse.SetLanguageAsync(language, ct));
            if (TemperatureUnit is TemperatureUnit unit) any |= Change(evse, "temperature unit", unit.ToString(), ct => evse.SetTemperatureUnitAsync(unit, ct));
            if (OfflineCharge is OfflineCharge mode) any |= Change(evse, "offline charge", mode.ToString(), ct => evse.SetOfflineChargeAsync(mode, ct));
            if (Schedule is EvseSchedule schedule) any |= Change(evse, "schedule", schedule.ToString(), ct => evse.SetScheduleAsync(schedule, ct));
            if (Brightness is int level) any |= Change(evse, "screen brightness", level.ToString(CultureInfo.InvariantCulture), ct => evse.SetBrightnessAsync(level, ct));
            if (any && PassThru) WriteObject(evse.Config);
        }

        /// <summary>Sets one setting when ShouldProcess agrees; false when it was skipped.</summary>
        private bool Change(Evse evse, string what, string value, Func<CancellationToken, Task> work)
        {
            if (!ShouldProcess(Describe(evse), "Set the " + what + " to " + value)) return false;
            WriteVerbose("Sending the " + what + " to " + Describe(evse) + ".");
            Run(work, "Setting the " + what + " of " + evse.Serial, serial: evse.Serial);
            return true;
        }
    }
}
