namespace EmProto.Protocol.Payloads
{
    /// <summary>The SetAndGet form "u8 action, u8 value" (value 0 for GET).</summary>
    public abstract class ActionBytePayload : EmPayload
    {
        /// <summary>Action: 1 SET, 2 GET (0 unsolicited report).</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Get;

        /// <summary>The value byte as on the wire.</summary>
        public byte RawValue { get; set; }

        /// <inheritdoc/>
        public override int Length => 2;

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            b[o] = (byte)Action;
            b[o + 1] = RawValue;
        }

        internal static T Decode<T>(byte[] b, int o, int n) where T : ActionBytePayload, new() => new T
        {
            Action = (SetAndGetAction)b[o],
            RawValue = n > 1 ? b[o + 1] : (byte)0,
        };
    }
}
