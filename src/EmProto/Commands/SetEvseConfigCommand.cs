using System;
using System.Management.Automation;
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
        protected override void BeginProcessing()
        {
            if (Name == null && !Language.HasValue && !TemperatureUnit.HasValue && !OfflineCharge.HasValue && !MaxCurrent.HasValue && Schedule == null && !Brightness.HasValue)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give at least one setting: -Name, -Language, -TemperatureUnit, -OfflineCharge, -MaxCurrent, -Schedule or -Brightness."),
                    ErrorIds.NoSetting, ErrorCategory.InvalidArgument, null));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessEvse(Evse evse)
        {
            string target = Describe(evse);
            bool any = false;
            if (Name != null && ShouldProcess(target, "Set the name to '" + Name + "'"))
            {
                string name = Name;
                Send(evse, "name", ct => evse.SetNameAsync(name, ct));
                any = true;
            }
            if (MaxCurrent.HasValue && ShouldProcess(target, "Set the maximum current to " + MaxCurrent.Value + " A"))
            {
                int amps = MaxCurrent.Value;
                Send(evse, "maximum current", ct => evse.SetMaxCurrentAsync(amps, ct));
                any = true;
            }
            if (Language.HasValue && ShouldProcess(target, "Set the language to " + Language.Value))
            {
                var language = Language.Value;
                Send(evse, "language", ct => evse.SetLanguageAsync(language, ct));
                any = true;
            }
            if (TemperatureUnit.HasValue && ShouldProcess(target, "Set the temperature unit to " + TemperatureUnit.Value))
            {
                var unit = TemperatureUnit.Value;
                Send(evse, "temperature unit", ct => evse.SetTemperatureUnitAsync(unit, ct));
                any = true;
            }
            if (OfflineCharge.HasValue && ShouldProcess(target, "Set offline charge to " + OfflineCharge.Value))
            {
                var mode = OfflineCharge.Value;
                Send(evse, "offline charge", ct => evse.SetOfflineChargeAsync(mode, ct));
                any = true;
            }
            if (Schedule != null && ShouldProcess(target, "Set the schedule to " + Schedule))
            {
                var schedule = Schedule;
                Send(evse, "schedule", ct => evse.SetScheduleAsync(schedule, ct));
                any = true;
            }
            if (Brightness.HasValue && ShouldProcess(target, "Set the screen brightness to " + Brightness.Value))
            {
                int level = Brightness.Value;
                Send(evse, "screen brightness", ct => evse.SetBrightnessAsync(level, ct));
                any = true;
            }
            if (any && PassThru) WriteObject(evse.Config);
        }

        private void Send(Evse evse, string what, Func<System.Threading.CancellationToken, System.Threading.Tasks.Task> work)
        {
            WriteVerbose("Sending the " + what + " to " + Describe(evse) + ".");
            Run(work, "Setting the " + what + " of " + evse.Serial, serial: evse.Serial);
        }
    }
}
