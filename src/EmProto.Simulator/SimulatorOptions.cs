using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using EmProto.Protocol;

namespace EmProto.Simulator
{
    /// <summary>
    /// Identity and behaviour of one simulated charger. Every setting has a working default, so
    /// <c>new SimulatedEvse(new SimulatorOptions())</c> is a single-phase 16 A charger with password
    /// 123456 announcing itself to 127.0.0.1:28376.
    /// </summary>
    public sealed class SimulatorOptions
    {
        /// <summary>The port apps listen on.</summary>
        public const int AppPort = 28376;

        /// <summary>The first serial a fleet uses unless told otherwise.</summary>
        public static readonly EvseSerial DefaultSerial = new EvseSerial(0x5e5e_0000_0000_0001UL);

        /// <summary>The charger's serial (8 bytes).</summary>
        public EvseSerial Serial { get; set; } = DefaultSerial;

        /// <summary>The 6-digit password the charger accepts.</summary>
        public string Password { get; set; } = "123456";

        /// <summary>Brand announced in the Login payload.</summary>
        public string Brand { get; set; } = "EmProto";

        /// <summary>Model announced in the Login payload; empty picks "SIM-1P-16A" style names.</summary>
        public string Model { get; set; } = string.Empty;

        /// <summary>Hardware version.</summary>
        public string HardwareVersion { get; set; } = "SIM.1000.HW01";

        /// <summary>Software (firmware) version reported by GetVersion.</summary>
        public string SoftwareVersion { get; set; } = "SIM.1000.SW01";

        /// <summary>Support line announced in the Login payload.</summary>
        public string HotLine { get; set; } = "example.invalid";

        /// <summary>Type code; 0 picks 1 for one phase and 10 (a three-phase code) for three.</summary>
        public byte TypeCode { get; set; }

        /// <summary>1 or 3 phases.</summary>
        public int Phases { get; set; } = 1;

        /// <summary>Maximum current per phase in amps (6 to 32).</summary>
        public int MaxAmps { get; set; } = 16;

        /// <summary>Maximum power in watts; 0 computes phases × 230 V × <see cref="MaxAmps"/>.</summary>
        public int MaxPowerW { get; set; }

        /// <summary>The name the charger reports (without the "ACP#" prefix a SET carries).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The time zone the charger's clock shows; null means UTC.</summary>
        public TimeZoneInfo? TimeZone { get; set; }

        /// <summary>How far the charger's clock is off (a drifted clock); positive = ahead.</summary>
        public TimeSpan ClockOffset { get; set; }

        /// <summary>Where the charger sends everything: the app's endpoint (default 127.0.0.1:28376).</summary>
        public IPEndPoint AppEndPoint { get; set; } = new IPEndPoint(IPAddress.Loopback, AppPort);

        /// <summary>The address the charger's own socket binds to (loopback; port 0 = ephemeral).</summary>
        public IPEndPoint LocalEndPoint { get; set; } = new IPEndPoint(IPAddress.Loopback, 0);

        /// <summary>
        /// Allows <see cref="AppEndPoint"/> and <see cref="LocalEndPoint"/> outside loopback, including a
        /// broadcast address as the app endpoint (the socket may then broadcast) — for tests on a private
        /// link such as a veth pair between network namespaces. Off by default; the Start-EvseSimulator
        /// cmdlet never sets it, so simulators started from PowerShell stay on loopback.
        /// </summary>
        public bool AllowNetworkEndPoints { get; set; }

        /// <summary>Start with a car plugged in.</summary>
        public bool PluggedIn { get; set; }

        /// <summary>Energy meter at start in kWh.</summary>
        public double InitialMeterKWh { get; set; } = 1000;

