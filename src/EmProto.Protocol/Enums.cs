using System;

namespace EmProto.Protocol
{
    /// <summary>Plug (gun) state. Unknown values are kept as numbers.</summary>
    public enum GunState : byte
    {
        /// <summary>Not reported.</summary>
        Unknown = 0,
        /// <summary>No car connected.</summary>
        Disconnected = 1,
        /// <summary>Connected, unlocked.</summary>
        ConnectedUnlocked = 2,
        /// <summary>Connected and locked (charging).</summary>
        ConnectedLocked = 4,
    }

    /// <summary>Output (relay) state, per the seed library. Unknown values are kept as numbers.</summary>
    public enum OutputState : byte
    {
        /// <summary>Not reported.</summary>
        Unknown = 0,
        /// <summary>Output on: charging.</summary>
        Charging = 1,
        /// <summary>Output off.</summary>
        Idle = 2,
    }

    /// <summary>The charger's protocol-level state. Unknown values are kept as numbers.</summary>
    public enum CurrentState : byte
    {
        /// <summary>Not reported.</summary>
        Unknown = 0,
        /// <summary>EVSE fault.</summary>
        EvseFault = 1,
        /// <summary>Charging fault.</summary>
        ChargingFault = 2,
        /// <summary>Charging fault (second code).</summary>
        ChargingFault3 = 3,
        /// <summary>Waiting for a card swipe.</summary>
        WaitingForSwipe = 10,
        /// <summary>Waiting for the button.</summary>
        WaitingForButton = 11,
        /// <summary>No car connected.</summary>
        NotConnected = 12,
        /// <summary>Plugged in, ready to charge.</summary>
        ReadyToCharge = 13,
        /// <summary>Charging.</summary>
        Charging = 14,
        /// <summary>Session completed.</summary>
        Completed = 15,
        /// <summary>Session completed: car full.</summary>
        CompletedFull = 17,
        /// <summary>Stopped by the car (override value 18).</summary>
        StoppedByCar = 18,
        /// <summary>Override value 19 (meaning uncertain).</summary>
        State19 = 19,
        /// <summary>A charge is planned (reservation).</summary>
        Reservation = 20,
    }

