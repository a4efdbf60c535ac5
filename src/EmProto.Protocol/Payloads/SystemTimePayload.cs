using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// SetAndGetSystemTime (0x8101) and its response (0x0101): u8 action, u32 EM timestamp.
    /// GET is sent as action 0 with a zero timestamp (as the seed library does); the iOS app's
    /// 16-byte SET form (11 trailing zero bytes) is kept by <see cref="LongForm"/>.
    /// </summary>
    public sealed class SystemTimePayload : EmPayload
    {
        /// <summary>Action (0 report/GET, 1 SET, 2 GET).</summary>
        public SetAndGetAction Action { get; set; }

        /// <summary>The clock value.</summary>
        public EmTimestamp Time { get; set; }

        /// <summary>True for the 16-byte form.</summary>
        public bool LongForm { get; set; }

        /// <summary>The GET request: action 0, timestamp 0.</summary>
        public static SystemTimePayload Get() => new SystemTimePayload { Action = SetAndGetAction.Report };

        /// <summary>A SET request.</summary>
        public static SystemTimePayload Set(EmTimestamp time) => new SystemTimePayload { Action = SetAndGetAction.Set, Time = time };

        /// <inheritdoc/>
        public override int Length => LongForm ? 16 : 5;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            b[o] = (byte)Action;
            BigEndian.PutTime(b, o + 1, Time);
            if (LongForm) Array.Clear(b, o + 5, 11);
        }

        internal static SystemTimePayload Decode(byte[] b, int o, int n) => new SystemTimePayload
        {
            Action = (SetAndGetAction)b[o],
            Time = BigEndian.Time(b, o + 1),
            LongForm = n >= 16,
        };
    }
}
