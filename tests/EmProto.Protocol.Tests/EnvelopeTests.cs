using System.Linq;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class EnvelopeTests
    {
        [Fact]
        public void Every_captured_vector_passes_envelope_validation()
        {
            var rows = VectorFile.Rows("captured.tsv");
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var bytes = VectorFile.Hex(row[2]);
                var error = DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var datagram, out var consumed);
                Assert.True(error == DecodeError.None, row[1] + " was rejected: " + error);
                Assert.Equal(bytes.Length, consumed);
                Assert.Equal(EvseSerial.Parse("9181102751219513"), datagram.Serial);
            }
        }

        [Fact]
        public void Every_app_vector_reencodes_byte_for_byte()
        {
            foreach (var row in VectorFile.Rows("app-to-charger.tsv"))
            {
                var bytes = VectorFile.Hex(row[1]);
                Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var datagram, out _));
                Assert.True(bytes.SequenceEqual(DatagramCodec.Encode(datagram)), row[0] + " did not re-encode to the same bytes");
            }
        }
    }
}
