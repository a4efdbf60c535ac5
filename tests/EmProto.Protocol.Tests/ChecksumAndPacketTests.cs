using System;
using System.Linq;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class ChecksumAndPacketTests
    {
        private static readonly EvseSerial Serial = EvseSerial.Parse("9181102751219513");

        private static byte[] Captured(string name) => VectorFile.Hex(VectorFile.Rows("captured.tsv").First(r => r[1] == name)[2]);

        /// <summary>A long charge record whose byte sum passes 65535, so the two checksum rules differ.</summary>
        private static (byte[] Bytes, uint Sum) LongRecord()
        {
            var record = new ChargeRecordPayload
            {
                StartUserId = "8600797985789243",
                EndUserId = "Power Down",
                ChargeId = "1649455421288096",
                DeclaredSampleCount = 41,
                Slots = Enumerable.Repeat((ushort)0xFFFF, 140).ToArray(),
            };
            var bytes = DatagramCodec.Encode(new Datagram(Serial, EmPassword.None, EmCommand.UploadLocalChargeRecord, record));
            uint sum = 0;
            for (int i = 0; i < bytes.Length - 4; i++) sum += bytes[i];
            return (bytes, sum);
        }

        private static void PutChecksum(byte[] bytes, int value)
        {
            bytes[bytes.Length - 4] = (byte)(value >> 8);
            bytes[bytes.Length - 3] = (byte)value;
        }

        [Fact]
        public void Long_record_is_sent_with_the_modulo_0x10000_sum()
        {
            var (bytes, sum) = LongRecord();
            Assert.True(bytes.Length > 265);
            Assert.True(sum % 0x10000 != sum % 0xFFFF, "the test record must make the two checksum rules differ");
            Assert.Equal((int)(sum % 0x10000), (bytes[bytes.Length - 4] << 8) | bytes[bytes.Length - 3]);
        }

        [Fact]
        public void Both_checksum_rules_are_accepted_and_anything_else_is_BadChecksum()
        {
            var (bytes, sum) = LongRecord();
            PutChecksum(bytes, (int)(sum % 0x10000));
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var a, out _));
            PutChecksum(bytes, (int)(sum % 0xFFFF));
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var b, out _));
            PutChecksum(bytes, (int)(sum % 0xFFFF) + 1);
            Assert.Equal(DecodeError.BadChecksum, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out _, out _));

            var record = Assert.IsType<ChargeRecordPayload>(b.Payload);
            Assert.Equal(140, record.Slots.Length);
            Assert.Equal(41, record.PowerSamples.Length);
            Assert.Equal("Power Down", record.EndUserId);
            Assert.Equal(a.Length, b.Length);
        }

        [Fact]
        public void Several_datagrams_in_one_packet_are_read_in_order_and_an_unknown_command_is_skipped_by_its_length()
        {
            var unknown = HostileInputTests.Build((EmCommand)0x0777, new byte[] { 1, 2, 3, 4, 5 });
            var packet = Captured("SingleACStatus(4)").Concat(unknown).Concat(Captured("Heading(3)")).Concat(Captured("GetVersionResponse(262)")).ToArray();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);

            Assert.True(reader.TryReadNext(out var first, out var e1));
            Assert.Equal(DecodeError.None, e1);
            Assert.Equal(EmCommand.SingleAcStatus, first.Command);

            Assert.True(reader.TryReadNext(out var second, out var e2));
            Assert.Equal(DecodeError.None, e2);
            Assert.Equal((EmCommand)0x0777, second.Command);
            Assert.False(second.IsKnownCommand);
            Assert.Equal("0102030405", Assert.IsType<RawPayload>(second.Payload).Hex);

            Assert.True(reader.TryReadNext(out var third, out _));
            Assert.Equal(EmCommand.Heading, third.Command);
            Assert.True(reader.TryReadNext(out var fourth, out _));
            Assert.Equal(EmCommand.GetVersionResponse, fourth.Command);
            Assert.Equal(0, reader.Remaining);
            Assert.False(reader.TryReadNext(out _, out _));
        }

        [Fact]
        public void A_bad_datagram_in_the_middle_is_reported_and_skipped_by_its_declared_length()
        {
            var bad = Captured("Heading(3)");
            bad[21] ^= 0xFF;
            var packet = Captured("Login(1)").Concat(bad).Concat(Captured("SingleACStatus(4)")).ToArray();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            Assert.True(reader.TryReadNext(out var login, out var e1));
            Assert.Equal(DecodeError.None, e1);
            Assert.Equal(EmCommand.Login, login.Command);
            Assert.True(reader.TryReadNext(out _, out var e2));
            Assert.Equal(DecodeError.BadChecksum, e2);
            Assert.True(reader.TryReadNext(out var status, out var e3));
            Assert.Equal(DecodeError.None, e3);
            Assert.Equal(EmCommand.SingleAcStatus, status.Command);
            Assert.False(reader.TryReadNext(out _, out _));
        }

        [Fact]
        public void Fewer_than_25_trailing_bytes_end_the_packet_quietly()
        {
            var packet = Captured("Heading(3)").Concat(new byte[24]).ToArray();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            Assert.True(reader.TryReadNext(out var d, out var e));
            Assert.Equal(DecodeError.None, e);
            Assert.Equal(EmCommand.Heading, d.Command);
            Assert.False(reader.TryReadNext(out _, out _));
        }

        [Fact]
        public void A_packet_shorter_than_25_bytes_is_one_TooShort()
        {
            var packet = new byte[10];
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            Assert.True(reader.TryReadNext(out _, out var e));
            Assert.Equal(DecodeError.TooShort, e);
            Assert.False(reader.TryReadNext(out _, out _));
        }

        [Fact]
        public void A_lost_framing_consumes_the_rest_of_the_packet()
        {
            var packet = Captured("Heading(3)").Concat(new byte[] { 0x07, 0x07 }).Concat(Captured("Heading(3)")).ToArray();
            var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
            Assert.True(reader.TryReadNext(out _, out var e1));
            Assert.Equal(DecodeError.None, e1);
            Assert.True(reader.TryReadNext(out _, out var e2));
            Assert.Equal(DecodeError.BadHeader, e2);
            Assert.False(reader.TryReadNext(out _, out _));
        }

        [Fact]
        public void Packet_reader_honours_offset_and_count()
        {
            var heading = Captured("Heading(3)");
            var buffer = new byte[] { 0xAA, 0xBB }.Concat(heading).Concat(heading).Concat(new byte[] { 0xCC }).ToArray();
            var reader = DatagramCodec.ReadPacket(buffer, 2, heading.Length * 2);
            int count = 0;
            while (reader.TryReadNext(out var d, out var e))
            {
                Assert.Equal(DecodeError.None, e);
                Assert.Equal(EmCommand.Heading, d.Command);
                count++;
            }
            Assert.Equal(2, count);
        }
    }
}
