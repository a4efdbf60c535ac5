using System;
using System.Collections.Generic;
using EmProto.Protocol.Payloads;

namespace EmProto.Protocol
{
    /// <summary>
    /// Encodes and decodes EM datagrams. Decoding never throws on bytes from the network: it
    /// returns a <see cref="DecodeError"/> so the receiver can count and drop. Encoding an invalid
    /// value throws <see cref="ArgumentException"/> naming the field.
    /// </summary>
    public static class DatagramCodec
    {
        /// <summary>Envelope bytes around the payload.</summary>
        public const int EnvelopeLength = 25;

        /// <summary>The header, 0x0601.</summary>
        public const ushort Header = 0x0601;

        /// <summary>The tail, 0x0F02.</summary>
        public const ushort Tail = 0x0F02;

        /// <summary>The largest datagram the u16 length can declare.</summary>
        public const int MaxDatagramLength = 0xFFFF;

        /// <summary>
        /// Decodes one datagram at <paramref name="offset"/>. <paramref name="consumed"/> tells how
        /// many bytes to skip: the declared length when the framing could be read (so the next
        /// datagram of the packet can still be decoded), otherwise all <paramref name="count"/> bytes.
        /// </summary>
        public static DecodeError TryDecode(byte[] buffer, int offset, int count, out Datagram datagram, out int consumed)
        {
            datagram = default;
            consumed = count;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count) return DecodeError.TooShort;
            if (count < EnvelopeLength) return DecodeError.TooShort;
            if (BigEndian.U16(buffer, offset) != Header) return DecodeError.BadHeader;
            int length = BigEndian.U16(buffer, offset + 2);
            if (length < EnvelopeLength || length > count) return DecodeError.BadLength;
            consumed = length;

            int sumEnd = offset + length - 4;
            uint sum = 0;
            for (int i = offset; i < sumEnd; i++) sum += buffer[i];
            ushort check = BigEndian.U16(buffer, sumEnd);
            if (check != (ushort)(sum & 0xFFFF) && check != (ushort)(sum % 0xFFFF)) return DecodeError.BadChecksum;
            if (BigEndian.U16(buffer, sumEnd + 2) != Tail) return DecodeError.BadTail;

            var command = (EmCommand)BigEndian.U16(buffer, offset + 19);
            int payloadLength = length - EnvelopeLength;
            var error = TryDecodePayload(command, buffer, offset + 21, payloadLength, out var payload);
            if (error != DecodeError.None) return error;
            datagram = new Datagram(EvseSerial.Read(buffer, offset + 5), EmPassword.Read(buffer, offset + 13), command, payload!, buffer[offset + 4]);
            return DecodeError.None;
        }

        /// <summary>Decodes every datagram of a packet, in order; see <see cref="PacketReader"/>.</summary>
        public static PacketReader ReadPacket(byte[] packet, int offset, int count) => new PacketReader(packet, offset, count);

        private delegate EmPayload PayloadReader(byte[] b, int o, int n);

