namespace EmProto.Protocol.Payloads
{
    /// <summary>No payload (Heading, PasswordErrorResponse, GetVersion, request status record).</summary>
    public sealed class EmptyPayload : EmPayload
    {
        private EmptyPayload()
        {
        }

        /// <summary>The single instance.</summary>
        public static EmptyPayload Instance { get; } = new EmptyPayload();

        /// <inheritdoc/>
        public override int Length => 0;

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset)
        {
        }
    }
}
