namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// The one-byte payload of the simple app requests and acknowledgements: LoginConfirm (0),
    /// RequestLogin (0), HeadingResponse (0), SingleACStatusResponse (1), charging status
    /// acknowledge (0), request charging status (0). An empty payload decodes as 0.
    /// </summary>
    public sealed class ByteValuePayload : EmPayload
    {
        private static readonly ByteValuePayload ZeroInstance = new ByteValuePayload(0);
        private static readonly ByteValuePayload OneInstance = new ByteValuePayload(1);

        /// <summary>Creates the payload.</summary>
        public ByteValuePayload(byte value) => Value = value;

        /// <summary>A shared payload holding 0.</summary>
        public static ByteValuePayload Zero => ZeroInstance;

        /// <summary>A shared payload holding 1.</summary>
        public static ByteValuePayload One => OneInstance;

        /// <summary>The byte.</summary>
        public byte Value { get; }

        /// <inheritdoc/>
        public override int Length => 1;

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset) => buffer[offset] = Value;

        internal static ByteValuePayload Decode(byte[] b, int o, int n)
        {
            byte v = n > 0 ? b[o] : (byte)0;
            return v == 0 ? ZeroInstance : v == 1 ? OneInstance : new ByteValuePayload(v);
        }
    }
}
