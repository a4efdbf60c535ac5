namespace EmProto.Engine
{
    /// <summary>
    /// The ErrorIds of the engine's failures, each written out once so users, the help and the tests can
    /// search for them. Cmdlets report them as the ErrorRecord's FullyQualifiedErrorId.
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>The password is not 6 printable ASCII characters.</summary>
        public const string InvalidPassword = "EvseInvalidPassword";
        /// <summary>No session and no stored password (or the charger was disconnected on purpose).</summary>
        public const string NotConnected = "EvseNotConnected";
        /// <summary>The charger refused the password.</summary>
        public const string AuthenticationFailed = "EvseAuthenticationFailed";
        /// <summary>A request went unanswered within its budget.</summary>
        public const string CommandTimeout = "EvseCommandTimeout";
        /// <summary>The charger's address is not known yet.</summary>
        public const string AddressUnknown = "EvseAddressUnknown";
        /// <summary>The charger answered a SET but kept its old value.</summary>
        public const string SettingNotApplied = "EvseSettingNotApplied";
        /// <summary>The charger refused to stop.</summary>
        public const string StopRejected = "EvseStopRejected";
        /// <summary>A current outside 6 A to the charger's maximum.</summary>
        public const string InvalidCurrent = "EvseInvalidCurrent";
        /// <summary>A maximum duration outside 1 to 65534 minutes.</summary>
        public const string InvalidDuration = "EvseInvalidDuration";
        /// <summary>A maximum energy outside 0.01 to 655.34 kWh.</summary>
        public const string InvalidEnergy = "EvseInvalidEnergy";
        /// <summary>A name that is too long or not ASCII.</summary>
        public const string InvalidName = "EvseInvalidName";
        /// <summary>A user id that is too long or not ASCII.</summary>
        public const string InvalidUserId = "EvseInvalidUserId";
        /// <summary>A charge id that is too long or not ASCII.</summary>
        public const string InvalidChargeId = "EvseInvalidChargeId";
        /// <summary>A weekly schedule that cannot be written.</summary>
        public const string InvalidSchedule = "EvseInvalidSchedule";
        /// <summary>A time that cannot be encoded for the charger.</summary>
        public const string InvalidTime = "EvseInvalidTime";
        /// <summary>A planned start time that has already passed.</summary>
        public const string StartInPast = "EvseStartInPast";
        /// <summary>A screen brightness outside 0 to 100.</summary>
        public const string InvalidBrightness = "EvseInvalidBrightness";
        /// <summary>The charger's firmware does not answer this optional reading or setting.</summary>
        public const string NotSupportedByFirmware = "EvseNotSupportedByFirmware";
        /// <summary>The charger never reported a charging session (and does not answer the request for one).</summary>
        public const string SessionUnknown = "EvseSessionUnknown";
        /// <summary>The wear guard refused a start or stop too soon after the last one.</summary>
        public const string WearGuard = "EvseWearGuard";

        /// <summary>The start was refused: no car is plugged in.</summary>
        public const string StartNotPluggedIn = "EvseStartNotPluggedIn";
        /// <summary>The start was refused: a system error.</summary>
        public const string StartSystemError = "EvseStartSystemError";
        /// <summary>The start was refused: it is already charging.</summary>
        public const string StartAlreadyCharging = "EvseStartAlreadyCharging";
        /// <summary>The start was refused: the charger is in maintenance.</summary>
        public const string StartSystemMaintenance = "EvseStartSystemMaintenance";
        /// <summary>The start was refused: incorrect fee.</summary>
        public const string StartIncorrectFee = "EvseStartIncorrectFee";
        /// <summary>The start was refused: the current was refused.</summary>
        public const string StartIncorrectPower = "EvseStartIncorrectPower";
        /// <summary>The start was refused: the time was refused.</summary>
        public const string StartIncorrectTime = "EvseStartIncorrectTime";
        /// <summary>The start was refused: a planned charge is pending.</summary>
        public const string StartReservationPending = "EvseStartReservationPending";
        /// <summary>The start was refused for a reason without a name.</summary>
        public const string StartRejected = "EvseStartRejected";
        /// <summary>The planned start was refused: the charger does not support planned starts.</summary>
        public const string ReservationNotSupported = "EvseReservationNotSupported";
        /// <summary>The planned start was refused: too far ahead.</summary>
        public const string ReservationTooFarAhead = "EvseReservationTooFarAhead";
        /// <summary>The planned start was refused: a planned charge already exists.</summary>
        public const string ReservationAlreadyReserved = "EvseReservationAlreadyReserved";
        /// <summary>The planned start was refused for another reason.</summary>
        public const string ReservationRejected = "EvseReservationRejected";
    }
}
