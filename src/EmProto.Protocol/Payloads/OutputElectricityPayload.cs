namespace EmProto.Protocol.Payloads
{
    /// <summary>SetAndGetOutputElectricity (0x8107 / 0x0107): the configured maximum current.</summary>
    public sealed class OutputElectricityPayload : ActionBytePayload
    {
        /// <summary>Maximum current in amps (0 in a GET).</summary>
        public byte Amps
        {
            get => RawValue;
            set => RawValue = value;
        }
    }
}
