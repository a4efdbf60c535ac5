using System;
using System.Globalization;

namespace EmProto.Protocol
{
    /// <summary>Facts about command numbers.</summary>
    public static class EmCommands
    {
        /// <summary>True when the library names this command.</summary>
        public static bool IsKnown(EmCommand command) => Enum.IsDefined(typeof(EmCommand), command);

        /// <summary>The command's name, or "Unknown(0x1234)".</summary>
        public static string Name(EmCommand command) =>
            IsKnown(command) ? command.ToString() : "Unknown(0x" + ((ushort)command).ToString("x4", CultureInfo.InvariantCulture) + ")";

        /// <summary>True for app-to-charger commands (0x8000 and above).</summary>
        public static bool IsAppToCharger(EmCommand command) => (ushort)command >= 0x8000;

        /// <summary>The charger's reply command for an app request (request minus 0x8000).</summary>
        public static EmCommand ReplyTo(EmCommand request) => (EmCommand)((ushort)request & 0x7FFF);

        /// <summary>The minimum payload length accepted from the network for this command.</summary>
        public static int MinimumPayloadLength(EmCommand command)
        {
            switch (command)
            {
                case EmCommand.Login:
                case EmCommand.LoginResponse: return 70;
                case EmCommand.SingleAcStatus:
                case EmCommand.StatusRecord: return 25;
                case EmCommand.SingleAcChargingStatusPublicAuto:
                case EmCommand.SingleAcChargingStatusResponse: return 74;
                case EmCommand.ChargeStartResponse: return 5;
                case EmCommand.ChargeStopResponse: return 3;
                case EmCommand.CurrentChargeRecord:
                case EmCommand.UploadLocalChargeRecord: return 97;
                case EmCommand.SetAndGetNickNameResponse: return 17;
                case EmCommand.GetVersionResponse: return 36;
                case EmCommand.SetAndGetSystemTimeResponse: return 5;
                case EmCommand.SetAndGetOutputElectricityResponse:
                case EmCommand.SetAndGetOffLineChargeResponse:
                case EmCommand.SetAndGetAlarmChargeStrategyResponse:
                case EmCommand.SetAndGetLanguageResponse:
                case EmCommand.SetAndGetTemperatureUnitResponse: return 2;
                case EmCommand.BrightnessResponse: return 3;
                default: return 0;
            }
        }
    }
}