        // Charger to app: the reader of each command's payload.
        private static readonly Dictionary<EmCommand, PayloadReader> Replies = new Dictionary<EmCommand, PayloadReader>
        {
            [EmCommand.Login] = LoginPayload.Decode,
            [EmCommand.LoginResponse] = LoginPayload.Decode,
            [EmCommand.Heading] = EmptyOrRaw,
            [EmCommand.PasswordErrorResponse] = EmptyOrRaw,
            [EmCommand.RequestStatusRecord] = EmptyOrRaw,
            [EmCommand.GetVersion] = EmptyOrRaw,
            [EmCommand.SingleAcStatus] = SingleAcStatusPayload.Decode,
            [EmCommand.StatusRecord] = SingleAcStatusPayload.Decode,
            [EmCommand.SingleAcChargingStatusPublicAuto] = ChargingStatusPayload.Decode,
            [EmCommand.SingleAcChargingStatusResponse] = ChargingStatusPayload.Decode,
            [EmCommand.ChargeStartResponse] = ChargeStartResponsePayload.Decode,
            [EmCommand.ChargeStopResponse] = ChargeStopResponsePayload.Decode,
            [EmCommand.CurrentChargeRecord] = ChargeRecordPayload.Decode,
            [EmCommand.UploadLocalChargeRecord] = ChargeRecordPayload.Decode,
            [EmCommand.SetAndGetSystemTimeResponse] = SystemTimePayload.Decode,
            [EmCommand.GetVersionResponse] = VersionPayload.Decode,
            [EmCommand.SetAndGetOutputElectricityResponse] = ActionBytePayload.Decode<OutputElectricityPayload>,
            [EmCommand.SetAndGetNickNameResponse] = NickNamePayload.Decode,
            [EmCommand.WifiConfigurationResponse] = WifiConfigurationPayload.Decode,
            [EmCommand.SetAndGetOffLineChargeResponse] = ActionBytePayload.Decode<OfflineChargePayload>,
            [EmCommand.SetAndGetAlarmChargeStrategyResponse] = WeeklySchedulePayload.Decode,
            [EmCommand.SetAndGetLanguageResponse] = ActionBytePayload.Decode<LanguagePayload>,
            [EmCommand.SetAndGetTemperatureUnitResponse] = ActionBytePayload.Decode<TemperatureUnitPayload>,
            [EmCommand.BrightnessResponse] = BrightnessPayload.DecodeReply,
        };

