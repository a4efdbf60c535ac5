using System.Collections.Generic;

namespace EmProto.Protocol
{
    /// <summary>
    /// The one place a command of the protocol is described: direction, reply, acknowledgement, minimum
    /// length, and whether a client may rely on it (core) or not (optional). The codec, the engine and
    /// the simulator look facts up here instead of repeating them.
    /// </summary>
    public static class EmCommandTable
    {
        private static readonly Dictionary<EmCommand, EmCommandInfo> Rows = Build();

        /// <summary>Every described command, in numeric order.</summary>
        public static IReadOnlyList<EmCommandInfo> All
        {
            get
            {
                var list = new List<EmCommandInfo>(Rows.Values);
                list.Sort((a, b) => ((ushort)a.Command).CompareTo((ushort)b.Command));
                return list;
            }
        }

        /// <summary>The row of a command, or null for numbers the library does not describe.</summary>
        public static EmCommandInfo? Get(EmCommand command) => Rows.TryGetValue(command, out var info) ? info : null;

        /// <summary>True for a request some firmware ignores (never wait on it in a user-facing operation).</summary>
        public static bool IsOptional(EmCommand command) => Get(command)?.Support == CommandSupport.Optional;

        private static Dictionary<EmCommand, EmCommandInfo> Build()
        {
            var rows = new Dictionary<EmCommand, EmCommandInfo>();
            void Push(EmCommand c, int min, EmCommand? ack, string what) => rows.Add(c, new EmCommandInfo(c, CommandSupport.Core, min, null, ack, true, what));
            void Answer(EmCommand c, int min, string what) => rows.Add(c, new EmCommandInfo(c, CommandSupport.Core, min, null, null, false, what));
            void Ask(EmCommand c, CommandSupport s, EmCommand? reply, string what) => rows.Add(c, new EmCommandInfo(c, s, 0, reply, null, false, what));

            // Charger to app: pushes it originates (1-13), then answers.
            Push(EmCommand.Login, 70, null, "announce");
            Push(EmCommand.LoginResponse, 70, null, "login accepted");
            Push(EmCommand.Heading, 0, EmCommand.HeadingResponse, "keep-alive");
            Push(EmCommand.SingleAcStatus, 25, EmCommand.SingleAcStatusResponse, "status");
            Push(EmCommand.SingleAcChargingStatusPublicAuto, 74, EmCommand.SingleAcChargingStatusAcknowledge, "charging status");
            Push(EmCommand.SingleAcChargingStatusResponse, 74, null, "charging status");
            Push(EmCommand.ChargeStartResponse, 5, null, "start answer");
            Push(EmCommand.ChargeStopResponse, 3, null, "stop answer");
            Push(EmCommand.CurrentChargeRecord, 97, EmCommand.CurrentChargeRecordResponse, "charge record");
            Push(EmCommand.UploadLocalChargeRecord, 97, EmCommand.UploadLocalChargeRecordAcknowledge, "stored charge record");
            Push(EmCommand.StatusRecord, 25, null, "status record");
            Answer(EmCommand.SetAndGetSystemTimeResponse, 5, "clock");
            Answer(EmCommand.SetAndGetChargeFeeResponse, 0, "charge fee");
            Answer(EmCommand.SetAndGetServiceFeeResponse, 0, "service fee");
            Answer(EmCommand.GetVersionResponse, 36, "versions");
            Answer(EmCommand.SetAndGetOutputElectricityResponse, 2, "maximum current");
            Answer(EmCommand.SetAndGetNickNameResponse, 17, "name");
            Answer(EmCommand.WifiConfigurationResponse, 0, "Wi-Fi configuration");
            Answer(EmCommand.SetAndGetOffLineChargeResponse, 2, "offline charge");
            Answer(EmCommand.SetAndGetAlarmChargeStrategyResponse, 2, "weekly schedule");
            Answer(EmCommand.SetAndGetLanguageResponse, 2, "language");
            Answer(EmCommand.SetAndGetTemperatureUnitResponse, 2, "temperature unit");
            Answer(EmCommand.BrightnessResponse, 3, "screen brightness");
            Answer(EmCommand.PasswordErrorResponse, 0, "password refused");

            // App to charger. Core: what every firmware answers (the seed library's set); optional: the rest.
            Ask(EmCommand.LoginConfirm, CommandSupport.Core, null, "confirm the login");
            Ask(EmCommand.RequestLogin, CommandSupport.Core, EmCommand.LoginResponse, "log in");
            Ask(EmCommand.HeadingResponse, CommandSupport.Core, null, "answer a keep-alive");
            Ask(EmCommand.SingleAcStatusResponse, CommandSupport.Core, null, "acknowledge a status");
            Ask(EmCommand.SingleAcChargingStatusAcknowledge, CommandSupport.Optional, null, "acknowledge a charging status");
            Ask(EmCommand.RequestChargingStatus, CommandSupport.Optional, EmCommand.SingleAcChargingStatusResponse, "read the charging status");
            Ask(EmCommand.ChargeStart, CommandSupport.Core, EmCommand.ChargeStartResponse, "start charging");
            Ask(EmCommand.ChargeStop, CommandSupport.Core, EmCommand.ChargeStopResponse, "stop charging");
            Ask(EmCommand.CurrentChargeRecordResponse, CommandSupport.Core, null, "acknowledge a charge record");
            Ask(EmCommand.UploadLocalChargeRecordAcknowledge, CommandSupport.Optional, null, "acknowledge a stored charge record");
            Ask(EmCommand.RequestStatusRecord, CommandSupport.Optional, EmCommand.StatusRecord, "read the status record");
            Ask(EmCommand.SetAndGetSystemTime, CommandSupport.Core, EmCommand.SetAndGetSystemTimeResponse, "the clock");
            Ask(EmCommand.SetPassword, CommandSupport.Optional, null, "set the password");
            Ask(EmCommand.SetAndGetChargeFee, CommandSupport.Optional, EmCommand.SetAndGetChargeFeeResponse, "the charge fee");
            Ask(EmCommand.SetAndGetServiceFee, CommandSupport.Optional, EmCommand.SetAndGetServiceFeeResponse, "the service fee");
            Ask(EmCommand.GetVersion, CommandSupport.Core, EmCommand.GetVersionResponse, "the versions");
            Ask(EmCommand.SetAndGetOutputElectricity, CommandSupport.Core, EmCommand.SetAndGetOutputElectricityResponse, "the maximum current");
            Ask(EmCommand.SetAndGetNickName, CommandSupport.Core, EmCommand.SetAndGetNickNameResponse, "the name");
            Ask(EmCommand.SetAndGetOffLineCharge, CommandSupport.Core, EmCommand.SetAndGetOffLineChargeResponse, "the offline charge setting");
            Ask(EmCommand.SetAndGetAlarmChargeStrategy, CommandSupport.Optional, EmCommand.SetAndGetAlarmChargeStrategyResponse, "the weekly schedule");
            Ask(EmCommand.SetAndGetLanguage, CommandSupport.Core, EmCommand.SetAndGetLanguageResponse, "the language");
            Ask(EmCommand.SetAndGetTemperatureUnit, CommandSupport.Core, EmCommand.SetAndGetTemperatureUnitResponse, "the temperature unit");
            Ask(EmCommand.Brightness, CommandSupport.Optional, EmCommand.BrightnessResponse, "the screen brightness");
            return rows;
        }
    }
}
