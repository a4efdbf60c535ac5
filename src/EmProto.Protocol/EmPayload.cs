namespace EmProto.Protocol
{
    /// <summary>
    /// The command-specific part of a datagram. Every payload type both decodes (from the
    /// network) and encodes (for sending), so the same types serve the client and the simulator.
    /// </summary>
    public abstract class EmPayload
    {
        /// <summary>The number of payload bytes <see cref="Write"/> produces.</summary>
        public abstract int Length { get; }

        /// <summary>Writes exactly <see cref="Length"/> bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="System.ArgumentException">A field holds a value that cannot be encoded.</exception>
        public abstract void Write(byte[] buffer, int offset);

        /// <summary>Throws <see cref="System.ArgumentException"/> when a field cannot be encoded.</summary>
        public virtual void Validate()
        {
        }
    }
}