        // App requests: chargers accept shorter payloads, so the simulator must too. Missing bytes
        // read as zero; a reader marked Received is given the number of bytes that came, the others
        // the full length.
        private static readonly Dictionary<EmCommand, RequestReader> Requests = new Dictionary<EmCommand, RequestReader>
        {
            [EmCommand.LoginConfirm] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.RequestLogin] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.HeadingResponse] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.SingleAcStatusResponse] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.SingleAcChargingStatusAcknowledge] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.RequestChargingStatus] = RequestReader.Received(2, ByteValuePayload.Decode),
            [EmCommand.ChargeStart] = RequestReader.Full(47, ChargeStartPayload.Decode),
            [EmCommand.ChargeStop] = RequestReader.Full(47, ChargeStopPayload.Decode),
            [EmCommand.CurrentChargeRecordResponse] = RequestReader.Full(18, CurrentChargeRecordAckPayload.Decode),
            [EmCommand.UploadLocalChargeRecordAcknowledge] = RequestReader.Received(18, UploadRecordAckPayload.Decode),
            [EmCommand.SetAndGetSystemTime] = RequestReader.Full(5, SystemTimePayload.Decode),
            [EmCommand.SetPassword] = RequestReader.Received(6, SetPasswordPayload.Decode),
            [EmCommand.SetAndGetChargeFee] = RequestReader.Received(2, FeeRequestPayload.Decode),
            [EmCommand.SetAndGetServiceFee] = RequestReader.Received(2, FeeRequestPayload.Decode),
            [EmCommand.SetAndGetOutputElectricity] = RequestReader.Full(2, ActionBytePayload.Decode<OutputElectricityPayload>),
            [EmCommand.SetAndGetNickName] = RequestReader.Full(17, NickNamePayload.Decode),
            [EmCommand.SetAndGetOffLineCharge] = RequestReader.Full(2, ActionBytePayload.Decode<OfflineChargePayload>),
            [EmCommand.SetAndGetAlarmChargeStrategy] = RequestReader.Received(2, WeeklySchedulePayload.Decode),
            [EmCommand.SetAndGetLanguage] = RequestReader.Full(2, ActionBytePayload.Decode<LanguagePayload>),
            [EmCommand.SetAndGetTemperatureUnit] = RequestReader.Full(2, ActionBytePayload.Decode<TemperatureUnitPayload>),
            [EmCommand.Brightness] = RequestReader.Received(6, BrightnessPayload.DecodeRequest),
        };

        /// <summary>Decodes a payload for a command. Unknown commands give a <see cref="RawPayload"/>.</summary>
        public static DecodeError TryDecodePayload(EmCommand command, byte[] b, int o, int n, out EmPayload? payload)
        {
            payload = null;
            if (n < EmCommands.MinimumPayloadLength(command)) return DecodeError.PayloadTooShort;
            if (Replies.TryGetValue(command, out var reader))
            {
                payload = reader(b, o, n);
            }
            else
            {
                payload = EmCommands.IsAppToCharger(command) ? DecodeRequest(command, b, o, n) : null;
                payload ??= RawPayload.Decode(b, o, n);
            }
            return DecodeError.None;
        }

        private static EmPayload EmptyOrRaw(byte[] b, int o, int n) => n == 0 ? EmptyPayload.Instance : RawPayload.Decode(b, o, n);

        private static EmPayload? DecodeRequest(EmCommand command, byte[] b, int o, int n)
        {
            if (!Requests.TryGetValue(command, out var reader)) return null;
            int received = n;
            if (n < reader.Length)
            {
                var padded = new byte[reader.Length];
                Buffer.BlockCopy(b, o, padded, 0, n);
                b = padded;
                o = 0;
                n = reader.Length;
            }
            return reader.Read(b, o, reader.GivenReceived ? received : n);
        }

        /// <summary>An app request's full payload length and its reader.</summary>
        private sealed class RequestReader
        {
            private RequestReader(int length, PayloadReader read, bool givenReceived)
            {
                Length = length;
                Read = read;
                GivenReceived = givenReceived;
            }

            public int Length { get; }

            public PayloadReader Read { get; }

            public bool GivenReceived { get; }

            /// <summary>The reader is given the number of bytes received.</summary>
            public static RequestReader Received(int length, PayloadReader read) => new RequestReader(length, read, true);

            /// <summary>The reader is given the full length (short payloads zero-padded).</summary>
            public static RequestReader Full(int length, PayloadReader read) => new RequestReader(length, read, false);
        }

        /// <summary>Encodes a datagram into a new array.</summary>
        /// <exception cref="ArgumentException">A payload field cannot be encoded.</exception>
        public static byte[] Encode(in Datagram datagram)
        {
            var buffer = new byte[datagram.Length];
            Encode(datagram, buffer, 0);
            return buffer;
        }

        /// <summary>Encodes a datagram at <paramref name="offset"/>; returns the bytes written.</summary>
        /// <exception cref="ArgumentException">A payload field cannot be encoded, or the buffer is too small.</exception>
        public static int Encode(in Datagram datagram, byte[] buffer, int offset)
        {
            if (datagram.Payload == null) throw new ArgumentException("The datagram has no payload.", nameof(datagram));
            int length = datagram.Length;
            if (length > MaxDatagramLength) throw new ArgumentException("A datagram is at most 65535 bytes; this one would be " + length + ".", nameof(datagram));
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || buffer.Length - offset < length) throw new ArgumentException("The buffer needs " + length + " bytes at offset " + offset + ".", nameof(buffer));
            BigEndian.Put16(buffer, offset, Header);
            BigEndian.Put16(buffer, offset + 2, (ushort)length);
            buffer[offset + 4] = datagram.KeyType;
            datagram.Serial.Write(buffer, offset + 5);
            datagram.Password.Write(buffer, offset + 13);
            BigEndian.Put16(buffer, offset + 19, (ushort)datagram.Command);
            datagram.Payload.Write(buffer, offset + 21);
            int sumEnd = offset + length - 4;
            uint sum = 0;
            for (int i = offset; i < sumEnd; i++) sum += buffer[i];
            BigEndian.Put16(buffer, sumEnd, (ushort)sum);
            BigEndian.Put16(buffer, sumEnd + 2, Tail);
            return length;
        }
    }
}
