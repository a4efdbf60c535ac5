using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>Bytes from the network never make the decoder throw; each rejection has the right reason.</summary>
    public class HostileInputTests
    {
        public static IEnumerable<object[]> AllVectors() =>
            VectorFile.Rows("captured.tsv").Select(r => new object[] { r[1], r[2] })
                .Concat(VectorFile.Rows("app-to-charger.tsv").Select(r => new object[] { r[0], r[1] }));

        private static DecodeError Decode(byte[] bytes, int offset = 0, int? count = null) =>
            DatagramCodec.TryDecode(bytes, offset, count ?? bytes.Length - offset, out _, out _);

        [Theory]
        [MemberData(nameof(AllVectors))]
        public void Every_truncation_is_TooShort_below_25_bytes_and_BadLength_above(string name, string hex)
        {
            var full = VectorFile.Hex(hex);
            for (int n = 0; n < full.Length; n++)
            {
                var cut = full.Take(n).ToArray();
                var expected = n < DatagramCodec.EnvelopeLength ? DecodeError.TooShort : DecodeError.BadLength;
                Assert.True(expected == Decode(cut), name + " cut to " + n + " bytes: expected " + expected + ", got " + Decode(cut));
            }
        }

        [Theory]
        [MemberData(nameof(AllVectors))]
        public void Every_single_bit_flip_is_rejected_with_the_reason_of_the_field_it_hit(string name, string hex)
        {
            var original = VectorFile.Hex(hex);
            int length = original.Length;
            for (int bit = 0; bit < length * 8; bit++)
            {
                var bytes = (byte[])original.Clone();
                int index = bit / 8;
                bytes[index] ^= (byte)(1 << (bit % 8));
                var error = Decode(bytes);
                string where = name + ": bit " + (bit % 8) + " of byte " + index + " gave " + error;
                if (index < 2) Assert.True(error == DecodeError.BadHeader, where);
                else if (index < 4)
                {
                    int declared = (bytes[2] << 8) | bytes[3];
                    if (declared < 25 || declared > length) Assert.True(error == DecodeError.BadLength, where);
                    else Assert.True(error == DecodeError.BadChecksum || error == DecodeError.BadTail, where);
                }
                else if (index < length - 2) Assert.True(error == DecodeError.BadChecksum, where);
                else Assert.True(error == DecodeError.BadTail, where);
            }
        }

        [Fact]
        public void Declared_length_larger_than_the_packet_is_BadLength()
        {
            var bytes = VectorFile.Hex(VectorFile.Rows("captured.tsv").Single(r => r[1] == "SingleACStatus(4)")[2]);
            bytes[3]++;
            Assert.Equal(DecodeError.BadLength, Decode(bytes));
            bytes[2] = 0xFF;
            Assert.Equal(DecodeError.BadLength, Decode(bytes));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(24)]
        public void Declared_length_below_25_is_BadLength(int declared)
        {
            var bytes = VectorFile.Hex(VectorFile.Rows("captured.tsv").Single(r => r[1] == "Heading(3)")[2]);
            bytes[2] = 0;
            bytes[3] = (byte)declared;
            Assert.Equal(DecodeError.BadLength, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out _, out int consumed));
            Assert.Equal(bytes.Length, consumed);
        }

        [Fact]
        public void Declared_length_smaller_than_the_packet_decodes_the_declared_part_and_says_how_much_it_used()
        {
            var heading = VectorFile.Hex(VectorFile.Rows("captured.tsv").Single(r => r[1] == "Heading(3)")[2]);
            var packet = heading.Concat(new byte[] { 1, 2, 3 }).ToArray();
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(packet, 0, packet.Length, out var d, out int consumed));
            Assert.Equal(25, consumed);
            Assert.Equal(EmCommand.Heading, d.Command);
        }

        [Fact]
        public void Too_short_payload_for_its_command_is_PayloadTooShort()
        {
            // A "wake-up" Login: serial and password FF x6 and no payload, as broadcast by another client.
            var wake = Build(EmCommand.Login, Array.Empty<byte>());
            Assert.Equal(DecodeError.PayloadTooShort, Decode(wake));
            foreach (var command in new[] { EmCommand.SingleAcStatus, EmCommand.StatusRecord, EmCommand.SingleAcChargingStatusResponse, EmCommand.ChargeStartResponse, EmCommand.ChargeStopResponse, EmCommand.CurrentChargeRecord, EmCommand.UploadLocalChargeRecord, EmCommand.SetAndGetNickNameResponse, EmCommand.GetVersionResponse, EmCommand.SetAndGetSystemTimeResponse, EmCommand.SetAndGetOutputElectricityResponse, EmCommand.BrightnessResponse })
            {
                int min = EmCommands.MinimumPayloadLength(command);
                Assert.True(min > 0, command + " has a minimum");
                Assert.True(DecodeError.PayloadTooShort == Decode(Build(command, new byte[min - 1])), command + " with " + (min - 1) + " bytes");
                Assert.True(DecodeError.None == Decode(Build(command, new byte[min])), command + " with " + min + " bytes");
            }
        }

        [Fact]
        public void Bad_header_is_BadHeader()
        {
            var bytes = Build(EmCommand.Heading, Array.Empty<byte>());
            bytes[0] = 0x07;
            Assert.Equal(DecodeError.BadHeader, Decode(bytes));
        }

        [Fact]
        public void Bad_arguments_are_TooShort_not_exceptions()
        {
            var bytes = Build(EmCommand.Heading, Array.Empty<byte>());
            Assert.Equal(DecodeError.TooShort, DatagramCodec.TryDecode(null!, 0, 25, out _, out _));
            Assert.Equal(DecodeError.TooShort, DatagramCodec.TryDecode(bytes, -1, 25, out _, out _));
            Assert.Equal(DecodeError.TooShort, DatagramCodec.TryDecode(bytes, 1, 25, out _, out _));
            Assert.Equal(DecodeError.TooShort, DatagramCodec.TryDecode(bytes, 0, -1, out _, out _));
        }

        [Fact]
        public void Random_bytes_never_throw_and_are_rejected_for_a_stated_reason()
        {
            var random = new Random(20250301);
            var seen = new HashSet<DecodeError>();
            for (int i = 0; i < 20000; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                if (bytes.Length >= 4 && i % 2 == 0)
                {
                    // Half of them get a plausible envelope so the later checks are reached too.
                    bytes[0] = 0x06;
                    bytes[1] = 0x01;
                    if (i % 4 == 0)
                    {
                        bytes[2] = (byte)(bytes.Length >> 8);
                        bytes[3] = (byte)bytes.Length;
                    }
                }
                var error = Decode(bytes);
                seen.Add(error);
                if (bytes.Length < 25) Assert.Equal(DecodeError.TooShort, error);
                else if (bytes[0] != 0x06 || bytes[1] != 0x01) Assert.Equal(DecodeError.BadHeader, error);
                var reader = DatagramCodec.ReadPacket(bytes, 0, bytes.Length);
                int steps = 0;
                while (reader.TryReadNext(out _, out _)) Assert.True(++steps <= bytes.Length, "the packet reader did not advance");
            }
            Assert.Contains(DecodeError.TooShort, seen);
            Assert.Contains(DecodeError.BadHeader, seen);
            Assert.Contains(DecodeError.BadLength, seen);
            Assert.Contains(DecodeError.BadChecksum, seen);
        }

        [Fact]
        public void Random_payloads_with_a_valid_envelope_never_throw_for_any_known_command()
        {
            var random = new Random(7);
            var commands = Enum.GetValues(typeof(EmCommand)).Cast<EmCommand>().Concat(new[] { (EmCommand)0x0777, (EmCommand)0x8777 }).ToArray();
            foreach (var command in commands)
            {
                for (int n = 0; n <= 200; n++)
                {
                    var payload = new byte[n];
                    random.NextBytes(payload);
                    var bytes = Build(command, payload);
                    var error = DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var d, out _);
                    if (n >= EmCommands.MinimumPayloadLength(command))
                    {
                        Assert.True(error == DecodeError.None, command + " with " + n + " random bytes: " + error);
                        Assert.Equal(command, d.Command);
                        Assert.NotNull(d.Payload);
                    }
                    else Assert.Equal(DecodeError.PayloadTooShort, error);
                }
            }
        }

        /// <summary>A datagram with a correct envelope around any payload bytes.</summary>
        internal static byte[] Build(EmCommand command, byte[] payload) =>
            DatagramCodec.Encode(new Datagram(new EvseSerial(0x9181102751219513), EmPassword.None, command, new RawPayload(payload)));
    }
}
