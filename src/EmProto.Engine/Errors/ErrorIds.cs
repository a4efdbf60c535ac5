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
        /// <summary>A charger serial that is not 16 hexadecimal digits.</summary>
        public const string InvalidSerial = "EvseInvalidSerial";
        /// <summary>No known charger has the serial, name or address asked for.</summary>
        public const string NotFound = "EvseNotFound";
        /// <summary>Connecting needs a password and none was given or stored.</summary>
        public const string PasswordRequired = "EvsePasswordRequired";
        /// <summary>The password was given more than once (-Password, -Credential, -PlainTextPassword).</summary>
        public const string AmbiguousPassword = "EvseAmbiguousPassword";
        /// <summary>A time zone id that this system does not know.</summary>
        public const string InvalidTimeZone = "EvseInvalidTimeZone";
        /// <summary>Set-EvseConfig was given no setting to change.</summary>
        public const string NoSetting = "EvseNoSetting";
        /// <summary>Waiting for a charger to reach a state ran out of time.</summary>
        public const string WaitTimeout = "EvseWaitTimeout";
        /// <summary>Waiting for a status from a charger ran out of time.</summary>
        public const string StateTimeout = "EvseStateTimeout";

        /// <summary>The local UDP port is in use by another program.</summary>
        public const string PortInUse = "EvsePortInUse";
        /// <summary>The UDP socket cannot be bound for another reason.</summary>
        public const string SocketError = "EvseSocketError";
        /// <summary>The communicator is not running or was stopped during the request.</summary>
        public const string CommunicatorStopped = "EvseCommunicatorStopped";
        /// <summary>A communicator is already running (Stop-EvseCommunicator first, or -Force to replace it).</summary>
        public const string CommunicatorRunning = "EvseCommunicatorRunning";
        /// <summary>A communicator option outside its range.</summary>
        public const string InvalidCommunicatorOption = "EvseInvalidCommunicatorOption";
        /// <summary>An EMPROTO_* environment variable with a value that cannot be used.</summary>
        public const string InvalidEnvironment = "EvseInvalidEnvironment";
        /// <summary>A store path that cannot be used for the known-chargers file.</summary>
        public const string InvalidStorePath = "EvseInvalidStorePath";

        /// <summary>The known-chargers file cannot be read or parsed.</summary>
        public const string StoreUnreadable = "EvseStoreUnreadable";
        /// <summary>The known-chargers file cannot be written.</summary>
        public const string StoreWriteFailed = "EvseStoreWriteFailed";
        /// <summary>The known-chargers file stayed locked by another process.</summary>
        public const string StoreLocked = "EvseStoreLocked";
        /// <summary>Import-Evse was given a file that does not exist.</summary>
        public const string ImportFileNotFound = "EvseImportFileNotFound";
        /// <summary>Import-Evse cannot read the file.</summary>
        public const string ImportUnreadable = "EvseImportUnreadable";
        /// <summary>Import-Evse read a file that is not a known-chargers file.</summary>
        public const string ImportInvalid = "EvseImportInvalid";

        /// <summary>ConvertFrom-EvseDatagram was given bytes that are not a datagram.</summary>
        public const string DatagramInvalid = "EvseDatagramInvalid";

        /// <summary>No simulated charger has the serial asked for.</summary>
        public const string SimulatorNotFound = "EvseSimulatorNotFound";
        /// <summary>A simulated charger with that serial is already running.</summary>
        public const string SimulatorExists = "EvseSimulatorExists";
        /// <summary>A simulated charger could not be started (its socket could not be bound).</summary>
        public const string SimulatorStartFailed = "EvseSimulatorStartFailed";
        /// <summary>A simulator parameter outside its range or not fitting the simulated charger.</summary>
        public const string SimulatorInvalidArgument = "EvseSimulatorInvalidArgument";

        /// <summary>This PowerShell cannot reach an agent (Windows PowerShell 5.1 has no Unix domain sockets).</summary>
        public const string AgentUnsupported = "EvseAgentUnsupported";
        /// <summary>The agent's socket directory cannot be made private to the user.</summary>
        public const string AgentSocketUnsafe = "EvseAgentSocketUnsafe";
        /// <summary>An agent already answers on the socket.</summary>
        public const string AgentRunning = "EvseAgentRunning";
        /// <summary>No agent answers on the socket.</summary>
        public const string AgentNotRunning = "EvseAgentNotRunning";
        /// <summary>The agent went away while it worked on a command (it was stopped or killed).</summary>
        public const string AgentLost = "EvseAgentLost";
        /// <summary>The agent refused the connection: it belongs to another user.</summary>
        public const string AgentRefused = "EvseAgentRefused";
        /// <summary>A background agent did not start or did not answer in time.</summary>
        public const string AgentStartFailed = "EvseAgentStartFailed";
    }
}
