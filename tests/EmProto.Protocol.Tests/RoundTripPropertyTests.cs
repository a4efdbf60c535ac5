using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using CsCheck;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>encode -> decode -> encode gives the same bytes and the same properties, for every payload type.</summary>
    public class RoundTripPropertyTests
    {
        /// <summary>A fixed seed and one thread: the same cases on every run.</summary>
        private static readonly string Seed = new PCG(11, 20250301).ToString();

        public static TheoryData<string> TypeNames()
        {
            var data = new TheoryData<string>();
            foreach (var n in PayloadGenerators.TypeNames) data.Add(n);
            return data;
        }

        [Theory]
        [MemberData(nameof(TypeNames))]
        public void Payload_type_round_trips(string typeName)
        {
            var gen = PayloadGenerators.ByType.Single(t => t.Name == typeName).Gen;
            gen.Sample(cp => AssertRoundTrip(new Datagram(new EvseSerial(0x0123456789abcdef), EmPassword.FromString("123456"), cp.Item1, cp.Item2)),
                seed: Seed, iter: 300, threads: 1);
        }

        [Fact]
        public void Any_datagram_round_trips()
        {
            PayloadGenerators.AnyDatagram.Sample(AssertRoundTrip, seed: Seed, iter: 2000, threads: 1);
        }

        [Fact]
        public void Any_datagrams_back_to_back_read_as_one_packet()
        {
            PayloadGenerators.AnyDatagram.Array[1, 5].Sample(datagrams =>
            {
                var packet = datagrams.SelectMany(d => DatagramCodec.Encode(d)).ToArray();
                var reader = DatagramCodec.ReadPacket(packet, 0, packet.Length);
                foreach (var expected in datagrams)
                {
                    Assert.True(reader.TryReadNext(out var actual, out var error));
                    Assert.Equal(DecodeError.None, error);
                    Assert.Equal(expected.Command, actual.Command);
                    Assert.Equal(expected.Length, actual.Length);
                }
                Assert.False(reader.TryReadNext(out _, out _));
            }, seed: Seed, iter: 300, threads: 1);
        }

        private static void AssertRoundTrip(Datagram original)
        {
            var first = DatagramCodec.Encode(original);
            Assert.Equal(original.Length, first.Length);
            var error = DatagramCodec.TryDecode(first, 0, first.Length, out var decoded, out int consumed);
            Assert.True(error == DecodeError.None, original + " did not decode: " + error);
            Assert.Equal(first.Length, consumed);
            Assert.Equal(original.Serial, decoded.Serial);
            Assert.Equal(original.Password, decoded.Password);
            Assert.Equal(original.Command, decoded.Command);
            Assert.Equal(original.KeyType, decoded.KeyType);
            Assert.Equal(original.Payload.GetType(), decoded.Payload.GetType());
            AssertSameProperties(original.Payload, decoded.Payload, original.Payload.GetType().Name);
            var second = DatagramCodec.Encode(decoded);
            Assert.True(first.SequenceEqual(second), original + ": re-encoding changed the bytes\n" + HexText.ToHex(first, 0, first.Length) + "\n" + HexText.ToHex(second, 0, second.Length));
        }

        /// <summary>Compares every public readable property (arrays element by element, nested objects recursively).</summary>
        internal static void AssertSameProperties(object? expected, object? actual, string path)
        {
            if (expected == null || actual == null)
            {
                Assert.True(expected == null && actual == null, path + ": expected " + (expected ?? "null") + ", got " + (actual ?? "null"));
                return;
            }
            var type = expected.GetType();
            if (type.IsPrimitive || type.IsEnum || expected is string || type.IsValueType)
            {
                Assert.True(expected.Equals(actual), path + ": expected " + expected + ", got " + actual);
                return;
            }
            if (expected is IEnumerable e1 && actual is IEnumerable e2)
            {
                var a = e1.Cast<object?>().ToList();
                var b = e2.Cast<object?>().ToList();
                Assert.True(a.Count == b.Count, path + ": expected " + a.Count + " items, got " + b.Count);
                for (int i = 0; i < a.Count; i++) AssertSameProperties(a[i], b[i], path + "[" + i + "]");
                return;
            }
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
                AssertSameProperties(p.GetValue(expected), p.GetValue(actual), path + "." + p.Name);
        }
    }
}
