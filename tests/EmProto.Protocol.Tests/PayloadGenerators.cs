using System;
using System.Linq;
using CsCheck;
using EmProto.Protocol.Payloads;

namespace EmProto.Protocol.Tests
{
    /// <summary>CsCheck generators for valid payloads of every type, paired with a command that carries them.</summary>
    public static class PayloadGenerators
    {
        /// <summary>Printable ASCII of at most <paramref name="width"/> characters, no leading or trailing space (readers trim).</summary>
        public static Gen<string> Text(int width) =>
            Gen.Char[' ', '~'].Array[0, width].Select(a => new string(a).Trim());

        /// <summary>Like <see cref="Text"/>, but often exactly at the width, where splits and padding are tested.</summary>
        public static Gen<string> TextUpTo(int width) =>
            Gen.Frequency((3, Text(width)), (1, Gen.Char['!', '~'].Array[width].Select(a => new string(a))));

        private static Gen<T> Enum8<T>() where T : struct, Enum => Gen.Byte.Select(b => (T)Enum.ToObject(typeof(T), b));

        private static Gen<EmTimestamp> Time => Gen.UInt.Select(v => new EmTimestamp(v));

        public static readonly Gen<(EmCommand, EmPayload)> Login =
            Gen.Select(Gen.OneOfConst(70, 118, 119, 151), Gen.Byte, Gen.UInt, Gen.Byte, Gen.Byte, Gen.OneOfConst(EmCommand.Login, EmCommand.LoginResponse))
                .SelectMany(t => Gen.Select(
                    TextUpTo(t.Item1 == 151 ? 32 : 16), TextUpTo(t.Item1 == 151 ? 32 : 16), TextUpTo(16), TextUpTo(t.Item1 == 70 ? 16 : 64),
                    (brand, model, hw, hot) => (t.Item6, (EmPayload)new LoginPayload
                    {
                        Form = t.Item1, Type = t.Item2, MaxPowerW = t.Item3, MaxAmps = t.Item4,
                        Byte70 = t.Item1 == 119 || t.Item1 == 151 ? t.Item5 : (byte)0,
                        Brand = brand, Model = model, HardwareVersion = hw, HotLine = hot,
                    })));

        public static readonly Gen<(EmCommand, EmPayload)> Status =
            Gen.Select(
                Gen.Select(Gen.OneOfConst(25, 33, 40), Gen.Byte, Gen.UShort, Gen.UShort, Gen.UInt, Gen.UInt, Gen.UShort, Gen.UShort),
                Gen.Select(Gen.Byte, Enum8<GunState>(), Enum8<OutputState>(), Enum8<CurrentState>(), Gen.UInt, Gen.UShort.Array[4], Gen.Byte, Gen.Byte),
                Gen.OneOfConst(EmCommand.SingleAcStatus, EmCommand.StatusRecord),
                (a, b, command) =>
                {
                    var p = new SingleAcStatusPayload
                    {
                        Form = a.Item1, LineId = a.Item2, L1VoltageRaw = a.Item3, L1CurrentRaw = a.Item4, PowerW = a.Item5, MeterRaw = a.Item6,
                        InnerTemperatureRaw = a.Item7, OuterTemperatureRaw = a.Item8,
                        EmergencyButton = b.Item1, GunState = b.Item2, OutputState = b.Item3, CurrentState = b.Item4, Errors = (EvseErrors)b.Item5,
                    };
                    if (p.Form >= 33)
                    {
                        p.L2VoltageRaw = b.Item6[0];
                        p.L2CurrentRaw = b.Item6[1];
                        p.L3VoltageRaw = b.Item6[2];
                        p.L3CurrentRaw = b.Item6[3];
                    }
                    if (p.Form >= 40)
                    {
                        p.PhaseCount = b.Item7;
                        p.SecondaryState = b.Item8;
                    }
                    return (command, (EmPayload)p);
                });

