using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>The payload of a command whose layout is unknown, kept byte for byte.</summary>
    public sealed class RawPayload : EmPayload
    {
        /// <summary>Wraps raw bytes.</summary>
        public RawPayload(byte[] data) => Data = data ?? throw new ArgumentNullException(nameof(data));

        /// <summary>The raw payload bytes.</summary>
        public byte[] Data { get; }

        /// <summary>The payload as lower-case hex.</summary>
        public string Hex => HexText.ToHex(Data, 0, Data.Length);

        /// <inheritdoc/>
        public override int Length => Data.Length;

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset) => Buffer.BlockCopy(Data, 0, buffer, offset, Data.Length);

        internal static RawPayload Decode(byte[] b, int o, int n)
        {
            var data = new byte[n];
            Buffer.BlockCopy(b, o, data, 0, n);
            return new RawPayload(data);
        }
    }
}
