using System;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class AllocationTests
    {
        [Fact]
        public void Decoding_a_status_datagram_allocates_only_its_payload_object()
        {
            var bytes = VectorFile.Hex("06010032009181102751219513ffffffffffff000401092e00000000000000024081589258920102020d000000000b7b0f02");
            // Warm up: JIT, static constructors, type handles.
            for (int i = 0; i < 10; i++) Assert.Equal(DecodeError.None, DatagramCodec.TryDecode(bytes, 0, bytes.Length, out _, out _));

            long before = GC.GetAllocatedBytesForCurrentThread();
            var one = new SingleAcStatusPayload();
            long payloadSize = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(one);

            before = GC.GetAllocatedBytesForCurrentThread();
            var error = DatagramCodec.TryDecode(bytes, 0, bytes.Length, out var datagram, out _);
            long decodeSize = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(DecodeError.None, error);
            Assert.IsType<SingleAcStatusPayload>(datagram.Payload);
            Assert.True(payloadSize > 0);
            Assert.True(decodeSize <= payloadSize, "decoding allocated " + decodeSize + " bytes; one SingleAcStatusPayload is " + payloadSize + " bytes");
        }
    }
}
