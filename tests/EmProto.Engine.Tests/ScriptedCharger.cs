using System;
using System.Net;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine.Tests
{
    /// <summary>
    /// A minimal scripted charger for engine unit tests: answers what the test enables, through
    /// the communicator's real receive path. (End-to-end behaviour is tested against the simulator.)
    /// </summary>
    public sealed class ScriptedCharger
    {
        private readonly EvseCommunicator _communicator;

        public ScriptedCharger(EvseCommunicator communicator, FakeTransport transport, string serial = "9181102751219513", string password = "123456")
        {
            _communicator = communicator;
            Serial = EvseSerial.Parse(serial);
            Password = password;
            transport.OnSend = OnRequest;
        }

        public EvseSerial Serial { get; }

        public string Password { get; set; }

        public IPEndPoint EndPoint { get; set; } = new IPEndPoint(IPAddress.Loopback, 40001);

        /// <summary>Requests to ignore before answering (per command), to exercise retries.</summary>
        public int DropNext { get; set; }

        public bool Silent { get; set; }

        /// <summary>Commands this firmware does not answer.</summary>
        public System.Collections.Generic.HashSet<EmCommand> Unsupported { get; } = new System.Collections.Generic.HashSet<EmCommand>();

        public byte Amps { get; set; } = 16;

        public byte? EchoAmpsOverride { get; set; }

        public string Name { get; set; } = "Garage";

        public byte Brightness { get; set; } = 80;

        public ChargeStartResponsePayload StartResponse { get; set; } = new ChargeStartResponsePayload { MaxAmps = 16, StartResult = 1 };

        public ChargeStopResponsePayload StopResponse { get; set; } = new ChargeStopResponsePayload();

        public ChargingStatusPayload? ChargingStatus { get; set; }

        /// <summary>Seeded loss: the share of requests that never reach the charger.</summary>
        public double RequestLoss { get; set; }

        /// <summary>Seeded loss: the share of the charger's replies that never reach the app.</summary>
        public double ReplyLoss { get; set; }

        /// <summary>The random source of the losses (set it to enable them).</summary>
        public Random? LossRandom { get; set; }

        [ThreadStatic]
        private static bool _replying;

        private bool Lose(double ratio)
        {
            var rng = LossRandom;
            if (rng == null || ratio <= 0) return false;
            lock (rng) return rng.NextDouble() < ratio;
        }

        public void Send(EmCommand command, EmPayload payload, IPEndPoint? from = null)
        {
            if (_replying && Lose(ReplyLoss)) return;
            var bytes = DatagramCodec.Encode(new Datagram(Serial, EmPassword.None, command, payload));
            _communicator.HandlePacket(bytes, bytes.Length, from ?? EndPoint);
        }

        public static LoginPayload Info() => new LoginPayload { Type = 1, Brand = "BESEN", Model = "BS20", HardwareVersion = "C.3252.112A008", MaxPowerW = 7040, MaxAmps = 32, HotLine = "WWW.EVSE.COM" };

        public void Announce(IPEndPoint? from = null) => Send(EmCommand.Login, Info(), from);

        private void OnRequest(Datagram d, IPEndPoint to)
        {
            if (Silent || d.Serial != Serial || Unsupported.Contains(d.Command)) return;
            if (Lose(RequestLoss)) return;
            _replying = true;
            try
            {
                Answer(d);
            }
            finally
            {
                _replying = false;
            }
        }

        private void Answer(Datagram d)
        {
            if (DropNext > 0)
            {
                DropNext--;
                return;
            }
            bool passwordOk = d.Password.IsPresent && d.Password.Reveal() == Password;
            switch (d.Command)
            {
                case EmCommand.RequestLogin:
                    if (passwordOk) Send(EmCommand.LoginResponse, Info());
                    else Send(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                    return;
                case EmCommand.HeadingResponse:
                case EmCommand.LoginConfirm:
                case EmCommand.SingleAcStatusResponse:
                case EmCommand.SingleAcChargingStatusAcknowledge:
                case EmCommand.UploadLocalChargeRecordAcknowledge:
                case EmCommand.CurrentChargeRecordResponse:
                    return;
            }
            if (!passwordOk)
            {
                Send(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            switch (d.Command)
            {
                case EmCommand.GetVersion:
                    Send(EmCommand.GetVersionResponse, new VersionPayload { HardwareVersion = "C.3252.112A008", SoftwareVersion = "C.3252.112A008", Feature = 1 });
                    break;
                case EmCommand.SetAndGetOutputElectricity:
                {
                    var p = (OutputElectricityPayload)d.Payload;
                    if (p.Action == SetAndGetAction.Set) Amps = p.Amps;
                    Send(EmCommand.SetAndGetOutputElectricityResponse, new OutputElectricityPayload { Action = p.Action, Amps = EchoAmpsOverride ?? Amps });
                    break;
                }
                case EmCommand.SetAndGetNickName:
                {
                    var p = (NickNamePayload)d.Payload;
                    if (p.Action == SetAndGetAction.Set) Name = p.Name.StartsWith("ACP#", StringComparison.Ordinal) ? p.Name.Substring(4) : p.Name;
                    Send(EmCommand.SetAndGetNickNameResponse, new NickNamePayload { Action = p.Action, Name = Name });
                    break;
                }
                case EmCommand.SetAndGetOffLineCharge:
                    Send(EmCommand.SetAndGetOffLineChargeResponse, new OfflineChargePayload { Action = SetAndGetAction.Get, Mode = OfflineCharge.Enabled });
                    break;
                case EmCommand.SetAndGetLanguage:
                    Send(EmCommand.SetAndGetLanguageResponse, new LanguagePayload { Action = SetAndGetAction.Get, Language = EvseLanguage.English });
                    break;
                case EmCommand.SetAndGetTemperatureUnit:
                    Send(EmCommand.SetAndGetTemperatureUnitResponse, new TemperatureUnitPayload { Action = SetAndGetAction.Get, Unit = TemperatureUnit.Celsius });
                    break;
                case EmCommand.SetAndGetAlarmChargeStrategy:
                    Send(EmCommand.SetAndGetAlarmChargeStrategyResponse, new WeeklySchedulePayload { Action = SetAndGetAction.Get, Slots = new ScheduleSlot[7] { new ScheduleSlot(), new ScheduleSlot(), new ScheduleSlot(), new ScheduleSlot(), new ScheduleSlot(), new ScheduleSlot(), new ScheduleSlot() } });
                    break;
                case EmCommand.Brightness:
                {
                    var p = (BrightnessPayload)d.Payload;
                    if (p.Action == SetAndGetAction.Set) Brightness = p.Value;
                    Send(EmCommand.BrightnessResponse, new BrightnessPayload { Action = SetAndGetAction.Set, Value = Brightness });
                    break;
                }
                case EmCommand.RequestChargingStatus:
                    Send(EmCommand.SingleAcChargingStatusResponse, ChargingStatus ?? new ChargingStatusPayload { CurrentState = CurrentState.ReadyToCharge });
                    break;
                case EmCommand.ChargeStart:
                    Send(EmCommand.ChargeStartResponse, StartResponse);
                    break;
                case EmCommand.ChargeStop:
                    Send(EmCommand.ChargeStopResponse, StopResponse);
                    break;
                case EmCommand.SetAndGetSystemTime:
                {
                    var p = (SystemTimePayload)d.Payload;
                    Send(EmCommand.SetAndGetSystemTimeResponse, new SystemTimePayload { Action = p.Action, Time = p.Action == SetAndGetAction.Set ? p.Time : new EmTimestamp(0x67C28640) });
                    break;
                }
            }
        }
    }
}
