using System;
using System.Net;
using EmProto.Engine;
using EmProto.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace EmProto.Fuzz
{
    /// <summary>
    /// One fuzz input = one UDP packet. It goes through the decoder (TryDecode, ReadPacket) and then
    /// through the communicator's real receive path (HandlePacket) on a fake socket and a frozen
    /// clock. Anything that escapes, and any broken invariant, throws: afl-fuzz records a crash.
    /// </summary>
    internal sealed class ReceivePathTarget
    {
        private static readonly IPEndPoint Charger = new IPEndPoint(IPAddress.Loopback, 40001);
        private static readonly IPEndPoint Impostor = new IPEndPoint(IPAddress.Loopback, 40002);
        private const int MaxKnownChargers = 256;

        private EvseCommunicator _communicator;
        private long _inputs;

        public ReceivePathTarget() => _communicator = NewCommunicator();

        public void Run(byte[] packet)
        {
            _inputs++;
            CheckDecoder(packet);
            CheckReceivePath(packet);
        }

        public string Describe() => _communicator.Counters.Snapshot().Dropped + " drops, " + _communicator.GetEvses().Count + " chargers known";

        private static void CheckDecoder(byte[] packet)
        {
            var error = DatagramCodec.TryDecode(packet, 0, packet.Length, out var first, out int consumed);
            if (consumed < 0 || consumed > packet.Length) throw new InvalidOperationException("TryDecode consumed " + consumed + " of " + packet.Length + " bytes.");
            if (error == DecodeError.None)
            {
                if (consumed < DatagramCodec.EnvelopeLength) throw new InvalidOperationException("A datagram was accepted from " + consumed + " bytes.");
                Touch(first);
            }

            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            int steps = 0;
            int bound = packet.Length / DatagramCodec.EnvelopeLength + 1;
            while (reader.TryReadNext(out var datagram, out var stepError))
            {
                if (++steps > bound) throw new InvalidOperationException("ReadPacket did not end after " + steps + " steps on " + packet.Length + " bytes.");
                if (stepError == DecodeError.None) Touch(datagram);
                else if (!Enum.IsDefined(typeof(DecodeError), stepError)) throw new InvalidOperationException("Unknown decode error " + (int)stepError + ".");
            }
            if (reader.Remaining > 0) throw new InvalidOperationException("ReadPacket stopped with " + reader.Remaining + " bytes unread.");
        }

        // Formatting a decoded datagram (verbose/debug output, dumps) must not fail on any accepted value.
        private static void Touch(in Datagram datagram)
        {
            _ = datagram.ToString();
            _ = datagram.Payload.ToString();
            _ = datagram.Serial.ToString();
            _ = datagram.Password.ToString();
        }

        private void CheckReceivePath(byte[] packet)
        {
            var before = _communicator.Counters.Snapshot();
            var remote = (packet.Length & 1) == 0 ? Charger : Impostor;
            _communicator.HandlePacket(packet, packet.Length, remote);
            var after = _communicator.Counters.Snapshot();
            if (after.PacketsReceived != before.PacketsReceived + 1) throw new InvalidOperationException("The packet was not counted.");
            after.DroppedByReason.TryGetValue(nameof(DropReason.HandlerError), out long errorsAfter);
            before.DroppedByReason.TryGetValue(nameof(DropReason.HandlerError), out long errorsBefore);
            if (errorsAfter != errorsBefore) throw new InvalidOperationException("A handler threw on a datagram the decoder accepted (contained as HandlerError, but a bug).");
            if (after.DatagramsReceived + after.Dropped == before.DatagramsReceived + before.Dropped && packet.Length > 0)
                throw new InvalidOperationException("A non-empty packet was neither accepted nor counted as dropped.");

            // Spoofed Logins from random serials each add a charger; start afresh before memory grows.
            if (_inputs % 1024 == 0 && _communicator.GetEvses().Count > MaxKnownChargers)
            {
                _communicator.Dispose();
                _communicator = NewCommunicator();
            }
        }

        private static EvseCommunicator NewCommunicator()
        {
            var transport = new NullTransport();
            var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                TimeProvider = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)),
                TransportFactory = _ => transport,
                DefaultTimeZone = TimeZoneInfo.Utc,
                StorePath = null,
            });
            communicator.Start();
            // The chargers of the seed vectors are known, so their replies reach the dispatch code.
            communicator.AddEvse("9181102751219513", Charger);
            communicator.AddEvse("0123456789abcdef", Charger);
            return communicator;
        }
    }
}