        public static readonly Gen<(EmCommand, EmPayload)> ChargingStatus =
            Gen.Select(
                Gen.Select(Gen.Byte, Enum8<CurrentState>(), TextUpTo(16), Gen.Byte, Gen.Byte, Gen.UShort, Gen.UShort, Gen.UShort),
                Gen.Select(Time, TextUpTo(16), Gen.Byte, Time, Gen.UInt, Gen.UInt, Gen.UInt, Gen.UInt),
                Gen.Select(Gen.UInt, Gen.Byte, Gen.UShort, Gen.Bool, Gen.Byte.Array[6]),
                Gen.OneOfConst(EmCommand.SingleAcChargingStatusPublicAuto, EmCommand.SingleAcChargingStatusResponse),
                (a, b, c, command) => (command, (EmPayload)new ChargingStatusPayload
                {
                    Port = a.Item1, CurrentState = a.Item2, ChargeId = a.Item3, StartType = a.Item4, ChargeType = a.Item5,
                    MaxDurationMinutes = a.Item6, MaxEnergyRaw = a.Item7, Param3Raw = a.Item8,
                    ReservationDate = b.Item1, UserId = b.Item2, MaxAmps = b.Item3, StartDate = b.Item4, DurationSeconds = b.Item5,
                    StartMeterRaw = b.Item6, CurrentMeterRaw = b.Item7, ChargedEnergyRaw = b.Item8,
                    ChargePriceRaw = c.Item1, FeeType = c.Item2, ChargeFeeRaw = c.Item3, Extension = c.Item4 ? c.Item5 : null,
                }));

        public static readonly Gen<(EmCommand, EmPayload)> ChargeRecord =
            Gen.Select(
                Gen.Select(Gen.Byte, TextUpTo(16), TextUpTo(16), TextUpTo(16), Gen.Byte, Gen.Byte, Gen.Byte, Gen.UShort.Array[3]),
                Gen.Select(Gen.Byte, Gen.Byte, Time, Time, Time, Gen.UInt.Array[5], Gen.Byte, Gen.UShort),
                Gen.Select(Gen.UShort, Gen.UShort.Array[0, 200]),
                Gen.OneOfConst(EmCommand.CurrentChargeRecord, EmCommand.UploadLocalChargeRecord),
                (a, b, c, command) => (command, (EmPayload)new ChargeRecordPayload
                {
                    LineId = a.Item1, StartUserId = a.Item2, EndUserId = a.Item3, ChargeId = a.Item4, HasReservation = a.Item5, StartType = a.Item6, ChargeType = a.Item7,
                    Param1 = a.Item8[0], Param2 = a.Item8[1], Param3 = a.Item8[2],
                    StopReason = b.Item1, HasStopCharge = b.Item2, ReservationDate = b.Item3, StartDate = b.Item4, StopDate = b.Item5,
                    ChargedSeconds = b.Item6[0], StartMeterRaw = b.Item6[1], StopMeterRaw = b.Item6[2], ChargedEnergyRaw = b.Item6[3], ChargePriceRaw = b.Item6[4],
                    FeeType = b.Item7, ChargeFeeRaw = b.Item8, DeclaredSampleCount = c.Item1, Slots = c.Item2,
                }));

        public static readonly Gen<(EmCommand, EmPayload)> ChargeStart =
            Gen.Select(
                Gen.Select(Gen.Byte, TextUpTo(16), TextUpTo(16), Gen.Byte, Time, Gen.Byte, Gen.Byte),
                Gen.Select(Gen.UShort, Gen.UShort, Gen.UShort, Gen.Byte),
                (a, b) => (EmCommand.ChargeStart, (EmPayload)new ChargeStartPayload
                {
                    LineId = a.Item1, UserId = a.Item2, ChargeId = a.Item3, IsReservation = a.Item4, ReservationDate = a.Item5, StartType = a.Item6, ChargeType = a.Item7,
                    MaxDurationMinutes = b.Item1, MaxEnergyRaw = b.Item2, Param3 = b.Item3, MaxAmps = b.Item4,
                }));

        public static readonly Gen<(EmCommand, EmPayload)> ChargeStop =
            Gen.Select(Gen.Byte, TextUpTo(16), (line, user) => (EmCommand.ChargeStop, (EmPayload)new ChargeStopPayload { LineId = line, UserId = user }));

        public static readonly Gen<(EmCommand, EmPayload)> ChargeStartResponse =
            Gen.Select(Gen.Byte, Enum8<ReservationResult>(), Gen.Byte, Enum8<ChargeStartError>(), Gen.Byte, (l, r, s, e, a) =>
                (EmCommand.ChargeStartResponse, (EmPayload)new ChargeStartResponsePayload { LineId = l, ReservationResult = r, StartResult = s, ErrorReason = e, MaxAmps = a }));

        public static readonly Gen<(EmCommand, EmPayload)> ChargeStopResponse =
            Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, (l, s, f) => (EmCommand.ChargeStopResponse, (EmPayload)new ChargeStopResponsePayload { LineId = l, StopResult = s, FailReason = f }));

