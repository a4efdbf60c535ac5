using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// SetAndGetNickName (0x8108 / 0x0108): u8 action, char[32] name (char[16] on some firmware).
    /// The "ACP#" prefix a SET needs is the caller's business; this type carries the text as is.
    /// </summary>
    public sealed class NickNamePayload : EmPayload
    {
        /// <summary>Action: 1 SET, 2 GET.</summary>
        public SetAndGetAction Action { get; set; } = SetAndGetAction.Get;

        /// <summary>The name text.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The width of the name field: 32 (default) or 16.</summary>
        public int NameWidth { get; set; } = 32;

        /// <inheritdoc/>
        public override int Length => 1 + NameWidth;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (NameWidth != 16 && NameWidth != 32)
                throw new ArgumentException("NameWidth must be 16 or 32; got " + NameWidth + ".", nameof(NameWidth));
            EmText.Validate(Name, NameWidth, nameof(Name));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = (byte)Action;
            EmText.Write(b, o + 1, NameWidth, Name, nameof(Name));
        }

        internal static NickNamePayload Decode(byte[] b, int o, int n)
        {
            int width = n >= 33 ? 32 : n >= 17 ? 16 : n - 1;
            var p = new NickNamePayload { Action = (SetAndGetAction)b[o], NameWidth = width < 16 ? 16 : width };
            p.Name = width > 0 ? EmText.Read(b, o + 1, width) : string.Empty;
            return p;
        }
    }
}
