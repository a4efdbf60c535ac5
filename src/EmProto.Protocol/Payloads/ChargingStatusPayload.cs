using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Charge session status (commands 5 and 6; 74 or 80 bytes): the ongoing session, else a
    /// planned one, else the last finished one.
    /// </summary>
    public sealed class ChargingStatusPayload : EmPayload
    {
        /// <summary>Port.</summary>
        public byte Port { get; set; } = 1;

        /// <summary>State byte at offset 1 (see <see cref="EffectiveState"/>).</summary>
        public CurrentState CurrentState { get; set; }

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>Start type.</summary>
        public byte StartType { get; set; } = 1;

        /// <summary>Charge type.</summary>
        public byte ChargeType { get; set; } = 1;

        /// <summary>Maximum duration in minutes; 0xFFFF = unlimited.</summary>
        public ushort MaxDurationMinutes { get; set; } = 0xFFFF;

        /// <summary>Maximum energy, raw (× 0.01 kWh); 0xFFFF = unlimited.</summary>
        public ushort MaxEnergyRaw { get; set; } = 0xFFFF;

        /// <summary>Parameter 3, raw (× 0.01); 0xFFFF = unset.</summary>
        public ushort Param3Raw { get; set; } = 0xFFFF;

        /// <summary>Reservation date.</summary>
        public EmTimestamp ReservationDate { get; set; }

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Maximum current in amps.</summary>
        public byte MaxAmps { get; set; }

        /// <summary>Start date.</summary>
        public EmTimestamp StartDate { get; set; }

        /// <summary>Duration in seconds.</summary>
        public uint DurationSeconds { get; set; }

        /// <summary>Meter at start, raw (× 0.01 kWh; 0 once finished).</summary>
        public uint StartMeterRaw { get; set; }

        /// <summary>Meter now, raw (× 0.01 kWh).</summary>
        public uint CurrentMeterRaw { get; set; }

        /// <summary>Energy of this session, raw (× 0.01 kWh).</summary>
        public uint ChargedEnergyRaw { get; set; }

        /// <summary>Charge price, raw (× 0.01).</summary>
        public uint ChargePriceRaw { get; set; }

        /// <summary>Fee type.</summary>
        public byte FeeType { get; set; }

        /// <summary>Charge fee, raw (× 0.01).</summary>
        public ushort ChargeFeeRaw { get; set; }

        /// <summary>Bytes from offset 74 on in the longer form (null in the 74-byte form).</summary>
        public byte[]? Extension { get; set; }

        /// <summary>The state, with the longer form's override at offset 74 (18 or 19) applied.</summary>
        public CurrentState EffectiveState =>
            Extension != null && Extension.Length > 0 && (Extension[0] == 18 || Extension[0] == 19) ? (CurrentState)Extension[0] : CurrentState;

        /// <summary>Maximum energy in kWh, or null when unlimited.</summary>
        public double? MaxEnergyKWh => MaxEnergyRaw == 0xFFFF ? (double?)null : MaxEnergyRaw * 0.01;

        /// <summary>Energy of this session in kWh.</summary>
        public double ChargedKWh => ChargedEnergyRaw * 0.01;

        /// <inheritdoc/>
        public override int Length => 74 + (Extension?.Length ?? 0);

        /// <inheritdoc/>
        public override void Validate()
        {
            EmText.Validate(ChargeId, 16, nameof(ChargeId));
            EmText.Validate(UserId, 16, nameof(UserId));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = Port;
            b[o + 1] = (byte)CurrentState;
            EmText.Write(b, o + 2, 16, ChargeId, nameof(ChargeId));
            b[o + 18] = StartType;
            b[o + 19] = ChargeType;
            BigEndian.Put16(b, o + 20, MaxDurationMinutes);
            BigEndian.Put16(b, o + 22, MaxEnergyRaw);
            BigEndian.Put16(b, o + 24, Param3Raw);
            BigEndian.Put32(b, o + 26, ReservationDate.Raw);
            EmText.Write(b, o + 30, 16, UserId, nameof(UserId));
            b[o + 46] = MaxAmps;
            BigEndian.Put32(b, o + 47, StartDate.Raw);
            BigEndian.Put32(b, o + 51, DurationSeconds);
            BigEndian.Put32(b, o + 55, StartMeterRaw);
            BigEndian.Put32(b, o + 59, CurrentMeterRaw);
            BigEndian.Put32(b, o + 63, ChargedEnergyRaw);
            BigEndian.Put32(b, o + 67, ChargePriceRaw);
            b[o + 71] = FeeType;
            BigEndian.Put16(b, o + 72, ChargeFeeRaw);
            if (Extension != null) Buffer.BlockCopy(Extension, 0, b, o + 74, Extension.Length);
        }

        internal static ChargingStatusPayload Decode(byte[] b, int o, int n)
        {
            var p = new ChargingStatusPayload
            {
                Port = b[o],
                CurrentState = (CurrentState)b[o + 1],
                ChargeId = EmText.Read(b, o + 2, 16),
                StartType = b[o + 18],
                ChargeType = b[o + 19],
                MaxDurationMinutes = BigEndian.U16(b, o + 20),
                MaxEnergyRaw = BigEndian.U16(b, o + 22),
                Param3Raw = BigEndian.U16(b, o + 24),
                ReservationDate = new EmTimestamp(BigEndian.U32(b, o + 26)),
                UserId = EmText.Read(b, o + 30, 16),
                MaxAmps = b[o + 46],
                StartDate = new EmTimestamp(BigEndian.U32(b, o + 47)),
                DurationSeconds = BigEndian.U32(b, o + 51),
                StartMeterRaw = BigEndian.U32(b, o + 55),
                CurrentMeterRaw = BigEndian.U32(b, o + 59),
                ChargedEnergyRaw = BigEndian.U32(b, o + 63),
                ChargePriceRaw = BigEndian.U32(b, o + 67),
                FeeType = b[o + 71],
                ChargeFeeRaw = BigEndian.U16(b, o + 72),
            };
            if (n > 74)
            {
                var ext = new byte[n - 74];
                Buffer.BlockCopy(b, o + 74, ext, 0, ext.Length);
                p.Extension = ext;
            }
            return p;
        }
    }
}
