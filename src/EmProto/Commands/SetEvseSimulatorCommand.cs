using System;
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
        protected override void BeginProcessing()
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
        protected override void Act(SimulatedEvse evse) => Apply(evse);

        private void Apply(SimulatedEvse evse)
        {
            if (!ShouldProcess(evse.Serial.ToString(), "Change simulated charger (" + Describe() + ")")) return;
            try
            {
                if (ClearError) evse.ClearError();
                if (Unplug) evse.Unplug();
                if (PlugIn) evse.PlugIn();
                if (RaiseError != EvseErrors.None) evse.RaiseError(RaiseError);
                if (EmergencyStop) evse.PressEmergencyStop();
                if (Password != null) evse.ChangePassword(Password);
                if (ClockOffset.HasValue) evse.SetClockOffset(ClockOffset.Value);
                if (Clock.HasValue) evse.SetClock(Clock.Value);
                if (AdvanceTime.HasValue) evse.AdvanceTime(AdvanceTime.Value);
                if (MaxCurrent.HasValue) evse.ChangeMaxCurrentLocally(MaxCurrent.Value);
                if (Name != null) evse.ChangeNameLocally(Name);
                if (OfflineCharge.HasValue) evse.ChangeOfflineChargeLocally((byte)OfflineCharge.Value);
                if (Language.HasValue) evse.ChangeLanguageLocally(Language.Value);
                if (TemperatureUnit.HasValue) evse.ChangeTemperatureUnitLocally(TemperatureUnit.Value);
                if (SoftwareVersion != null) evse.ChangeFirmware(SoftwareVersion);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.SimulatorInvalidArgument, ErrorCategory.InvalidArgument, evse));
                return;
            }
            WriteVerbose("Changed simulated charger " + evse.Serial + ": " + Describe() + ".");
            if (PassThru) WriteObject(evse);
        }

        private string Describe()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (ClearError) parts.Add("clear errors");
            if (Unplug) parts.Add("unplug");
            if (PlugIn) parts.Add("plug in");
            if (RaiseError != EvseErrors.None) parts.Add("raise " + RaiseError);
            if (EmergencyStop) parts.Add("emergency stop");
            if (Password != null) parts.Add("new password");
            if (ClockOffset.HasValue) parts.Add("clock offset " + ClockOffset.Value);
            if (Clock.HasValue) parts.Add("clock " + Clock.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            if (AdvanceTime.HasValue) parts.Add("advance " + AdvanceTime.Value);
            if (MaxCurrent.HasValue) parts.Add("current " + MaxCurrent.Value + " A at the charger");
            if (Name != null) parts.Add("name '" + Name + "' at the charger");
            if (OfflineCharge.HasValue) parts.Add("offline charge " + OfflineCharge.Value + " at the charger");
            if (Language.HasValue) parts.Add("language " + Language.Value + " at the charger");
            if (TemperatureUnit.HasValue) parts.Add("temperature unit " + TemperatureUnit.Value + " at the charger");
            if (SoftwareVersion != null) parts.Add("firmware update to " + SoftwareVersion);
            return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
        }

        private void Invalid(string message, string parameter) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, parameter), ErrorIds.SimulatorInvalidArgument, ErrorCategory.InvalidArgument, null));

        private static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
