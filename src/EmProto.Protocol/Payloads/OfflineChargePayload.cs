namespace EmProto.Protocol.Payloads
{
    /// <summary>SetAndGetOffLineCharge (0x810D / 0x010D). The raw value is kept next to its name.</summary>
    public sealed class OfflineChargePayload : ActionBytePayload
    {
        /// <summary>The mode (raw numbers that have no name are kept).</summary>
        public OfflineCharge Mode
        {
            get => (OfflineCharge)RawValue;
            set => RawValue = (byte)value;
        }
    }
}
