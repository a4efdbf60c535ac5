using System;
using System.Collections.Generic;
using EmProto.Protocol.Payloads;

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

        /// <summary>The charger's reply to an answered request (the row's <see cref="EmCommandInfo.Reply"/>).</summary>
        /// <exception cref="ArgumentException">The command is not a request the charger answers.</exception>
        public static EmCommand ReplyTo(EmCommand request) =>
            Get(request)?.Reply ?? throw new ArgumentException(EmCommands.Name(request) + " is not a request the charger answers.", nameof(request));

        /// <summary>True for a request some firmware ignores (never wait on it in a user-facing operation).</summary>
        public static bool IsOptional(EmCommand command) => Get(command)?.Support == CommandSupport.Optional;

        private static Dictionary<EmCommand, EmCommandInfo> Build()
        {
            var rows = new Dictionary<EmCommand, EmCommandInfo>();
            void Push(EmCommand c, int min, EmCommand? ack, Format f, string what) =>
                rows.Add(c, new EmCommandInfo(c, CommandSupport.Core, min, 0, null, ack, true, f.Type, f.Decode, what));
            void Answer(EmCommand c, int min, Format f, string what) =>
                rows.Add(c, new EmCommandInfo(c, CommandSupport.Core, min, 0, null, null, false, f.Type, f.Decode, what));
            void Ask(EmCommand c, CommandSupport s, EmCommand? reply, int length, Format f, string what) =>
                rows.Add(c, new EmCommandInfo(c, s, 0, length, reply, null, false, f.Type, f.Decode, what));

            var emptyOrRaw = new Format(typeof(EmptyPayload), (b, o, received, n) => n == 0 ? EmptyPayload.Instance : RawPayload.Decode(b, o, n));
            var raw = Format.Whole(RawPayload.Decode);
            var byteValue = Format.Received(ByteValuePayload.Decode);

            // Charger to app: pushes it originates (1-13), then answers.
            Push(EmCommand.Login, 70, null, Format.Whole(LoginPayload.Decode), "announce");
            Push(EmCommand.LoginResponse, 70, null, Format.Whole(LoginPayload.Decode), "login accepted");
            Push(EmCommand.Heading, 0, EmCommand.HeadingResponse, emptyOrRaw, "keep-alive");
            Push(EmCommand.SingleAcStatus, 25, EmCommand.SingleAcStatusResponse, Format.Whole(SingleAcStatusPayload.Decode), "status");
            Push(EmCommand.SingleAcChargingStatusPublicAuto, 74, EmCommand.SingleAcChargingStatusAcknowledge, Format.Whole(ChargingStatusPayload.Decode), "charging status");
            Push(EmCommand.SingleAcChargingStatusResponse, 74, null, Format.Whole(ChargingStatusPayload.Decode), "charging status");
            Push(EmCommand.ChargeStartResponse, 5, null, Format.Whole(ChargeStartResponsePayload.Decode), "start answer");
            Push(EmCommand.ChargeStopResponse, 3, null, Format.Whole(ChargeStopResponsePayload.Decode), "stop answer");
            Push(EmCommand.CurrentChargeRecord, 97, EmCommand.CurrentChargeRecordResponse, Format.Whole(ChargeRecordPayload.Decode), "charge record");
            Push(EmCommand.UploadLocalChargeRecord, 97, EmCommand.UploadLocalChargeRecordAcknowledge, Format.Whole(ChargeRecordPayload.Decode), "stored charge record");
            Push(EmCommand.StatusRecord, 25, null, Format.Whole(SingleAcStatusPayload.Decode), "status record");
            Answer(EmCommand.SetAndGetSystemTimeResponse, 5, Format.Whole(SystemTimePayload.Decode), "clock");
            Answer(EmCommand.SetAndGetChargeFeeResponse, 0, raw, "charge fee");
            Answer(EmCommand.SetAndGetServiceFeeResponse, 0, raw, "service fee");
            Answer(EmCommand.GetVersionResponse, 36, Format.Whole(VersionPayload.Decode), "versions");
            Answer(EmCommand.SetAndGetOutputElectricityResponse, 2, Format.Whole(ActionBytePayload.Decode<OutputElectricityPayload>), "maximum current");
            Answer(EmCommand.SetAndGetNickNameResponse, 17, Format.Whole(NickNamePayload.Decode), "name");
            Answer(EmCommand.WifiConfigurationResponse, 0, Format.Whole(WifiConfigurationPayload.Decode), "Wi-Fi configuration");
            Answer(EmCommand.SetAndGetOffLineChargeResponse, 2, Format.Whole(ActionBytePayload.Decode<OfflineChargePayload>), "offline charge");
            Answer(EmCommand.SetAndGetAlarmChargeStrategyResponse, 2, Format.Whole(WeeklySchedulePayload.Decode), "weekly schedule");
            Answer(EmCommand.SetAndGetLanguageResponse, 2, Format.Whole(ActionBytePayload.Decode<LanguagePayload>), "language");
            Answer(EmCommand.SetAndGetTemperatureUnitResponse, 2, Format.Whole(ActionBytePayload.Decode<TemperatureUnitPayload>), "temperature unit");
            Answer(EmCommand.BrightnessResponse, 3, Format.Whole(BrightnessPayload.DecodeReply), "screen brightness");
            Answer(EmCommand.PasswordErrorResponse, 0, emptyOrRaw, "password refused");

            // App to charger. Core: what every firmware answers (the seed library's set); optional: the rest.
            // Whole: the decoder reads the request padded to its length; Received: only the bytes that came.
            Ask(EmCommand.LoginConfirm, CommandSupport.Core, null, 2, byteValue, "confirm the login");
            Ask(EmCommand.RequestLogin, CommandSupport.Core, EmCommand.LoginResponse, 2, byteValue, "log in");
            Ask(EmCommand.HeadingResponse, CommandSupport.Core, null, 2, byteValue, "answer a keep-alive");
            Ask(EmCommand.SingleAcStatusResponse, CommandSupport.Core, null, 2, byteValue, "acknowledge a status");
            Ask(EmCommand.SingleAcChargingStatusAcknowledge, CommandSupport.Optional, null, 2, byteValue, "acknowledge a charging status");
            Ask(EmCommand.RequestChargingStatus, CommandSupport.Optional, EmCommand.SingleAcChargingStatusResponse, 2, byteValue, "read the charging status");
            Ask(EmCommand.ChargeStart, CommandSupport.Core, EmCommand.ChargeStartResponse, 47, Format.Whole(ChargeStartPayload.Decode), "start charging");
            Ask(EmCommand.ChargeStop, CommandSupport.Core, EmCommand.ChargeStopResponse, 47, Format.Whole(ChargeStopPayload.Decode), "stop charging");
            Ask(EmCommand.CurrentChargeRecordResponse, CommandSupport.Core, null, 18, Format.Whole(CurrentChargeRecordAckPayload.Decode), "acknowledge a charge record");
            Ask(EmCommand.UploadLocalChargeRecordAcknowledge, CommandSupport.Optional, null, 18, Format.Received(UploadRecordAckPayload.Decode), "acknowledge a stored charge record");
            Ask(EmCommand.RequestStatusRecord, CommandSupport.Optional, EmCommand.StatusRecord, 0, emptyOrRaw, "read the status record");
            Ask(EmCommand.SetAndGetSystemTime, CommandSupport.Core, EmCommand.SetAndGetSystemTimeResponse, 5, Format.Whole(SystemTimePayload.Decode), "the clock");
            Ask(EmCommand.SetPassword, CommandSupport.Optional, null, 6, Format.Received(SetPasswordPayload.Decode), "set the password");
            Ask(EmCommand.SetAndGetChargeFee, CommandSupport.Optional, EmCommand.SetAndGetChargeFeeResponse, 2, Format.Received(FeeRequestPayload.Decode), "the charge fee");
            Ask(EmCommand.SetAndGetServiceFee, CommandSupport.Optional, EmCommand.SetAndGetServiceFeeResponse, 2, Format.Received(FeeRequestPayload.Decode), "the service fee");
            Ask(EmCommand.GetVersion, CommandSupport.Core, EmCommand.GetVersionResponse, 0, emptyOrRaw, "the versions");
            Ask(EmCommand.SetAndGetOutputElectricity, CommandSupport.Core, EmCommand.SetAndGetOutputElectricityResponse, 2, Format.Whole(ActionBytePayload.Decode<OutputElectricityPayload>), "the maximum current");
            Ask(EmCommand.SetAndGetNickName, CommandSupport.Core, EmCommand.SetAndGetNickNameResponse, 17, Format.Whole(NickNamePayload.Decode), "the name");
            Ask(EmCommand.SetAndGetOffLineCharge, CommandSupport.Core, EmCommand.SetAndGetOffLineChargeResponse, 2, Format.Whole(ActionBytePayload.Decode<OfflineChargePayload>), "the offline charge setting");
            Ask(EmCommand.SetAndGetAlarmChargeStrategy, CommandSupport.Optional, EmCommand.SetAndGetAlarmChargeStrategyResponse, 2, Format.Received(WeeklySchedulePayload.Decode), "the weekly schedule");
            Ask(EmCommand.SetAndGetLanguage, CommandSupport.Core, EmCommand.SetAndGetLanguageResponse, 2, Format.Whole(ActionBytePayload.Decode<LanguagePayload>), "the language");
            Ask(EmCommand.SetAndGetTemperatureUnit, CommandSupport.Core, EmCommand.SetAndGetTemperatureUnitResponse, 2, Format.Whole(ActionBytePayload.Decode<TemperatureUnitPayload>), "the temperature unit");
            Ask(EmCommand.Brightness, CommandSupport.Optional, EmCommand.BrightnessResponse, 6, Format.Received(BrightnessPayload.DecodeRequest), "the screen brightness");
            return rows;
        }

        /// <summary>A row's payload class and how to read it.</summary>
        private readonly struct Format
        {
            public Format(Type type, PayloadDecoder decode)
            {
                Type = type;
                Decode = decode;
            }

            public Type Type { get; }

            public PayloadDecoder Decode { get; }

            /// <summary>Reads the whole payload: a short request padded with zeros to the row's length.</summary>
            public static Format Whole<T>(Func<byte[], int, int, T> read) where T : EmPayload =>
                new Format(typeof(T), (b, o, received, length) => read(b, o, length));

            /// <summary>Reads only the bytes that came (the payload tells its short forms apart by length).</summary>
            public static Format Received<T>(Func<byte[], int, int, T> read) where T : EmPayload =>
                new Format(typeof(T), (b, o, received, length) => read(b, o, received));
        }
    }
}
