using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // Request handling: authentication and the dispatch of app requests.
    public sealed partial class SimulatedEvse
    {
        private void Handle(in Datagram d, IPEndPoint from)
        {
            if (d.Command == EmCommand.RequestLogin && d.Serial == EvseSerial.Zero)
            {
                // Active discovery probe: answer to the probe's own address and port.
                Counters.AddDiscoveryProbes();
                SendTo(from, EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            if (d.Serial != Serial || !EmCommands.IsAppToCharger(d.Command))
            {
                Counters.AddCommandsIgnored();
                return;
            }
            if (d.Command == EmCommand.RequestLogin)
            {
                Counters.AddLoginRequests();
                if (d.Password.IsPresent && d.Password == _password)
                {
                    Counters.AddLoginsAccepted();
                    SendLogin(EmCommand.LoginResponse);
                }
                else
                {
                    Counters.AddPasswordErrors();
                    SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                }
                return;
            }
            if (!d.Password.IsPresent || d.Password != _password)
            {
                Counters.AddPasswordErrors();
                SendToApp(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            if (HandleCommand(d)) Counters.AddCommandsReceived();
            else Counters.AddCommandsIgnored();
        }

        private bool HandleCommand(in Datagram d)
        {
            var reply = EmCommands.ReplyTo(d.Command);
            switch (d.Command)
            {
                case EmCommand.LoginConfirm:
                    Register();
                    return true;
                case EmCommand.HeadingResponse:
                    Counters.AddHeadingsAnswered();
                    _unansweredHeadings = 0;
                    return true;
                case EmCommand.SingleAcStatusResponse:
                case EmCommand.SingleAcChargingStatusAcknowledge:
                    return true;
                case EmCommand.RequestChargingStatus:
                    SendToApp(EmCommand.SingleAcChargingStatusResponse, BuildChargingStatus());
                    Counters.AddChargingStatusPushes();
                    return true;
                case EmCommand.RequestStatusRecord:
                    SendToApp(EmCommand.StatusRecord, BuildStatus());
                    return true;
                case EmCommand.ChargeStart when d.Payload is ChargeStartPayload start:
                    SendToApp(reply, StartCharge(start));
                    return true;
                case EmCommand.ChargeStop when d.Payload is ChargeStopPayload stop:
                    SendToApp(reply, StopCharge(stop));
                    return true;
                case EmCommand.UploadLocalChargeRecordAcknowledge when d.Payload is UploadRecordAckPayload ack:
                    return Acknowledge(ack.ShortForm ? null : ack.ChargeId);
                case EmCommand.CurrentChargeRecordResponse when d.Payload is CurrentChargeRecordAckPayload ack:
                    return Acknowledge(ack.ChargeId);
                case EmCommand.SetAndGetSystemTime when d.Payload is SystemTimePayload time:
                    return AnswerTime(reply, time);
                case EmCommand.GetVersion:
                    SendToApp(reply, new VersionPayload
                    {
                        HardwareVersion = _options.HardwareVersion,
                        SoftwareVersion = _options.SoftwareVersion,
                        Feature = 0x42296d48,
                        SupportNew = _options.Faults.VersionForm == 37 ? (byte)1 : (byte?)null,
                    });
                    return true;
                case EmCommand.SetAndGetOutputElectricity when d.Payload is OutputElectricityPayload amps:
                    if (amps.Action == SetAndGetAction.Set && amps.Amps >= 6 && amps.Amps <= _options.MaxAmps && amps.Amps != _configuredAmps)
                    {
                        _configuredAmps = amps.Amps;
                        _changed = true;
                    }
                    SendToApp(reply, new OutputElectricityPayload { Action = amps.Action, Amps = (byte)_configuredAmps });
                    return true;
                case EmCommand.SetAndGetNickName when d.Payload is NickNamePayload name:
                    if (name.Action == SetAndGetAction.Set && name.Name.StartsWith("ACP#", StringComparison.Ordinal))
                        _name = name.Name.Substring(4).Trim();
                    SendToApp(reply, new NickNamePayload { Action = name.Action, Name = _name });
                    return true;
                case EmCommand.SetAndGetOffLineCharge when d.Payload is OfflineChargePayload offline:
                    if (offline.Action == SetAndGetAction.Set && offline.RawValue <= 2) _offlineCharge = offline.RawValue;
                    SendToApp(reply, new OfflineChargePayload { Action = offline.Action, RawValue = _offlineCharge });
                    return true;
                case EmCommand.SetAndGetLanguage when d.Payload is LanguagePayload language:
                    if (language.Action == SetAndGetAction.Set && language.RawValue >= 1 && language.RawValue <= 6) _language = language.RawValue;
                    SendToApp(reply, new LanguagePayload { Action = language.Action, RawValue = _language });
                    return true;
                case EmCommand.SetAndGetTemperatureUnit when d.Payload is TemperatureUnitPayload unit:
                    if (unit.Action == SetAndGetAction.Set && (unit.RawValue == 1 || unit.RawValue == 2)) _temperatureUnit = unit.RawValue;
                    SendToApp(reply, new TemperatureUnitPayload { Action = unit.Action, RawValue = _temperatureUnit });
                    return true;
                case EmCommand.SetAndGetAlarmChargeStrategy when d.Payload is WeeklySchedulePayload schedule:
                    return AnswerSchedule(reply, schedule);
                case EmCommand.Brightness when d.Payload is BrightnessPayload brightness:
                    if (brightness.Action == SetAndGetAction.Set && brightness.Value <= 100) _brightness = brightness.Value;
                    SendToApp(reply, new BrightnessPayload { Action = SetAndGetAction.Set, Value = _brightness });
                    return true;
                case EmCommand.SetPassword when d.Payload is SetPasswordPayload pin:
                    if (!pin.NewPassword.IsPresent || !IsSixDigits(pin.NewPassword.Reveal())) return false;
                    _password = pin.NewPassword;
                    return true;
                default:
                    return false;
            }
        }


        private bool Acknowledge(string? chargeId)
        {
            if (_pendingRecords.Count == 0) return false;
            if (chargeId == null || _pendingRecords.Peek().ChargeId == chargeId)
            {
                _pendingRecords.Dequeue();
            }
            else
            {
                int before = _pendingRecords.Count;
                var keep = new List<ChargeRecordPayload>(_pendingRecords);
                keep.RemoveAll(r => r.ChargeId == chargeId);
                if (keep.Count == before) return false;
                _pendingRecords.Clear();
                foreach (var r in keep) _pendingRecords.Enqueue(r);
            }
            Counters.AddRecordsAcknowledged();
            _nextRecord = _time.GetUtcNow();
            return true;
        }
    }
}
