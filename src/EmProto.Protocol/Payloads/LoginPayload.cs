using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Charger information carried by Login (1) and LoginResponse (2). Four forms exist: 70 bytes,
    /// 118 (hot line continues with 48 characters at 70), 119 (continues at 71) and 151 (119 plus
    /// 16 more brand characters at 119 and 16 more model characters at 135).
    /// </summary>
    public sealed class LoginPayload : EmPayload
    {
        /// <summary>The charger type code (10-15 and 22-25 are three-phase models).</summary>
        public byte Type { get; set; }

        /// <summary>Brand.</summary>
        public string Brand { get; set; } = string.Empty;

        /// <summary>Model.</summary>
        public string Model { get; set; } = string.Empty;

        /// <summary>Hardware version.</summary>
        public string HardwareVersion { get; set; } = string.Empty;

        /// <summary>Maximum total output power in watts.</summary>
        public uint MaxPowerW { get; set; }

        /// <summary>Maximum current per phase in amps.</summary>
        public byte MaxAmps { get; set; }

        /// <summary>Support phone number or URL.</summary>
        public string HotLine { get; set; } = string.Empty;

        /// <summary>The payload length form: 70, 118, 119 or 151.</summary>
        public int Form { get; set; } = 70;

        /// <summary>The byte at offset 70 in the 119 and 151 forms (meaning unknown, kept).</summary>
        public byte Byte70 { get; set; }

        /// <summary>True for the three-phase type codes.</summary>
        public bool IsThreePhase => IsThreePhaseType(Type);

        /// <summary>True when <paramref name="type"/> is a three-phase model code.</summary>
        public static bool IsThreePhaseType(byte type) => (type >= 10 && type <= 15) || (type >= 22 && type <= 25);

        /// <inheritdoc/>
        public override int Length => Form;

        private int HotLineTail => Form == 118 ? 70 : 71;

        private int BrandWidth => Form == 151 ? 32 : 16;

        private int HotLineWidth => Form == 70 ? 16 : 64;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (Form != 70 && Form != 118 && Form != 119 && Form != 151)
                throw new ArgumentException("Form must be 70, 118, 119 or 151; got " + Form + ".", nameof(Form));
            EmText.Validate(Brand, BrandWidth, nameof(Brand));
            EmText.Validate(Model, BrandWidth, nameof(Model));
            EmText.Validate(HardwareVersion, 16, nameof(HardwareVersion));
            EmText.Validate(HotLine, HotLineWidth, nameof(HotLine));
        }

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset)
        {
            Validate();
            Array.Clear(buffer, offset, Form);
            buffer[offset] = Type;
            WriteSplit(buffer, offset + 1, offset + 119, Brand, nameof(Brand));
            WriteSplit(buffer, offset + 17, offset + 135, Model, nameof(Model));
            EmText.Write(buffer, offset + 33, 16, HardwareVersion, nameof(HardwareVersion));
            BigEndian.Put32(buffer, offset + 49, MaxPowerW);
            buffer[offset + 53] = MaxAmps;
            string hot = HotLine ?? string.Empty;
            EmText.Write(buffer, offset + 54, 16, hot.Length > 16 ? hot.Substring(0, 16) : hot, nameof(HotLine));
            if (Form != 70)
            {
                EmText.Write(buffer, offset + HotLineTail, 48, hot.Length > 16 ? hot.Substring(16) : string.Empty, nameof(HotLine));
                if (Form != 118) buffer[offset + 70] = Byte70;
            }
        }

        private void WriteSplit(byte[] buffer, int first, int second, string? value, string field)
        {
            string v = value ?? string.Empty;
            EmText.Write(buffer, first, 16, v.Length > 16 ? v.Substring(0, 16) : v, field);
            if (Form == 151) EmText.Write(buffer, second, 16, v.Length > 16 ? v.Substring(16) : string.Empty, field);
        }

        internal static LoginPayload Decode(byte[] b, int o, int n)
        {
            int form = n >= 151 ? 151 : n >= 119 ? 119 : n >= 118 ? 118 : 70;
            var p = new LoginPayload
            {
                Form = form,
                Type = b[o],
                HardwareVersion = EmText.Read(b, o + 33, 16),
                MaxPowerW = BigEndian.U32(b, o + 49),
                MaxAmps = b[o + 53],
            };
            p.Brand = ReadSplit(b, o + 1, form == 151 ? o + 119 : -1);
            p.Model = ReadSplit(b, o + 17, form == 151 ? o + 135 : -1);
            p.HotLine = ReadSplit(b, o + 54, form == 70 ? -1 : o + p.HotLineTail, 48);
            if (form == 119 || form == 151) p.Byte70 = b[o + 70];
            return p;
        }

        private static string ReadSplit(byte[] b, int first, int second, int secondWidth = 16)
        {
            if (second < 0) return EmText.Read(b, first, 16);
            // The continuation only counts when the first part is full (no terminator).
            for (int i = 0; i < 16; i++) if (b[first + i] == 0) return EmText.Read(b, first, 16);
            // Join the two parts before trimming, so a space at the split survives.
            var joined = new byte[16 + secondWidth];
            Buffer.BlockCopy(b, first, joined, 0, 16);
            Buffer.BlockCopy(b, second, joined, 16, secondWidth);
            return EmText.Read(joined, 0, joined.Length);
        }
    }
}
