using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell.Transformations;
using EmProto.Protocol;
using EmProto.Simulator;

namespace EmProto.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes what a simulated charger experiences: plug, errors, emergency stop, password, clock, time, settings changed at the charger.</para>
    /// <para type="description">Acts on the chargers given on the pipeline or by -Serial (wildcards allowed). Changes are pushed to a registered app at once, as a real charger does. -AdvanceTime moves the charger's clock, energy meter and running session forward without waiting. -MaxCurrent, -Name, -OfflineCharge, -Language and -TemperatureUnit change a setting as if on the charger's screen or phone app: the charger pushes the new value to the app unasked.</para>
    /// <example><code>Get-EvseSimulator | Set-EvseSimulator -PlugIn</code></example>
    /// <example><code>Set-EvseSimulator -Serial 5e5e000000000001 -RaiseError OverCurrent, CpError -PassThru</code></example>
    /// <example><code>Set-EvseSimulator -Serial 5e5e000000000001 -AdvanceTime 01:00:00</code></example>
    /// <example><code>Set-EvseSimulator -Serial 5e5e000000000001 -OfflineCharge Disabled -MaxCurrent 10</code></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EvseSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(SimulatedEvse))]
    public sealed class SetEvseSimulatorCommand : SimulatorTargetCommandBase
    {
        /// <summary>Plug a car in.</summary>
        [Parameter]
        public SwitchParameter PlugIn { get; set; }

        /// <summary>Unplug the car (ends a running session).</summary>
        [Parameter]
        public SwitchParameter Unplug { get; set; }

        /// <summary>Error bits to raise (a running session ends).</summary>
        [Parameter]
        public EvseErrors RaiseError { get; set; }

        /// <summary>Clear every error bit and release the emergency stop.</summary>
        [Parameter]
        public SwitchParameter ClearError { get; set; }

        /// <summary>Press the emergency stop.</summary>
        [Parameter]
        public SwitchParameter EmergencyStop { get; set; }

        /// <summary>A new 6-digit password (a registered app is told its password no longer works).</summary>
        [Parameter]
        public string? Password { get; set; }

        /// <summary>How far the charger's clock is off from true time (seconds or a TimeSpan; negative = behind).</summary>
        [Parameter]
        [DurationTransformation(AllowNegative = true)]
        public TimeSpan? ClockOffset { get; set; }

        /// <summary>Set the charger's clock to this time.</summary>
        [Parameter]
        public DateTimeOffset? Clock { get; set; }

        /// <summary>Move the charger's simulated time forward (seconds or a TimeSpan).</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? AdvanceTime { get; set; }

        /// <summary>Change the output current at the charger (6 to its maximum); the app is sent the new value.</summary>
        [Parameter]
        [ValidateRange(6, 32)]
        public int? MaxCurrent { get; set; }

        /// <summary>Change the name at the charger; the app is sent the new name.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? Name { get; set; }

        /// <summary>Change the offline charge (start mode) at the charger; the app is sent the new value.</summary>
        [Parameter]
        public OfflineCharge? OfflineCharge { get; set; }

        /// <summary>Change the display language at the charger; the app is sent the new value.</summary>
        [Parameter]
        [ValidateSet("English", "Italian", "German", "French", "Spanish", "Hebrew", IgnoreCase = true)]
        public EvseLanguage? Language { get; set; }

        /// <summary>Change the temperature unit at the charger; the app is sent the new value.</summary>
        [Parameter]
        [ValidateSet("Celsius", "Fahrenheit", IgnoreCase = true)]
        public TemperatureUnit? TemperatureUnit { get; set; }

        /// <summary>Simulate a firmware update to this software version: the charger reboots and announces itself again.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SoftwareVersion { get; set; }

        /// <inheritdoc/>
        protected override void BeginLocal()
        {
            if (PlugIn && Unplug)
                Invalid("-PlugIn and -Unplug cannot be used together.", "PlugIn");
            if (ClockOffset.HasValue && Clock.HasValue)
                Invalid("-ClockOffset and -Clock cannot be used together.", "Clock");
            if (Password != null && (Password.Length != 6 || !IsDigits(Password)))
                Invalid("-Password must be exactly 6 digits, for example 123456.", "Password");
            if (ClockOffset.HasValue && ClockOffset.Value.Duration() > TimeSpan.FromDays(3650))
                Invalid("-ClockOffset may be at most 3650 days.", "ClockOffset");
        }

        /// <inheritdoc/>
        protected override void Act(SimulatedEvse evse)
        {
            var changes = Changes();
            string described = changes.Count == 0 ? "nothing" : string.Join(", ", changes.Select(c => c.Key));
            if (!ShouldProcess(evse.Serial.ToString(), "Change simulated charger (" + described + ")")) return;
            try
            {
                foreach (var change in changes) change.Value(evse);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.SimulatorInvalidArgument, ErrorCategory.InvalidArgument, evse));
                return;
            }
            WriteVerbose("Changed simulated charger " + evse.Serial + ": " + described + ".");
            if (PassThru) WriteObject(evse);
        }

        /// <summary>The changes given, in the order they are made: how each is described, and what it does.</summary>
        private List<KeyValuePair<string, Action<SimulatedEvse>>> Changes()
        {
            var changes = new List<KeyValuePair<string, Action<SimulatedEvse>>>();
            void Add(bool given, string what, Action<SimulatedEvse> change)
            {
                if (given) changes.Add(new KeyValuePair<string, Action<SimulatedEvse>>(what, change));
            }

            Add(ClearError, "clear errors", e => e.ClearError());
            Add(Unplug, "unplug", e => e.Unplug());
            Add(PlugIn, "plug in", e => e.PlugIn());
            Add(RaiseError != EvseErrors.None, "raise " + RaiseError, e => e.RaiseError(RaiseError));
            Add(EmergencyStop, "emergency stop", e => e.PressEmergencyStop());
            Add(Password != null, "new password", e => e.ChangePassword(Password!));
            Add(ClockOffset.HasValue, "clock offset " + ClockOffset, e => e.SetClockOffset(ClockOffset!.Value));
            Add(Clock.HasValue, "clock " + Clock?.ToString("o", CultureInfo.InvariantCulture), e => e.SetClock(Clock!.Value));
            Add(AdvanceTime.HasValue, "advance " + AdvanceTime, e => e.AdvanceTime(AdvanceTime!.Value));
            Add(MaxCurrent.HasValue, "current " + MaxCurrent + " A at the charger", e => e.ChangeMaxCurrentLocally(MaxCurrent!.Value));
            Add(Name != null, "name '" + Name + "' at the charger", e => e.ChangeNameLocally(Name!));
            Add(OfflineCharge.HasValue, "offline charge " + OfflineCharge + " at the charger", e => e.ChangeOfflineChargeLocally((byte)OfflineCharge!.Value));
            Add(Language.HasValue, "language " + Language + " at the charger", e => e.ChangeLanguageLocally(Language!.Value));
            Add(TemperatureUnit.HasValue, "temperature unit " + TemperatureUnit + " at the charger", e => e.ChangeTemperatureUnitLocally(TemperatureUnit!.Value));
            Add(SoftwareVersion != null, "firmware update to " + SoftwareVersion, e => e.ChangeFirmware(SoftwareVersion!));
            return changes;
        }

        private void Invalid(string message, string parameter) =>
            ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(ErrorIds.SimulatorInvalidArgument, message, parameter, null));

        private static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
