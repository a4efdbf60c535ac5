namespace EmProto.Protocol.Payloads
{
    /// <summary>SetAndGetLanguage (0x810F / 0x010F).</summary>
    public sealed class LanguagePayload : ActionBytePayload
    {
        /// <summary>The language (0 in a GET).</summary>
        public EvseLanguage Language
        {
            get => (EvseLanguage)RawValue;
            set => RawValue = (byte)value;
        }
    }
}
