using System;
using System.Collections.Generic;
using EmProto.Protocol;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// Derives hostile packets from the seed datagrams, deterministically and without allocating:
    /// bit flips, byte changes, truncation, extension, length-field edits, concatenation of several
    /// datagrams, random bytes, other commands and scrambled payloads. About half of the mutants get
    /// their length, checksum and tail repaired so that they reach the payload decoders and the
    /// engine's handlers instead of all dying at the checksum.
    /// </summary>
    public sealed class DatagramMutator
    {
        private static readonly ushort[] Commands =
        {
            0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008, 0x0009, 0x000A, 0x000B, 0x000D,
            0x0101, 0x0104, 0x0105, 0x0106, 0x0107, 0x0108, 0x010A, 0x010D, 0x010E, 0x010F, 0x0112, 0x0155, 0x0162,
            0x8001, 0x8002, 0x8003, 0x8004, 0x8005, 0x8006, 0x8007, 0x8008, 0x8009, 0x800A, 0x800D, 0x8101, 0x8106, 0x8107,
        };

        private static readonly int KindTotal = Enum.GetValues(typeof(MutationKind)).Length;

        private readonly byte[][] _seeds;
        private DeterministicRandom _random;

        public DatagramMutator(IReadOnlyList<byte[]> seeds, ulong seed)
        {
            _seeds = new byte[seeds.Count][];
            for (int i = 0; i < seeds.Count; i++) _seeds[i] = seeds[i];
            _random = new DeterministicRandom(seed);
        }

        /// <summary>Buffers passed to <see cref="Next"/> must hold at least this many bytes.</summary>
        public const int MaxPacketLength = 2048;

        /// <summary>Writes the next mutant into <paramref name="buffer"/> and returns its length (possibly 0).</summary>
        public int Next(byte[] buffer, out MutationKind kind)
        {
            kind = (MutationKind)_random.Next(KindTotal);
            byte[] seed = _seeds[_random.Next(_seeds.Length)];
            int n;
            switch (kind)
            {
                case MutationKind.BitFlips:
                    n = Copy(seed, buffer, 0);
                    for (int i = 1 + _random.Next(4); i > 0; i--) buffer[_random.Next(n)] ^= (byte)(1 << _random.Next(8));
                    if (_random.Chance(50)) Repair(buffer, 0, n, keepLength: _random.Chance(50));
                    return n;
                case MutationKind.ByteChanges:
                    n = Copy(seed, buffer, 0);
                    for (int i = 1 + _random.Next(4); i > 0; i--) buffer[_random.Next(n)] = _random.NextByte();
                    if (_random.Chance(50)) Repair(buffer, 0, n, keepLength: _random.Chance(50));
                    return n;
                case MutationKind.Truncation:
                    n = Copy(seed, buffer, 0);
                    n = _random.Next(n);
                    if (_random.Chance(50)) Repair(buffer, 0, n, keepLength: false);
                    return n;
                case MutationKind.Extension:
                    n = Copy(seed, buffer, 0);
                    for (int i = 1 + _random.Next(96); i > 0; i--) buffer[n++] = _random.NextByte();
                    if (_random.Chance(50)) Repair(buffer, 0, n, keepLength: false);
                    return n;
                case MutationKind.LengthFieldEdit:
                {
                    n = Copy(seed, buffer, 0);
                    int length;
                    switch (_random.Next(7))
                    {
                        case 0: length = 0; break;
                        case 1: length = DatagramCodec.EnvelopeLength - 1; break;
                        case 2: length = DatagramCodec.EnvelopeLength; break;
                        case 3: length = n - 1; break;
                        case 4: length = n + 1; break;
                        case 5: length = 0xFFFF; break;
                        default: length = _random.Next(0x10000); break;
                    }
                    buffer[2] = (byte)(length >> 8);
                    buffer[3] = (byte)length;
                    // Sometimes sign the declared length, so a short length yields a valid datagram plus trailing bytes.
                    if (_random.Chance(50) && length >= DatagramCodec.EnvelopeLength && length <= n) Repair(buffer, 0, length, keepLength: true);
                    return n;
                }
                case MutationKind.Concatenation:
                {
                    n = 0;
                    for (int parts = 2 + _random.Next(3); parts > 0; parts--)
                    {
                        byte[] part = _seeds[_random.Next(_seeds.Length)];
                        if (n + part.Length > MaxPacketLength) break;
                        int start = n;
                        n = Copy(part, buffer, n);
                        if (_random.Chance(25))
                        {
                            buffer[start + _random.Next(part.Length)] ^= (byte)(1 << _random.Next(8));
                            if (_random.Chance(50)) Repair(buffer, start, part.Length, keepLength: true);
                        }
                    }
                    // Sometimes a few padding or garbage bytes at the end.
                    if (_random.Chance(20)) for (int i = 1 + _random.Next(30); i > 0 && n < MaxPacketLength; i--) buffer[n++] = _random.NextByte();
                    return n;
                }
                case MutationKind.RandomBytes:
                    n = _random.Next(300);
                    for (int i = 0; i < n; i++) buffer[i] = _random.NextByte();
                    if (n >= DatagramCodec.EnvelopeLength && _random.Chance(50))
                    {
                        buffer[0] = 0x06;
                        buffer[1] = 0x01;
                        Repair(buffer, 0, n, keepLength: false);
                    }
                    return n;
                case MutationKind.CommandChange:
                {
                    n = Copy(seed, buffer, 0);
                    ushort command = _random.Chance(80) ? Commands[_random.Next(Commands.Length)] : (ushort)_random.Next(0x10000);
                    buffer[19] = (byte)(command >> 8);
                    buffer[20] = (byte)command;
                    if (_random.Chance(90)) Repair(buffer, 0, n, keepLength: false);
                    return n;
                }
                case MutationKind.PayloadScramble:
                {
                    n = Copy(seed, buffer, 0);
                    int payloadEnd = n - 4;
                    int percent = 1 + _random.Next(100);
                    for (int i = 21; i < payloadEnd; i++) if (_random.Chance(percent)) buffer[i] = _random.NextByte();
                    Repair(buffer, 0, n, keepLength: false);
                    return n;
                }
                default:
                    return Copy(seed, buffer, 0);
            }
        }

        private static int Copy(byte[] source, byte[] buffer, int at)
        {
            Buffer.BlockCopy(source, 0, buffer, at, source.Length);
            return at + source.Length;
        }

        /// <summary>Writes a matching length (unless kept), checksum and tail for the datagram at <paramref name="offset"/>.</summary>
        private static void Repair(byte[] buffer, int offset, int count, bool keepLength)
        {
            if (count < DatagramCodec.EnvelopeLength) return;
            int length = count;
            if (keepLength)
            {
                int declared = (buffer[offset + 2] << 8) | buffer[offset + 3];
                if (declared >= DatagramCodec.EnvelopeLength && declared <= count) length = declared;
            }
            buffer[offset + 2] = (byte)(length >> 8);
            buffer[offset + 3] = (byte)length;
            int sumEnd = offset + length - 4;
            uint sum = 0;
            for (int i = offset; i < sumEnd; i++) sum += buffer[i];
            buffer[sumEnd] = (byte)(sum >> 8);
            buffer[sumEnd + 1] = (byte)sum;
            buffer[sumEnd + 2] = 0x0F;
            buffer[sumEnd + 3] = 0x02;
        }
    }
}
