using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>ChargeStart (0x8007, 47 bytes).</summary>
    public sealed class ChargeStartPayload : EmPayload
    {
        private ChargeTerms _terms = ChargeTerms.Default;

        /// <summary>Line id: 1 (the seed library; 2 on three-phase unless single phase is asked).</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>User id shown in the charger's history (ASCII, at most 16).</summary>
        public string UserId { get; set; } = EmDefaults.UserId;

        /// <summary>Charge id (ASCII, at most 16).</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>1 if the start time is in the future.</summary>
        public byte IsReservation { get; set; }

        /// <summary>Start time ("now" when not a reservation).</summary>
        public EmTimestamp ReservationDate { get; set; }

        /// <summary>Start type, charge type and limits (the block at offset 38).</summary>
        public ChargeTerms Terms
        {
            get => _terms;
            set => _terms = value;
        }

        /// <summary>Start type (1).</summary>
        public byte StartType { get => _terms.StartType; set => _terms.StartType = value; }

        /// <summary>Charge type (1; 11 forces one phase on some firmware).</summary>
        public byte ChargeType { get => _terms.ChargeType; set => _terms.ChargeType = value; }

        /// <summary>Maximum duration in minutes; 0xFFFF = unlimited.</summary>
        public ushort MaxDurationMinutes { get => _terms.MaxDurationMinutes; set => _terms.MaxDurationMinutes = value; }

        /// <summary>Maximum energy, raw (× 0.01 kWh); 0xFFFF = unlimited.</summary>
        public ushort MaxEnergyRaw { get => _terms.MaxEnergyRaw; set => _terms.MaxEnergyRaw = value; }

        /// <summary>Parameter 3: must be 0xFFFF (0 makes the charger stop after a few seconds).</summary>
        public ushort Param3 { get => _terms.Param3; set => _terms.Param3 = value; }

        /// <summary>Current in amps (6 to the charger's maximum, never above 32).</summary>
        public byte MaxAmps { get; set; } = 6;

        /// <inheritdoc/>
        public override int Length => 47;

        /// <inheritdoc/>
        public override void Validate()
        {
            EmText.Validate(UserId, 16, nameof(UserId));
            EmText.Validate(ChargeId, 16, nameof(ChargeId));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            EmText.Write(b, o + 1, 16, UserId, nameof(UserId));
            EmText.Write(b, o + 17, 16, ChargeId, nameof(ChargeId));
            b[o + 33] = IsReservation;
            BigEndian.PutTime(b, o + 34, ReservationDate);
            _terms.Write(b, o + 38);
            b[o + 46] = MaxAmps;
        }

        internal static ChargeStartPayload Decode(byte[] b, int o, int n) => new ChargeStartPayload
        {
            LineId = b[o],
            UserId = EmText.Read(b, o + 1, 16),
            ChargeId = EmText.Read(b, o + 17, 16),
            IsReservation = b[o + 33],
            ReservationDate = BigEndian.Time(b, o + 34),
            Terms = ChargeTerms.Read(b, o + 38),
            MaxAmps = b[o + 46],
        };
    }
}
