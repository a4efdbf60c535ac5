using System;

namespace EmProto.Protocol.Payloads
{
    /// <summary>
    /// A finished charge session (commands 9 and 10; at least 97 bytes), with power samples.
    /// The declared sample count can exceed the slots the datagram carries: the samples are the
    /// first min(count, slots) slots.
    /// </summary>
    public sealed class ChargeRecordPayload : ChargeIdPayload
    {
        private static readonly ushort[] NoSlots = Array.Empty<ushort>();
        private ChargeTerms _terms = ChargeTerms.Default;
        private ChargeTotals _totals;

        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>User who started the session.</summary>
        public string StartUserId { get; set; } = string.Empty;

        /// <summary>User (or cause, e.g. "Power Down") that ended it.</summary>
        public string EndUserId { get; set; } = string.Empty;

        /// <summary>Reservation flag.</summary>
        public byte HasReservation { get; set; }

        /// <summary>Start type, charge type and limits (the block at offset 50).</summary>
        public ChargeTerms Terms
        {
            get => _terms;
            set => _terms = value;
        }

        /// <summary>Start type.</summary>
        public byte StartType { get => _terms.StartType; set => _terms.StartType = value; }

        /// <summary>Charge type.</summary>
        public byte ChargeType { get => _terms.ChargeType; set => _terms.ChargeType = value; }

        /// <summary>Parameter 1 (max duration in minutes when set).</summary>
        public ushort Param1 { get => _terms.MaxDurationMinutes; set => _terms.MaxDurationMinutes = value; }

        /// <summary>Parameter 2 (max energy × 0.01 kWh when set).</summary>
        public ushort Param2 { get => _terms.MaxEnergyRaw; set => _terms.MaxEnergyRaw = value; }

        /// <summary>Parameter 3.</summary>
        public ushort Param3 { get => _terms.Param3; set => _terms.Param3 = value; }

        /// <summary>Stop reason (0xFF seen with "Power Down").</summary>
        public byte StopReason { get; set; }

        /// <summary>Stop flag (2 seen).</summary>
        public byte HasStopCharge { get; set; }

        /// <summary>Reservation date.</summary>
        public EmTimestamp ReservationDate { get; set; }

        /// <summary>Start date.</summary>
        public EmTimestamp StartDate { get; set; }

        /// <summary>Stop date.</summary>
        public EmTimestamp StopDate { get; set; }

        /// <summary>Charging time, meters, energy, price and fee (the block at offset 72).</summary>
        public ChargeTotals Totals
        {
            get => _totals;
            set => _totals = value;
        }

        /// <summary>Charging time in seconds.</summary>
        public uint ChargedSeconds { get => _totals.Seconds; set => _totals.Seconds = value; }

        /// <summary>Meter at start, raw (× 0.01 kWh).</summary>
        public uint StartMeterRaw { get => _totals.StartMeterRaw; set => _totals.StartMeterRaw = value; }

        /// <summary>Meter at stop, raw (× 0.01 kWh).</summary>
        public uint StopMeterRaw { get => _totals.EndMeterRaw; set => _totals.EndMeterRaw = value; }

        /// <summary>Energy charged, raw (× 0.01 kWh).</summary>
        public uint ChargedEnergyRaw { get => _totals.ChargedEnergyRaw; set => _totals.ChargedEnergyRaw = value; }

        /// <summary>Price, raw (× 0.01).</summary>
        public uint ChargePriceRaw { get => _totals.ChargePriceRaw; set => _totals.ChargePriceRaw = value; }

        /// <summary>Fee type.</summary>
        public byte FeeType { get => _totals.FeeType; set => _totals.FeeType = value; }

        /// <summary>Fee, raw (× 0.01).</summary>
        public ushort ChargeFeeRaw { get => _totals.ChargeFeeRaw; set => _totals.ChargeFeeRaw = value; }

        /// <summary>The sample count the charger declares (may exceed <see cref="Slots"/>).</summary>
        public ushort DeclaredSampleCount { get; set; }

        /// <summary>Every u16 slot the datagram carries after offset 97.</summary>
        public ushort[] Slots { get; set; } = NoSlots;

        /// <summary>Energy charged in kWh.</summary>
        public double ChargedKWh => _totals.ChargedKWh;

        /// <summary>The power samples (W, inferred): the first min(declared count, carried slots) slots.</summary>
        public ushort[] PowerSamples
        {
            get
            {
                int n = Math.Min(DeclaredSampleCount, Slots.Length);
                var s = new ushort[n];
                Array.Copy(Slots, s, n);
                return s;
            }
        }

        /// <inheritdoc/>
        public override int Length => 97 + 2 * Slots.Length;

        /// <inheritdoc/>
        public override void Validate()
        {
            EmText.Validate(StartUserId, 16, nameof(StartUserId));
            EmText.Validate(EndUserId, 16, nameof(EndUserId));
            base.Validate();
            if (Slots == null) throw new ArgumentException("Slots must not be null.", nameof(Slots));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            b[o] = LineId;
            EmText.Write(b, o + 1, 16, StartUserId, nameof(StartUserId));
            EmText.Write(b, o + 17, 16, EndUserId, nameof(EndUserId));
            WriteChargeId(b, o + 33);
            b[o + 49] = HasReservation;
            _terms.Write(b, o + 50);
            b[o + 58] = StopReason;
            b[o + 59] = HasStopCharge;
            BigEndian.PutTime(b, o + 60, ReservationDate);
            BigEndian.PutTime(b, o + 64, StartDate);
            BigEndian.PutTime(b, o + 68, StopDate);
            _totals.Write(b, o + 72);
            BigEndian.Put16(b, o + 95, DeclaredSampleCount);
            for (int i = 0; i < Slots.Length; i++) BigEndian.Put16(b, o + 97 + 2 * i, Slots[i]);
        }

        internal static ChargeRecordPayload Decode(byte[] b, int o, int n)
        {
            int slotCount = (n - 97) / 2;
            var slots = slotCount == 0 ? NoSlots : new ushort[slotCount];
            for (int i = 0; i < slotCount; i++) slots[i] = BigEndian.U16(b, o + 97 + 2 * i);
            var p = new ChargeRecordPayload
            {
                LineId = b[o],
                StartUserId = EmText.Read(b, o + 1, 16),
                EndUserId = EmText.Read(b, o + 17, 16),
                HasReservation = b[o + 49],
                Terms = ChargeTerms.Read(b, o + 50),
                StopReason = b[o + 58],
                HasStopCharge = b[o + 59],
                ReservationDate = BigEndian.Time(b, o + 60),
                StartDate = BigEndian.Time(b, o + 64),
                StopDate = BigEndian.Time(b, o + 68),
                Totals = ChargeTotals.Read(b, o + 72),
                DeclaredSampleCount = BigEndian.U16(b, o + 95),
                Slots = slots,
            };
            p.ReadChargeId(b, o + 33);
            return p;
        }
    }
}