        public static readonly Gen<(EmCommand, EmPayload)> RecordAcks = Gen.OneOf(
            Gen.Select(Gen.Byte, TextUpTo(16), Gen.Byte, (l, id, s) => (EmCommand.CurrentChargeRecordResponse, (EmPayload)new CurrentChargeRecordAckPayload { LineId = l, ChargeId = id, Status = s })),
            Gen.Select(Gen.Byte, TextUpTo(16), Gen.Byte, Gen.Bool, (lead, id, s, shortForm) => (EmCommand.UploadLocalChargeRecordAcknowledge, (EmPayload)(shortForm
                ? new UploadRecordAckPayload { Lead = lead, ShortForm = true }
                : new UploadRecordAckPayload { Lead = lead, ChargeId = id, Status = s }))));

        public static readonly Gen<(EmCommand, EmPayload)> SystemTime =
            Gen.Select(Enum8<SetAndGetAction>(), Time, Gen.Bool, Gen.OneOfConst(EmCommand.SetAndGetSystemTime, EmCommand.SetAndGetSystemTimeResponse),
                (a, t, l, command) => (command, (EmPayload)new SystemTimePayload { Action = a, Time = t, LongForm = l }));

        public static readonly Gen<(EmCommand, EmPayload)> Version =
            Gen.Select(TextUpTo(16), TextUpTo(16), Gen.UInt, Gen.Bool, Gen.Byte, (hw, sw, f, has, s) =>
                (EmCommand.GetVersionResponse, (EmPayload)new VersionPayload { HardwareVersion = hw, SoftwareVersion = sw, Feature = f, SupportNew = has ? s : (byte?)null }));

        public static readonly Gen<(EmCommand, EmPayload)> ActionByte =
            Gen.Select(Gen.Int[0, 3], Gen.Bool, Enum8<SetAndGetAction>(), Gen.Byte, (kind, request, action, value) =>
            {
                ActionBytePayload p = kind switch
                {
                    0 => new OutputElectricityPayload(),
                    1 => new OfflineChargePayload(),
                    2 => new LanguagePayload(),
                    _ => new TemperatureUnitPayload(),
                };
                p.Action = action;
                p.RawValue = value;
                var command = kind switch
                {
                    0 => EmCommand.SetAndGetOutputElectricity,
                    1 => EmCommand.SetAndGetOffLineCharge,
                    2 => EmCommand.SetAndGetLanguage,
                    _ => EmCommand.SetAndGetTemperatureUnit,
                };
                return (request ? command : EmCommandTable.ReplyTo(command), (EmPayload)p);
            });

        public static readonly Gen<(EmCommand, EmPayload)> NickName =
            Gen.Select(Enum8<SetAndGetAction>(), Gen.OneOfConst(16, 32), Gen.Bool, (a, w, request) => (a, w, request))
                .SelectMany(t => TextUpTo(t.w).Select(name => (t.request ? EmCommand.SetAndGetNickName : EmCommand.SetAndGetNickNameResponse,
                    (EmPayload)new NickNamePayload { Action = t.a, NameWidth = t.w, Name = name })));

        public static readonly Gen<ScheduleSlot> Slot =
            Gen.Select(Enum8<ScheduleSlotMode>(), Gen.Byte[0, 23], Gen.Byte[0, 59], Gen.UShort, Gen.UInt,
                (m, h, min, d, r) => new ScheduleSlot { Mode = m, Hour = h, Minute = min, DurationMinutes = d, Reserved = r });

        /// <summary>0 slots is the 2-byte short form (<c>action 00</c>), which decodes with no slots (null).</summary>
        public static readonly Gen<(EmCommand, EmPayload)> Schedule =
            Gen.Select(Enum8<SetAndGetAction>(), Slot.Array[0, 7], Gen.OneOfConst(EmCommand.SetAndGetAlarmChargeStrategy, EmCommand.SetAndGetAlarmChargeStrategyResponse),
                (a, slots, command) => (command, (EmPayload)new WeeklySchedulePayload { Action = a, Slots = slots.Length == 0 ? null : slots }));

        /// <summary>Requests are GET or SET; replies keep their bytes (3 to 8 of them) with the value at byte 2.</summary>
        public static readonly Gen<(EmCommand, EmPayload)> Brightness =
            Gen.OneOf(
                Gen.Select(Gen.Bool, Gen.Byte[0, 100], (get, v) =>
                    (EmCommand.Brightness, (EmPayload)(get ? new BrightnessPayload { Action = SetAndGetAction.Get } : new BrightnessPayload { Action = SetAndGetAction.Set, Value = v }))),
                Gen.Select(Gen.Byte.Array[3, 8], Gen.Byte[0, 100], (data, v) =>
                {
                    data[2] = v;
                    return (EmCommand.BrightnessResponse, (EmPayload)new BrightnessPayload { Action = SetAndGetAction.Report, Value = v, ReplyData = data });
                }));

