using System;
using BenchmarkDotNet.Attributes;
using EmProto.Protocol;

namespace EmProto.Benchmarks
{
    /// <summary>
    /// Decode and encode throughput and allocations of the codec, per kind of datagram. Decode
    /// reads the whole datagram into typed objects (what the receive loop does for every packet);
    /// encode writes into a reused buffer (what the sender does).
    /// </summary>
    [BenchmarkCategory("codec")]
    public class CodecBenchmarks
    {
        private byte[] _bytes = Array.Empty<byte>();
        private byte[] _buffer = Array.Empty<byte>();
        private Datagram _datagram;

        /// <summary>The kind of datagram.</summary>
        [Params("Status", "ChargingStatus", "Login", "ChargeRecord")]
        public string Kind { get; set; } = "Status";

        [GlobalSetup]
        public void Setup()
        {
            _bytes = Kind switch
            {
                "Status" => Vectors.Status,
                "ChargingStatus" => Vectors.ChargingStatus,
                "Login" => Vectors.Login,
                "ChargeRecord" => Vectors.ChargeRecord,
                _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown datagram kind."),
            };
            var error = DatagramCodec.TryDecode(_bytes, 0, _bytes.Length, out _datagram, out _);
            if (error != DecodeError.None) throw new InvalidOperationException(Kind + " vector does not decode: " + error);
            _buffer = new byte[_bytes.Length];
        }

        [Benchmark]
        public Datagram Decode()
        {
            DatagramCodec.TryDecode(_bytes, 0, _bytes.Length, out var datagram, out _);
            return datagram;
        }

        [Benchmark]
        public int Encode() => DatagramCodec.Encode(_datagram, _buffer, 0);
    }
}
