using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>ChargeStop (0x8008, 47 bytes): u8 lineId, char[16] userId, 30 zero bytes.</summary>
    public sealed class ChargeStopPayload : EmPayload
    {
        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>User id (ASCII, at most 16).</summary>
        public string UserId { get; set; } = EmDefaults.UserId;

        /// <inheritdoc/>
        public override int Length => 47;

        /// <inheritdoc/>
        public override void Validate() => EmText.Validate(UserId, 16, nameof(UserId));

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            EmText.Write(b, o + 1, 16, UserId, nameof(UserId));
            Array.Clear(b, o + 17, 30);
        }

        internal static ChargeStopPayload Decode(byte[] b, int o, int n) => new ChargeStopPayload
        {
            LineId = b[o],
            UserId = EmText.Read(b, o + 1, 16),
        };
    }
}
