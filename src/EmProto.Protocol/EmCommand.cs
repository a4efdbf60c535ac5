namespace EmProto.Protocol
{
    /// <summary>
    /// EM protocol command numbers. Charger to app commands are below 0x8000; app requests are
    /// 0x8xxx and the charger answers with the same number minus 0x8000. Unknown numbers are
    /// kept as they are.
    /// </summary>
    public enum EmCommand : ushort
    {
        /// <summary>Charger announce (broadcast while no app is registered).</summary>
        Login = 0x0001,
        /// <summary>Answer to <see cref="RequestLogin"/>: the password was right.</summary>
        LoginResponse = 0x0002,
        /// <summary>Keep-alive from the charger, about every 10 s.</summary>
        Heading = 0x0003,
        /// <summary>Live status push.</summary>
        SingleAcStatus = 0x0004,
        /// <summary>Charge session status push.</summary>
        SingleAcChargingStatusPublicAuto = 0x0005,
        /// <summary>Charge session status, answer to <see cref="RequestChargingStatus"/>.</summary>
        SingleAcChargingStatusResponse = 0x0006,
        /// <summary>Answer to <see cref="ChargeStart"/>.</summary>
        ChargeStartResponse = 0x0007,
        /// <summary>Answer to <see cref="ChargeStop"/>.</summary>
        ChargeStopResponse = 0x0008,
        /// <summary>A finished session record.</summary>
        CurrentChargeRecord = 0x0009,
        /// <summary>A stored session record, resent until acknowledged.</summary>
        UploadLocalChargeRecord = 0x000A,
        /// <summary>Status record (same layout as <see cref="SingleAcStatus"/>).</summary>
        StatusRecord = 0x000D,
        /// <summary>Charger clock.</summary>
        SetAndGetSystemTimeResponse = 0x0101,
        /// <summary>Charge fee (layout unknown).</summary>
        SetAndGetChargeFeeResponse = 0x0104,
        /// <summary>Service fee (layout unknown).</summary>
        SetAndGetServiceFeeResponse = 0x0105,
        /// <summary>Hardware and software versions.</summary>
        GetVersionResponse = 0x0106,
        /// <summary>Configured maximum current.</summary>
        SetAndGetOutputElectricityResponse = 0x0107,
        /// <summary>Charger name.</summary>
        SetAndGetNickNameResponse = 0x0108,
        /// <summary>Wi-Fi configuration (contains the Wi-Fi passphrase).</summary>
        WifiConfigurationResponse = 0x010A,
        /// <summary>Offline charge (start mode).</summary>
        SetAndGetOffLineChargeResponse = 0x010D,
        /// <summary>Weekly schedule.</summary>
        SetAndGetAlarmChargeStrategyResponse = 0x010E,
        /// <summary>Display language.</summary>
        SetAndGetLanguageResponse = 0x010F,
        /// <summary>Temperature unit.</summary>
        SetAndGetTemperatureUnitResponse = 0x0112,
        /// <summary>Screen brightness.</summary>
        BrightnessResponse = 0x0162,
        /// <summary>The password was wrong or is no longer accepted.</summary>
        PasswordErrorResponse = 0x0155,

        /// <summary>Completes a login.</summary>
        LoginConfirm = 0x8001,
        /// <summary>Asks to log in with the password in the envelope.</summary>
        RequestLogin = 0x8002,
        /// <summary>Answer to every <see cref="Heading"/>.</summary>
        HeadingResponse = 0x8003,
        /// <summary>Acknowledges <see cref="SingleAcStatus"/>.</summary>
        SingleAcStatusResponse = 0x8004,
        /// <summary>Acknowledges <see cref="SingleAcChargingStatusPublicAuto"/>.</summary>
        SingleAcChargingStatusAcknowledge = 0x8005,
        /// <summary>Asks for the charge session status.</summary>
        RequestChargingStatus = 0x8006,
        /// <summary>Starts (or plans) a charge.</summary>
        ChargeStart = 0x8007,
        /// <summary>Stops a charge or cancels a reservation.</summary>
        ChargeStop = 0x8008,
        /// <summary>Acknowledges <see cref="CurrentChargeRecord"/>.</summary>
        CurrentChargeRecordResponse = 0x8009,
        /// <summary>Acknowledges <see cref="UploadLocalChargeRecord"/>.</summary>
        UploadLocalChargeRecordAcknowledge = 0x800A,
        /// <summary>Asks for the status record.</summary>
        RequestStatusRecord = 0x800D,
        /// <summary>Reads or sets the charger clock.</summary>
        SetAndGetSystemTime = 0x8101,
        /// <summary>Sets the PIN (password).</summary>
        SetPassword = 0x8102,
        /// <summary>Charge fee.</summary>
        SetAndGetChargeFee = 0x8104,
        /// <summary>Service fee.</summary>
        SetAndGetServiceFee = 0x8105,
        /// <summary>Asks for the versions.</summary>
        GetVersion = 0x8106,
        /// <summary>Reads or sets the maximum current.</summary>
        SetAndGetOutputElectricity = 0x8107,
        /// <summary>Reads or sets the name.</summary>
        SetAndGetNickName = 0x8108,
        /// <summary>Reads or sets the offline charge mode.</summary>
        SetAndGetOffLineCharge = 0x810D,
        /// <summary>Reads or sets the weekly schedule.</summary>
        SetAndGetAlarmChargeStrategy = 0x810E,
        /// <summary>Reads or sets the language.</summary>
        SetAndGetLanguage = 0x810F,
        /// <summary>Reads or sets the temperature unit.</summary>
        SetAndGetTemperatureUnit = 0x8112,
        /// <summary>Reads or sets the screen brightness.</summary>
        Brightness = 0x8162,
    }
}
