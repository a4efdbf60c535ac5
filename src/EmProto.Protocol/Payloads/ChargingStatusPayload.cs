using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// Charge session status (commands 5 and 6; 74 or 80 bytes): the ongoing session, else a
    /// planned one, else the last finished one.
    /// </summary>
    public sealed class ChargingStatusPayload : EmPayload
    {
        private ChargeTerms _terms = ChargeTerms.Default;
        private ChargeTotals _totals;

        /// <summary>Port.</summary>
        public byte Port { get; set; } = 1;

        /// <summary>State byte at offset 1 (see <see cref="EffectiveState"/>).</summary>
        public CurrentState CurrentState { get; set; }

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>Start type, charge type and limits (the block at offset 18).</summary>
        public ChargeTerms Terms
        {
            get => _terms;
            set => _terms = value;
        }

        /// <summary>Start type.</summary>
        public byte StartType { get => _terms.StartType; set => _terms.StartType = value; }

        /// <summary>Charge type.</summary>
        public byte ChargeType { get => _terms.ChargeType; set => _terms.ChargeType = value; }

        /// <summary>Maximum duration in minutes; 0xFFFF = unlimited.</summary>
        public ushort MaxDurationMinutes { get => _terms.MaxDurationMinutes; set => _terms.MaxDurationMinutes = value; }

        /// <summary>Maximum energy, raw (× 0.01 kWh); 0xFFFF = unlimited.</summary>
        public ushort MaxEnergyRaw { get => _terms.MaxEnergyRaw; set => _terms.MaxEnergyRaw = value; }

        /// <summary>Parameter 3, raw (× 0.01); 0xFFFF = unset.</summary>
        public ushort Param3Raw { get => _terms.Param3; set => _terms.Param3 = value; }

        /// <summary>Reservation date.</summary>
        public EmTimestamp ReservationDate { get; set; }

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Maximum current in amps.</summary>
        public byte MaxAmps { get; set; }

        /// <summary>Start date.</summary>
        public EmTimestamp StartDate { get; set; }

        /// <summary>Duration, meters, energy, price and fee (the block at offset 51).</summary>
        public ChargeTotals Totals
        {
            get => _totals;
            set => _totals = value;
        }

        /// <summary>Duration in seconds.</summary>
        public uint DurationSeconds { get => _totals.Seconds; set => _totals.Seconds = value; }

        /// <summary>Meter at start, raw (× 0.01 kWh; 0 once finished).</summary>
        public uint StartMeterRaw { get => _totals.StartMeterRaw; set => _totals.StartMeterRaw = value; }

        /// <summary>Meter now, raw (× 0.01 kWh).</summary>
        public uint CurrentMeterRaw { get => _totals.EndMeterRaw; set => _totals.EndMeterRaw = value; }

        /// <summary>Energy of this session, raw (× 0.01 kWh).</summary>
        public uint ChargedEnergyRaw { get => _totals.ChargedEnergyRaw; set => _totals.ChargedEnergyRaw = value; }

        /// <summary>Charge price, raw (× 0.01).</summary>
        public uint ChargePriceRaw { get => _totals.ChargePriceRaw; set => _totals.ChargePriceRaw = value; }

        /// <summary>Fee type.</summary>
        public byte FeeType { get => _totals.FeeType; set => _totals.FeeType = value; }

        /// <summary>Charge fee, raw (× 0.01).</summary>
        public ushort ChargeFeeRaw { get => _totals.ChargeFeeRaw; set => _totals.ChargeFeeRaw = value; }

        /// <summary>Bytes from offset 74 on in the longer form (null in the 74-byte form).</summary>
        public byte[]? Extension { get; set; }

        /// <summary>The state, with the longer form's override at offset 74 (18 or 19) applied.</summary>
        public CurrentState EffectiveState =>
            Extension != null && Extension.Length > 0 && (Extension[0] == 18 || Extension[0] == 19) ? (CurrentState)Extension[0] : CurrentState;

        /// <summary>Maximum energy in kWh, or null when unlimited.</summary>
        public double? MaxEnergyKWh => _terms.MaxEnergyKWh;

        /// <summary>Energy of this session in kWh.</summary>
        public double ChargedKWh => _totals.ChargedKWh;

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
            _terms.Write(b, o + 18);
            BigEndian.PutTime(b, o + 26, ReservationDate);
            EmText.Write(b, o + 30, 16, UserId, nameof(UserId));
            b[o + 46] = MaxAmps;
            BigEndian.PutTime(b, o + 47, StartDate);
            _totals.Write(b, o + 51);
            if (Extension != null) Buffer.BlockCopy(Extension, 0, b, o + 74, Extension.Length);
        }

        internal static ChargingStatusPayload Decode(byte[] b, int o, int n)
        {
            var p = new ChargingStatusPayload
            {
                Port = b[o],
                CurrentState = (CurrentState)b[o + 1],
                ChargeId = EmText.Read(b, o + 2, 16),
                Terms = ChargeTerms.Read(b, o + 18),
                ReservationDate = BigEndian.Time(b, o + 26),
                UserId = EmText.Read(b, o + 30, 16),
                MaxAmps = b[o + 46],
                StartDate = BigEndian.Time(b, o + 47),
                Totals = ChargeTotals.Read(b, o + 51),
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
