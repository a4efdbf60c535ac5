using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Wi-Fi configuration (0x010A). It carries the Wi-Fi passphrase in clear; its layout is not
    /// documented, so only its length is shown. The bytes are kept for re-encoding but are not
    /// exposed as a property, so a dump never prints the passphrase.
    /// </summary>
    public sealed class WifiConfigurationPayload : EmPayload
    {
        private readonly byte[] _data;

        /// <summary>Wraps the raw bytes.</summary>
        public WifiConfigurationPayload(byte[] data) => _data = data ?? throw new ArgumentNullException(nameof(data));

        /// <inheritdoc/>
        public override int Length => _data.Length;

        /// <summary>Always "(redacted)": the payload contains a secret.</summary>
        #pragma warning disable CA1822 // an instance property, so it shows in object views
        public string Content => "(redacted: contains the Wi-Fi passphrase)";
#pragma warning restore CA1822

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset) => Buffer.BlockCopy(_data, 0, buffer, offset, _data.Length);

        internal static WifiConfigurationPayload Decode(byte[] b, int o, int n)
        {
            var data = new byte[n];
            Buffer.BlockCopy(b, o, data, 0, n);
            return new WifiConfigurationPayload(data);
        }

        /// <inheritdoc/>
        public override string ToString() => "WifiConfiguration (" + _data.Length + " bytes, redacted)";
    }
}
