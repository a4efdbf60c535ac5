using System;
using System.Collections.Generic;
using System.Threading;

namespace EmProto.Engine
{
    /// <summary>Why a received packet or datagram was dropped.</summary>
    public enum DropReason
    {
        /// <summary>Fewer than 25 bytes.</summary>
        TooShort,
        /// <summary>Not 0x0601.</summary>
        BadHeader,
        /// <summary>Declared length impossible.</summary>
        BadLength,
        /// <summary>Checksum mismatch.</summary>
        BadChecksum,
        /// <summary>Not 0x0F02.</summary>
        BadTail,
        /// <summary>Payload shorter than its command needs.</summary>
        PayloadTooShort,
        /// <summary>Payload value not representable.</summary>
        BadPayload,
        /// <summary>An app-to-charger command (another app's request, or our own broadcast echoed).</summary>
        NotFromCharger,
        /// <summary>From another address than the charger's pinned one.</summary>
        AddressMismatch,
        /// <summary>A reply nobody waited for (late duplicate or another app's).</summary>
        Unsolicited,
        /// <summary>A handler failed on it (contained).</summary>
        HandlerError,
        /// <summary>A new serial while the registry already holds MaxChargers chargers.</summary>
        RegistryFull,
    }

    /// <summary>Thread-safe counters of a communicator.</summary>
    public sealed class CommunicatorCounters
    {
        private long _packetsReceived, _datagramsReceived, _datagramsSent, _retries, _timeouts, _eventHandlerErrors;
        private readonly long[] _drops = new long[Enum.GetValues(typeof(DropReason)).Length];

        internal void PacketReceived() => Interlocked.Increment(ref _packetsReceived);

        internal void DatagramReceived() => Interlocked.Increment(ref _datagramsReceived);

        internal void DatagramSent() => Interlocked.Increment(ref _datagramsSent);

        internal void Retry() => Interlocked.Increment(ref _retries);

        internal void Timeout() => Interlocked.Increment(ref _timeouts);

        internal void EventHandlerError() => Interlocked.Increment(ref _eventHandlerErrors);

        internal void Drop(DropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);

        /// <summary>A consistent-enough copy of the counters.</summary>
        public CommunicatorStatistics Snapshot()
        {
            var drops = new Dictionary<string, long>();
            long total = 0;
            for (int i = 0; i < _drops.Length; i++)
            {
                long v = Interlocked.Read(ref _drops[i]);
                total += v;
                if (v > 0) drops[((DropReason)i).ToString()] = v;
            }
            return new CommunicatorStatistics
            {
                PacketsReceived = Interlocked.Read(ref _packetsReceived),
                DatagramsReceived = Interlocked.Read(ref _datagramsReceived),
                DatagramsSent = Interlocked.Read(ref _datagramsSent),
                Retries = Interlocked.Read(ref _retries),
                Timeouts = Interlocked.Read(ref _timeouts),
                EventHandlerErrors = Interlocked.Read(ref _eventHandlerErrors),
                Dropped = total,
                DroppedByReason = drops,
            };
        }
    }

    /// <summary>A snapshot of a communicator's counters.</summary>
    public sealed class CommunicatorStatistics
    {
        /// <summary>UDP packets received.</summary>
        public long PacketsReceived { get; set; }

        /// <summary>Valid datagrams received.</summary>
        public long DatagramsReceived { get; set; }

        /// <summary>Datagrams sent.</summary>
        public long DatagramsSent { get; set; }

        /// <summary>Requests resent because no answer came in time.</summary>
        public long Retries { get; set; }

        /// <summary>Requests that used up their retry budget.</summary>
        public long Timeouts { get; set; }

        /// <summary>Exceptions thrown by event handlers (contained).</summary>
        public long EventHandlerErrors { get; set; }

        /// <summary>Dropped packets and datagrams in all.</summary>
        public long Dropped { get; set; }

        /// <summary>Drops by reason (only reasons that occurred).</summary>
        public Dictionary<string, long> DroppedByReason { get; set; } = new Dictionary<string, long>();
    }
}