        /// <summary>Interval of Login announcements while no app is registered (default 3.0 s).</summary>
        public TimeSpan LoginInterval { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>Interval of Heading keep-alives while registered (default 10 s).</summary>
        public TimeSpan HeadingInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Unanswered Headings after which the registration is dropped (default 3).</summary>
        public int MissedHeadingLimit { get; set; } = 3;

        /// <summary>Interval of status (4) pushes while registered (default 15 s).</summary>
        public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Interval of charging status (5) pushes while registered (default 15 s).</summary>
        public TimeSpan ChargingStatusInterval { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Interval at which an unacknowledged charge record is resent (default 3.6 s).</summary>
        public TimeSpan RecordResendInterval { get; set; } = TimeSpan.FromSeconds(3.6);

        /// <summary>How far ahead a reservation may be (default 24 h); further is refused.</summary>
        public TimeSpan MaxReservationAhead { get; set; } = TimeSpan.FromHours(24);

        /// <summary>
        /// The firmware the charger behaves like: which optional requests it answers, how it pushes and
        /// the forms of its payloads (default <see cref="SimulatorFirmware.Full"/>, which answers everything).
        /// Explicit forms in <see cref="Faults"/> override the profile's.
        /// </summary>
        public SimulatorFirmware Firmware { get; set; } = SimulatorFirmware.Full;

        /// <summary>
        /// App-to-charger requests (0x8000 and above) the charger silently ignores: no answer, no
        /// effect. Added to those the <see cref="Firmware"/> profile ignores. Empty by default.
        /// </summary>
        public ISet<EmCommand> IgnoredCommands { get; set; } = new HashSet<EmCommand>();

        /// <summary>Sends every reply to a request twice, as some firmware does (off by default).</summary>
        public bool DuplicateReplies { get; set; }

        /// <summary>Fault injection; all off by default.</summary>
        public FaultOptions Faults { get; set; } = new FaultOptions();

        /// <summary>The type code actually announced.</summary>
        public byte EffectiveTypeCode => TypeCode != 0 ? TypeCode : Phases == 3 ? (byte)10 : (byte)1;

        /// <summary>The maximum power actually announced.</summary>
        public int EffectiveMaxPowerW => MaxPowerW > 0 ? MaxPowerW : Phases * 230 * MaxAmps;

        /// <summary>The model actually announced.</summary>
        public string EffectiveModel => Model.Length > 0 ? Model : "SIM-" + Phases + "P-" + MaxAmps + "A";

        /// <summary>A deep copy with another serial (used by fleets).</summary>
        public SimulatorOptions CloneWith(EvseSerial serial, int seedOffset)
        {
            var copy = (SimulatorOptions)MemberwiseClone();
            copy.Serial = serial;
            copy.Faults = Faults.Clone();
            copy.IgnoredCommands = new HashSet<EmCommand>(IgnoredCommands);
            copy.Faults.Seed = unchecked(Faults.Seed + seedOffset);
            return copy;
        }

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            if (!EmPassword.IsValid(Password) || !IsDigits(Password))
                throw new ArgumentException("Password must be exactly 6 digits.", nameof(Password));
            if (Phases != 1 && Phases != 3) throw new ArgumentException("Phases must be 1 or 3; got " + Phases + ".", nameof(Phases));
            if (MaxAmps < 6 || MaxAmps > 32) throw new ArgumentException("MaxAmps must be 6 to 32; got " + MaxAmps + ".", nameof(MaxAmps));
            if (MaxPowerW < 0) throw new ArgumentException("MaxPowerW must not be negative.", nameof(MaxPowerW));
            EmText.Validate(Brand, 16, nameof(Brand));
            EmText.Validate(EffectiveModel, 16, nameof(Model));
            EmText.Validate(HardwareVersion, 16, nameof(HardwareVersion));
            EmText.Validate(SoftwareVersion, 16, nameof(SoftwareVersion));
            EmText.Validate(HotLine, 16, nameof(HotLine));
            if (!Enum.IsDefined(typeof(SimulatorFirmware), Firmware))
                throw new ArgumentException("Firmware must be Full, Telestar or BS20; got " + (int)Firmware + ".", nameof(Firmware));
            if (Faults == null) throw new ArgumentException("Faults is required.", nameof(Faults));
            Faults.Validate();
            if (IgnoredCommands == null) throw new ArgumentException("IgnoredCommands is required (it may be empty).", nameof(IgnoredCommands));
            foreach (var command in IgnoredCommands)
            {
                if (!EmCommands.IsAppToCharger(command))
                    throw new ArgumentException("IgnoredCommands holds app-to-charger requests (0x8000 and above); got " + EmCommands.Name(command) +
                        " (0x" + ((ushort)command).ToString("x4", CultureInfo.InvariantCulture) + ").", nameof(IgnoredCommands));
            }
            EmText.Validate(Name, Math.Min(28, FirmwareProfile.Resolve(this).NameWidth), nameof(Name));
            if (AppEndPoint == null) throw new ArgumentException("AppEndPoint is required.", nameof(AppEndPoint));
            if (LocalEndPoint == null) throw new ArgumentException("LocalEndPoint is required.", nameof(LocalEndPoint));
            if (!AllowNetworkEndPoints && !IPAddress.IsLoopback(AppEndPoint.Address))
                throw new ArgumentException("The simulator talks over loopback only: AppEndPoint must be a loopback address; got " + AppEndPoint + ".", nameof(AppEndPoint));
            if (!AllowNetworkEndPoints && !IPAddress.IsLoopback(LocalEndPoint.Address))
                throw new ArgumentException("The simulator binds to a loopback address only; got " + LocalEndPoint.Address + ".", nameof(LocalEndPoint));
            Positive(LoginInterval, nameof(LoginInterval));
            Positive(HeadingInterval, nameof(HeadingInterval));
            Positive(StatusInterval, nameof(StatusInterval));
            Positive(ChargingStatusInterval, nameof(ChargingStatusInterval));
            Positive(RecordResendInterval, nameof(RecordResendInterval));
            Positive(MaxReservationAhead, nameof(MaxReservationAhead));
            if (MissedHeadingLimit < 1) throw new ArgumentException("MissedHeadingLimit must be at least 1.", nameof(MissedHeadingLimit));
            if (InitialMeterKWh < 0 || InitialMeterKWh > 40_000_000) throw new ArgumentException("InitialMeterKWh must be 0 to 40,000,000.", nameof(InitialMeterKWh));
        }

        private static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero) throw new ArgumentException(name + " must be positive.", name);
        }
    }
}
