using System;
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

        /// <summary>
        /// Decodes a payload for a command with the decoder of its <see cref="EmCommandTable"/> row. Unknown commands
        /// give a <see cref="RawPayload"/>. A request shorter than its <see cref="EmCommandInfo.RequestLength"/> is
        /// read as if padded with zeros (chargers accept short requests, so the simulator must too).
        /// </summary>
        public static DecodeError TryDecodePayload(EmCommand command, byte[] b, int o, int n, out EmPayload? payload)
        {
            payload = null;
            var info = EmCommandTable.Get(command);
            if (info == null)
            {
                payload = RawPayload.Decode(b, o, n);
                return DecodeError.None;
            }
            if (n < info.MinimumPayloadLength) return DecodeError.PayloadTooShort;
            if (n < info.RequestLength)
            {
                var padded = new byte[info.RequestLength];
                Buffer.BlockCopy(b, o, padded, 0, n);
                payload = info.Decode(padded, 0, n, padded.Length);
            }
            else
            {
                payload = info.Decode(b, o, n, n);
            }
            return DecodeError.None;
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
