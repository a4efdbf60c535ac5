namespace EmProto.Protocol.Payloads
{
    /// <summary>GetVersionResponse (0x0106): 36 bytes, or 37 with the supportNew byte.</summary>
    public sealed class VersionPayload : EmPayload
    {
        /// <summary>Hardware version.</summary>
        public string HardwareVersion { get; set; } = string.Empty;

        /// <summary>Software (firmware) version.</summary>
        public string SoftwareVersion { get; set; } = string.Empty;

        /// <summary>Feature bits.</summary>
        public uint Feature { get; set; }

        /// <summary>The supportNew byte; null in the 36-byte form.</summary>
        public byte? SupportNew { get; set; }

        /// <inheritdoc/>
        public override int Length => SupportNew.HasValue ? 37 : 36;

        /// <inheritdoc/>
        public override void Validate()
        {
            EmText.Validate(HardwareVersion, 16, nameof(HardwareVersion));
            EmText.Validate(SoftwareVersion, 16, nameof(SoftwareVersion));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            EmText.Write(b, o, 16, HardwareVersion, nameof(HardwareVersion));
            EmText.Write(b, o + 16, 16, SoftwareVersion, nameof(SoftwareVersion));
            BigEndian.Put32(b, o + 32, Feature);
            if (SupportNew.HasValue) b[o + 36] = SupportNew.Value;
        }

        internal static VersionPayload Decode(byte[] b, int o, int n) => new VersionPayload
        {
            HardwareVersion = EmText.Read(b, o, 16),
            SoftwareVersion = EmText.Read(b, o + 16, 16),
            Feature = BigEndian.U32(b, o + 32),
            SupportNew = n >= 37 ? b[o + 36] : (byte?)null,
        };
    }
}
