using System;

namespace EmProto.Simulator
{
    /// <summary>
    /// Applies <see cref="FaultOptions"/> to the packets one charger sends to the app and receives
    /// from it. Not thread-safe: the owning charger calls it under its lock.
    /// </summary>
    internal sealed class PacketFaultInjector
    {
        private readonly FaultOptions _options;
        private readonly Random _random;
        private readonly SimulatorCounters _counters;
        private readonly Action<byte[]> _send;
        private byte[]? _held;
        private bool _heldForCoalescing;

        internal PacketFaultInjector(FaultOptions options, Random random, SimulatorCounters counters, Action<byte[]> send)
        {
            _options = options;
            _random = random;
            _counters = counters;
            _send = send;
        }

        /// <summary>When the held-back packet must go out alone; null when nothing is held.</summary>
        internal DateTimeOffset? HeldUntil { get; private set; }

        /// <summary>True when a received packet is to be lost.</summary>
        internal bool DropInbound()
        {
            if (!Chance(_options.InboundLossRatio)) return false;
            _counters.AddPacketsLost();
            return true;
        }

        /// <summary>Sends a packet through the faults.</summary>
        internal void Send(byte[] packet, DateTimeOffset now)
        {
            if (!_options.AnyPacketFault)
            {
                _send(packet);
                return;
            }
            if (Chance(_options.OutboundLossRatio))
            {
                _counters.AddPacketsLost();
                return;
            }
            if (Chance(_options.CorruptRatio))
            {
                packet = (byte[])packet.Clone();
                int at = 4 + _random.Next(packet.Length - 4);
                packet[at] ^= (byte)(1 + _random.Next(255));
                _counters.AddPacketsCorrupted();
            }
            if (_held != null)
            {
                var held = _held;
                _held = null;
                HeldUntil = null;
                if (_heldForCoalescing)
                {
                    var both = new byte[held.Length + packet.Length];
                    Buffer.BlockCopy(held, 0, both, 0, held.Length);
                    Buffer.BlockCopy(packet, 0, both, held.Length, packet.Length);
                    Emit(both);
                }
                else
                {
                    Emit(packet);
                    Emit(held);
                }
                return;
            }
            bool reorder = Chance(_options.ReorderRatio);
            if (reorder || Chance(_options.CoalesceRatio))
            {
                _held = packet;
                _heldForCoalescing = !reorder;
                HeldUntil = now + _options.HoldTime;
                _counters.AddPacketsReordered();
                return;
            }
            Emit(packet);
        }

        /// <summary>Sends a held-back packet whose time is up.</summary>
        internal void ReleaseDue(DateTimeOffset now)
        {
            if (_held == null || HeldUntil > now) return;
            var held = _held;
            _held = null;
            HeldUntil = null;
            Emit(held);
        }

        private void Emit(byte[] packet)
        {
            _send(packet);
            if (Chance(_options.DuplicateRatio))
            {
                _counters.AddPacketsDuplicated();
                _send(packet);
            }
            if (Chance(_options.GarbageRatio))
            {
                _counters.AddGarbageSent();
                _send(Garbage());
            }
        }

        private byte[] Garbage()
        {
            var junk = new byte[1 + _random.Next(80)];
            _random.NextBytes(junk);
            if (junk.Length >= 4 && _random.Next(2) == 0)
            {
                // Looks like a datagram until the checksum: the nastier kind of garbage.
                junk[0] = 0x06;
                junk[1] = 0x01;
                junk[2] = 0;
                junk[3] = (byte)junk.Length;
            }
            return junk;
        }

        private bool Chance(double ratio) => ratio > 0 && _random.NextDouble() < ratio;
    }
}
