namespace EmProto.PowerShell
{
    /// <summary>
    /// One datagram decoded by <c>ConvertFrom-EvseDatagram</c>: the envelope for people reading a
    /// packet dump, and the payload. The password is never carried, only whether there was one.
    /// </summary>
    public sealed class DecodedDatagram
    {
        /// <summary>The command's name, e.g. SingleAcStatus, or Unknown(0x1234).</summary>
        public string CommandName { get; set; } = string.Empty;

        /// <summary>The command number.</summary>
        public int Command { get; set; }

        /// <summary>Charger to app, or app to charger.</summary>
        public DatagramDirection Direction { get; set; }

        /// <summary>The charger's serial: 16 lower-case hex digits.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>True when the password field held a password (the password itself is not kept).</summary>
        public bool HasPassword { get; set; }

        /// <summary>The datagram's length in bytes, envelope included.</summary>
        public int Length { get; set; }

        /// <summary>The key type byte (0 in everything seen).</summary>
        public byte KeyType { get; set; }

        /// <summary>
        /// The payload: for status (4, 13), charging status (5, 6) and charge record (9, 10) datagrams
        /// the same objects the live cmdlets return (EvseState, EvseChargeSession, EvseChargeRecord),
        /// with the same names and units; for charge start and clock datagrams a record in units;
        /// otherwise the protocol library's payload object.
        /// </summary>
        public object Payload { get; set; } = new object();

        /// <summary>A one-line description of the payload.</summary>
        public string Summary { get; set; } = string.Empty;

        /// <inheritdoc/>
        public override string ToString() => CommandName + " " + Serial + ": " + Summary;
    }
}
