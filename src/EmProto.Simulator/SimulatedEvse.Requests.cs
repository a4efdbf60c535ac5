using System.Collections.Generic;
using System.Net;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    // Request handling: authentication, the firmware's silences, and the dispatch of app requests
    // through one table (command -> handler); the SetAndGet handlers live in SimulatedEvse.Settings.cs.
    public sealed partial class SimulatedEvse
    {
        /// <summary>Handles one app request; returns false when the request was not usable (counted as ignored).</summary>
        private delegate bool RequestHandler(in Datagram request);

        private Dictionary<EmCommand, RequestHandler> BuildRequestTable() => new Dictionary<EmCommand, RequestHandler>
        {
            [EmCommand.LoginConfirm] = OnLoginConfirm,
            [EmCommand.HeadingResponse] = OnHeadingResponse,
            [EmCommand.SingleAcStatusResponse] = OnPushAcknowledge,
            [EmCommand.SingleAcChargingStatusAcknowledge] = OnPushAcknowledge,
            [EmCommand.RequestChargingStatus] = OnRequestChargingStatus,
            [EmCommand.RequestStatusRecord] = OnRequestStatusRecord,
            [EmCommand.ChargeStart] = OnChargeStart,
            [EmCommand.ChargeStop] = OnChargeStop,
            [EmCommand.UploadLocalChargeRecordAcknowledge] = OnRecordAcknowledge,
            [EmCommand.CurrentChargeRecordResponse] = OnRecordAcknowledge,
            [EmCommand.SetAndGetSystemTime] = OnSystemTime,
            [EmCommand.GetVersion] = OnGetVersion,
            [EmCommand.SetAndGetOutputElectricity] = OnOutputElectricity,
            [EmCommand.SetAndGetNickName] = OnNickName,
            [EmCommand.SetAndGetOffLineCharge] = (in Datagram d) => OnByteSetting(d, _offlineCharge),
            [EmCommand.SetAndGetLanguage] = (in Datagram d) => OnByteSetting(d, _language),
            [EmCommand.SetAndGetTemperatureUnit] = (in Datagram d) => OnByteSetting(d, _temperatureUnit),
            [EmCommand.SetAndGetAlarmChargeStrategy] = OnSchedule,
            [EmCommand.Brightness] = OnBrightness,
            [EmCommand.SetPassword] = OnSetPassword,
        };

        private void Handle(in Datagram d, IPEndPoint from)
        {
            if (EmCommands.IsAppToCharger(d.Command) && _firmware.Ignores(d.Command))
            {
                Counters.AddCommandsIgnored();
                return;
            }
            if (d.Command == EmCommand.RequestLogin && d.Serial == EvseSerial.Zero)
            {
                // Active discovery probe: answer to the probe's own address and port.
                Counters.AddDiscoveryProbes();
                ReplyTo(from, EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
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
                    Answer(d, BuildLogin());
                }
                else
                {
                    Counters.AddPasswordErrors();
                    Reply(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                }
                return;
            }
            if (!d.Password.IsPresent || d.Password != _password)
            {
                Counters.AddPasswordErrors();
                Reply(EmCommand.PasswordErrorResponse, EmptyPayload.Instance);
                return;
            }
            if (_requests.TryGetValue(d.Command, out var handler) && handler(d)) Counters.AddCommandsReceived();
            else Counters.AddCommandsIgnored();
        }

        /// <summary>Sends a reply to a request to the app (twice with <see cref="SimulatorOptions.DuplicateReplies"/>).</summary>
        private void Reply(EmCommand command, EmPayload payload)
        {
            SendToApp(command, payload);
            if (_options.DuplicateReplies) SendToApp(command, payload);
        }

        /// <summary>Answers a request with its reply command (from <see cref="EmCommandTable"/>).</summary>
        private void Answer(in Datagram request, EmPayload payload) => Reply(EmCommandTable.ReplyTo(request.Command), payload);

        /// <summary>Answers a request and reports it handled: the last step of a handler.</summary>
        private bool Answered(in Datagram request, EmPayload payload)
        {
            Answer(request, payload);
            return true;
        }

        private void ReplyTo(IPEndPoint to, EmCommand command, EmPayload payload)
        {
            SendTo(to, command, payload);
            if (_options.DuplicateReplies) SendTo(to, command, payload);
        }

        private bool OnLoginConfirm(in Datagram d)
        {
            Register();
            return true;
        }

        private bool OnHeadingResponse(in Datagram d)
        {
            Counters.AddHeadingsAnswered();
            _unansweredHeadings = 0;
            return true;
        }

        private bool OnPushAcknowledge(in Datagram d) => true;

        private bool OnRequestChargingStatus(in Datagram d)
        {
            Answer(d, BuildChargingStatus());
            Counters.AddChargingStatusPushes();
            return true;
        }

        private bool OnRequestStatusRecord(in Datagram d) => Answered(d, BuildStatus());

        private bool OnChargeStart(in Datagram d) => d.Payload is ChargeStartPayload start && Answered(d, StartCharge(start));

        private bool OnChargeStop(in Datagram d) => d.Payload is ChargeStopPayload stop && Answered(d, StopCharge(stop));

        private bool OnRecordAcknowledge(in Datagram d)
        {
            if (!_firmware.AcceptsRecordAcknowledge(d.Command)) return false;
            string? chargeId;
            switch (d.Payload)
            {
                case UploadRecordAckPayload upload:
                    chargeId = upload.ShortForm ? null : upload.ChargeId;
                    break;
                case CurrentChargeRecordAckPayload current:
                    chargeId = current.ChargeId;
                    break;
                default:
                    return false;
            }
            if (!_records.Acknowledge(chargeId)) return false;
            Counters.AddRecordsAcknowledged();
            _nextRecord = _time.GetUtcNow();
            return true;
        }
    }
}
