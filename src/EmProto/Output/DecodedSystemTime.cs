using System;

namespace EmProto.PowerShell
{
    /// <summary>A charger clock datagram (0x8101 / 0x0101) with the time in the charger's zone.</summary>
    public sealed class DecodedSystemTime
    {
        /// <summary>Action byte: Report (0), Set (1), Get (2); other values are kept as numbers.</summary>
        public Protocol.SetAndGetAction Action { get; set; }

        /// <summary>The clock as an instant in the charger's zone, or null for a zero timestamp.</summary>
        public DateTimeOffset? Time { get; set; }

        /// <summary>The charger's wall-clock time as it shows it.</summary>
        public DateTime WallClock { get; set; }

        /// <summary>The raw EM timestamp.</summary>
        public long Raw { get; set; }

        /// <summary>True for the 16-byte form.</summary>
        public bool LongForm { get; set; }
    }
}
