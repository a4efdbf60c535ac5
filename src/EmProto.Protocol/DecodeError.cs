namespace EmProto.Protocol
{
    /// <summary>Why bytes from the network were not accepted as a datagram.</summary>
    public enum DecodeError
    {
        /// <summary>Accepted.</summary>
        None = 0,
        /// <summary>Fewer than 25 bytes.</summary>
        TooShort,
        /// <summary>The first two bytes are not 0x0601.</summary>
        BadHeader,
        /// <summary>The declared length is below 25 or beyond the bytes available.</summary>
        BadLength,
        /// <summary>The checksum matches neither the modulo 0x10000 nor the modulo 0xFFFF sum.</summary>
        BadChecksum,
        /// <summary>The last two bytes are not 0x0F02.</summary>
        BadTail,
        /// <summary>The payload is shorter than the minimum for its command.</summary>
        PayloadTooShort,
        /// <summary>The payload holds a value that cannot be represented.</summary>
        BadPayload,
    }
}