    /// <summary>Error bits of a status datagram; several may be set at once.</summary>
    [Flags]
    public enum EvseErrors : uint
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>Relay stuck on L1.</summary>
        RelayStuckL1 = 1u << 0,
        /// <summary>Relay stuck on L2.</summary>
        RelayStuckL2 = 1u << 1,
        /// <summary>Relay stuck on L3.</summary>
        RelayStuckL3 = 1u << 2,
        /// <summary>Offline.</summary>
        Offline = 1u << 3,
        /// <summary>CC error.</summary>
        CcError = 1u << 4,
        /// <summary>CP error.</summary>
        CpError = 1u << 5,
        /// <summary>Emergency stop.</summary>
        EmergencyStop = 1u << 6,
        /// <summary>Inner over-temperature.</summary>
        OverTemperatureInner = 1u << 7,
        /// <summary>Outer over-temperature.</summary>
        OverTemperatureOuter = 1u << 8,
        /// <summary>Bit 9 (unnamed).</summary>
        Bit9 = 1u << 9,
        /// <summary>Leakage protection.</summary>
        LeakageProtection = 1u << 10,
        /// <summary>Short circuit.</summary>
        ShortCircuit = 1u << 11,
        /// <summary>Over current.</summary>
        OverCurrent = 1u << 12,
        /// <summary>Ungrounded.</summary>
        Ungrounded = 1u << 13,
        /// <summary>Over voltage.</summary>
        OverVoltage = 1u << 14,
        /// <summary>Low voltage.</summary>
        LowVoltage = 1u << 15,
        /// <summary>Bit 16 (unnamed).</summary>
        Bit16 = 1u << 16,
        /// <summary>Bit 17 (unnamed).</summary>
        Bit17 = 1u << 17,
        /// <summary>Bit 18 (unnamed).</summary>
        Bit18 = 1u << 18,
        /// <summary>Bit 19 (unnamed).</summary>
        Bit19 = 1u << 19,
        /// <summary>Bit 20 (unnamed).</summary>
        Bit20 = 1u << 20,
        /// <summary>Bit 21 (unnamed).</summary>
        Bit21 = 1u << 21,
        /// <summary>Bit 22 (unnamed).</summary>
        Bit22 = 1u << 22,
        /// <summary>Bit 23 (unnamed).</summary>
        Bit23 = 1u << 23,
        /// <summary>Bit 24 (unnamed).</summary>
        Bit24 = 1u << 24,
        /// <summary>Input power error.</summary>
        InputPowerError = 1u << 25,
        /// <summary>Mains overload.</summary>
        MainsOverload = 1u << 26,
        /// <summary>Diode short circuit.</summary>
        DiodeShortCircuit = 1u << 27,
        /// <summary>RTC failure.</summary>
        RtcFailure = 1u << 28,
        /// <summary>Flash failure.</summary>
        FlashFailure = 1u << 29,
        /// <summary>EEPROM failure.</summary>
        EepromFailure = 1u << 30,
        /// <summary>Metering module failure.</summary>
        MeteringFailure = 1u << 31,
    }

    /// <summary>Action byte of the SetAndGet family.</summary>
    public enum SetAndGetAction : byte
    {
        /// <summary>Unsolicited report (also the GET form for time).</summary>
        Report = 0,
        /// <summary>Write a value.</summary>
        Set = 1,
        /// <summary>Read a value.</summary>
        Get = 2,
    }

    /// <summary>Display language.</summary>
    public enum EvseLanguage : byte
    {
        /// <summary>Not reported.</summary>
        Unknown = 0,
        /// <summary>English.</summary>
        English = 1,
        /// <summary>Italian.</summary>
        Italian = 2,
        /// <summary>German.</summary>
        German = 3,
        /// <summary>French.</summary>
        French = 4,
        /// <summary>Spanish.</summary>
        Spanish = 5,
        /// <summary>Hebrew.</summary>
        Hebrew = 6,
    }

    /// <summary>Temperature unit shown by the charger.</summary>
    public enum TemperatureUnit : byte
    {
        /// <summary>Not reported.</summary>
        Unknown = 0,
        /// <summary>Degrees Celsius.</summary>
        Celsius = 1,
        /// <summary>Degrees Fahrenheit.</summary>
        Fahrenheit = 2,
    }

    /// <summary>
    /// Offline charge (start mode). The seed library reads 0 as enabled and 1 (and 2) as
    /// disabled; another client documents 0 app-and-button, 1 app only, 2 plug-and-charge.
    /// The raw number is always kept next to this name.
    /// </summary>
    public enum OfflineCharge : byte
    {
        /// <summary>Offline charging enabled (0).</summary>
        Enabled = 0,
        /// <summary>Offline charging disabled (1).</summary>
        Disabled = 1,
        /// <summary>Seen meaning disabled; documented elsewhere as plug-and-charge (2).</summary>
        Mode2 = 2,
    }

    /// <summary>
    /// Emergency button state (status byte 17). 1 in every normal capture; the simulator reports 2
    /// while its emergency stop is pressed. Other values are kept as numbers.
    /// </summary>
    public enum EmergencyButtonState : byte
    {
        /// <summary>Not reported (0).</summary>
        Unknown = 0,
        /// <summary>Released: normal operation (1).</summary>
        Released = 1,
        /// <summary>Pressed: emergency stop (2).</summary>
        Pressed = 2,
    }

    /// <summary>
    /// Why a charge ended (charge record byte 58). No public client documents these codes; the only
    /// value seen with a known cause is 0xFF, with end user "Power Down". Other values are kept as
    /// numbers (an undefined value prints as its number).
    /// </summary>
    public enum EvseStopReason : byte
    {
        /// <summary>The charger lost power during the session (0xFF, seen with end user "Power Down").</summary>
        PowerDown = 0xFF,
    }

    /// <summary>ChargeStartResponse error reason.</summary>
    public enum ChargeStartError : byte
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>No car plugged in.</summary>
        NotPluggedIn = 1,
        /// <summary>System error.</summary>
        SystemError = 2,
        /// <summary>Already charging.</summary>
        AlreadyCharging = 3,
        /// <summary>System maintenance.</summary>
        SystemMaintenance = 4,
        /// <summary>Incorrect fee.</summary>
        IncorrectFee = 5,
        /// <summary>Incorrect power (current).</summary>
        IncorrectPower = 6,
        /// <summary>Incorrect time.</summary>
        IncorrectTime = 7,
        /// <summary>Unknown error.</summary>
        UnknownError = 8,
        /// <summary>A reservation is pending.</summary>
        ReservationPending = 20,
    }

    /// <summary>ChargeStartResponse reservation result.</summary>
    public enum ReservationResult : byte
    {
        /// <summary>Started immediately.</summary>
        ImmediateStart = 0,
        /// <summary>Reservation accepted.</summary>
        ReservationOk = 1,
        /// <summary>Reservations not supported.</summary>
        NotSupported = 2,
        /// <summary>Too far ahead (more than 24 h).</summary>
        TooFarAhead = 3,
        /// <summary>In the past: charging starts now.</summary>
        InThePast = 4,
        /// <summary>System error.</summary>
        SystemError = 5,
        /// <summary>A reservation already exists.</summary>
        AlreadyReserved = 6,
        /// <summary>Already charging.</summary>
        AlreadyCharging = 7,
        /// <summary>Incorrect fee.</summary>
        IncorrectFee = 8,
        /// <summary>Incorrect power.</summary>
        IncorrectPower = 9,
        /// <summary>Incorrect time.</summary>
        IncorrectTime = 10,
    }

    /// <summary>Mode of one weekly schedule slot.</summary>
    public enum ScheduleSlotMode : byte
    {
        /// <summary>Not set.</summary>
        Unknown = 0,
        /// <summary>Slot off.</summary>
        Off = 1,
        /// <summary>Slot on.</summary>
        On = 3,
    }
}
