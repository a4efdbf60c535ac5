namespace EmProto.Protocol
{
    /// <summary>
    /// Reads the payload of one command (a column of <see cref="EmCommandTable"/>). <paramref name="received"/> is the
    /// number of payload bytes that came; <paramref name="length"/> the bytes readable at <paramref name="offset"/>:
    /// the same, or the command's <see cref="EmCommandInfo.RequestLength"/> when a shorter request came (the missing
    /// bytes then read as zero).
    /// </summary>
    internal delegate EmPayload PayloadDecoder(byte[] buffer, int offset, int received, int length);
}