        public static readonly Gen<(EmCommand, EmPayload)> SimpleRequests =
            Gen.Select(Gen.OneOfConst(EmCommand.LoginConfirm, EmCommand.RequestLogin, EmCommand.HeadingResponse, EmCommand.SingleAcStatusResponse, EmCommand.SingleAcChargingStatusAcknowledge, EmCommand.RequestChargingStatus), Gen.Byte,
                (c, v) => (c, (EmPayload)new ByteValuePayload(v)));

        public static readonly Gen<(EmCommand, EmPayload)> Fees =
            Gen.Select(Gen.OneOfConst(SetAndGetAction.Get, SetAndGetAction.Set, SetAndGetAction.Report), Gen.Byte, Gen.Byte, Gen.OneOfConst(EmCommand.SetAndGetChargeFee, EmCommand.SetAndGetServiceFee),
                (a, r, n, c) => (c, (EmPayload)(a == SetAndGetAction.Set ? new FeeRequestPayload { Action = a, RateType = r, Number = n } : new FeeRequestPayload { Action = a })));

        public static readonly Gen<(EmCommand, EmPayload)> SetPassword =
            Gen.Char['!', '~'].Array[6].Select(a => (EmCommand.SetPassword, (EmPayload)new SetPasswordPayload { NewPassword = EmPassword.FromString(new string(a)) }));

        public static readonly Gen<(EmCommand, EmPayload)> Empty =
            Gen.OneOfConst(EmCommand.Heading, EmCommand.PasswordErrorResponse, EmCommand.GetVersion, EmCommand.RequestStatusRecord).Select(c => (c, (EmPayload)EmptyPayload.Instance));

        /// <summary>Commands without a known layout keep their bytes: unknown numbers, fee responses.</summary>
        public static readonly Gen<(EmCommand, EmPayload)> Raw =
            Gen.Select(Gen.OneOfConst((EmCommand)0x0104, (EmCommand)0x0105, (EmCommand)0x0777, (EmCommand)0x000B, (EmCommand)0x8777), Gen.Byte.Array[0, 300],
                (c, data) => (c, (EmPayload)new RawPayload(data)));

        public static readonly Gen<(EmCommand, EmPayload)> Wifi =
            Gen.Byte.Array[105].Select(data => (EmCommand.WifiConfigurationResponse, (EmPayload)new WifiConfigurationPayload(data)));

        /// <summary>Any payload type, with an envelope (serial, password or none, key type).</summary>
        public static readonly Gen<Datagram> AnyDatagram =
            Gen.Select(
                Gen.OneOf(Login, Status, ChargingStatus, ChargeRecord, ChargeStart, ChargeStop, ChargeStartResponse, ChargeStopResponse, RecordAcks, SystemTime, Version,
                    ActionByte, NickName, Schedule, Brightness, SimpleRequests, Fees, SetPassword, Empty, Raw, Wifi),
                Gen.ULong, Gen.Bool, Gen.Char['!', '~'].Array[6], Gen.Byte,
                (cp, serial, hasPassword, password, keyType) => new Datagram(new EvseSerial(serial), hasPassword ? EmPassword.FromString(new string(password)) : EmPassword.None, cp.Item1, cp.Item2, keyType));

        /// <summary>Every payload generator by name, so each type is exercised on its own too.</summary>
        public static readonly (string Name, Gen<(EmCommand, EmPayload)> Gen)[] ByType =
        {
            ("Login", Login), ("Status", Status), ("ChargingStatus", ChargingStatus), ("ChargeRecord", ChargeRecord), ("ChargeStart", ChargeStart), ("ChargeStop", ChargeStop),
            ("ChargeStartResponse", ChargeStartResponse), ("ChargeStopResponse", ChargeStopResponse), ("RecordAcks", RecordAcks), ("SystemTime", SystemTime),
            ("Version", Version), ("ActionByte", ActionByte), ("NickName", NickName), ("Schedule", Schedule), ("Brightness", Brightness),
            ("SimpleRequests", SimpleRequests), ("Fees", Fees), ("SetPassword", SetPassword), ("Empty", Empty), ("Raw", Raw), ("Wifi", Wifi),
        };

        public static string[] TypeNames => ByType.Select(t => t.Name).ToArray();
    }
}
