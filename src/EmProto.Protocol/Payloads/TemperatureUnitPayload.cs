namespace EmProto.Protocol.Payloads
{
    /// <summary>SetAndGetTemperatureUnit (0x8112 / 0x0112).</summary>
    public sealed class TemperatureUnitPayload : ActionBytePayload
    {
        /// <summary>The unit (0 in a GET).</summary>
        public TemperatureUnit Unit
        {
            get => (TemperatureUnit)RawValue;
            set => RawValue = (byte)value;
        }
    }
}
