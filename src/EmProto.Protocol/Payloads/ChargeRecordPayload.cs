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

        /// <summary>Line id.</summary>
        public byte LineId { get; set; } = 1;

        /// <summary>User who started the session.</summary>
        public string StartUserId { get; set; } = string.Empty;

        /// <summary>User (or cause, e.g. "Power Down") that ended it.</summary>
        public string EndUserId { get; set; } = string.Empty;

        /// <summary>Reservation flag.</summary>
        public byte HasReservation { get; set; }

        /// <summary>Start type.</summary>
        public byte StartType { get; set; } = 1;

        /// <summary>Charge type.</summary>
        public byte ChargeType { get; set; } = 1;

        /// <summary>Parameter 1 (max duration in minutes when set).</summary>
        public ushort Param1 { get; set; } = 0xFFFF;

        /// <summary>Parameter 2 (max energy × 0.01 kWh when set).</summary>
        public ushort Param2 { get; set; } = 0xFFFF;

        /// <summary>Parameter 3.</summary>
        public ushort Param3 { get; set; } = 0xFFFF;

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

        /// <summary>Charging time in seconds.</summary>
        public uint ChargedSeconds { get; set; }

        /// <summary>Meter at start, raw (× 0.01 kWh).</summary>
        public uint StartMeterRaw { get; set; }

        /// <summary>Meter at stop, raw (× 0.01 kWh).</summary>
        public uint StopMeterRaw { get; set; }

        /// <summary>Energy charged, raw (× 0.01 kWh).</summary>
        public uint ChargedEnergyRaw { get; set; }

        /// <summary>Price, raw (× 0.01).</summary>
        public uint ChargePriceRaw { get; set; }

        /// <summary>Fee type.</summary>
        public byte FeeType { get; set; }

        /// <summary>Fee, raw (× 0.01).</summary>
        public ushort ChargeFeeRaw { get; set; }

        /// <summary>The sample count the charger declares (may exceed <see cref="Slots"/>).</summary>
        public ushort DeclaredSampleCount { get; set; }

        /// <summary>Every u16 slot the datagram carries after offset 97.</summary>
        public ushort[] Slots { get; set; } = NoSlots;

        /// <summary>Energy charged in kWh.</summary>
        public double ChargedKWh => ChargedEnergyRaw * 0.01;

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
            b[o + 50] = StartType;
            b[o + 51] = ChargeType;
            BigEndian.Put16(b, o + 52, Param1);
            BigEndian.Put16(b, o + 54, Param2);
            BigEndian.Put16(b, o + 56, Param3);
            b[o + 58] = StopReason;
            b[o + 59] = HasStopCharge;
            BigEndian.Put32(b, o + 60, ReservationDate.Raw);
            BigEndian.Put32(b, o + 64, StartDate.Raw);
            BigEndian.Put32(b, o + 68, StopDate.Raw);
            BigEndian.Put32(b, o + 72, ChargedSeconds);
            BigEndian.Put32(b, o + 76, StartMeterRaw);
            BigEndian.Put32(b, o + 80, StopMeterRaw);
            BigEndian.Put32(b, o + 84, ChargedEnergyRaw);
            BigEndian.Put32(b, o + 88, ChargePriceRaw);
            b[o + 92] = FeeType;
            BigEndian.Put16(b, o + 93, ChargeFeeRaw);
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
                StartType = b[o + 50],
                ChargeType = b[o + 51],
                Param1 = BigEndian.U16(b, o + 52),
                Param2 = BigEndian.U16(b, o + 54),
                Param3 = BigEndian.U16(b, o + 56),
                StopReason = b[o + 58],
                HasStopCharge = b[o + 59],
                ReservationDate = new EmTimestamp(BigEndian.U32(b, o + 60)),
                StartDate = new EmTimestamp(BigEndian.U32(b, o + 64)),
                StopDate = new EmTimestamp(BigEndian.U32(b, o + 68)),
                ChargedSeconds = BigEndian.U32(b, o + 72),
                StartMeterRaw = BigEndian.U32(b, o + 76),
                StopMeterRaw = BigEndian.U32(b, o + 80),
                ChargedEnergyRaw = BigEndian.U32(b, o + 84),
                ChargePriceRaw = BigEndian.U32(b, o + 88),
                FeeType = b[o + 92],
                ChargeFeeRaw = BigEndian.U16(b, o + 93),
                DeclaredSampleCount = BigEndian.U16(b, o + 95),
                Slots = slots,
            };
            p.ReadChargeId(b, o + 33);
            return p;
        }
    }
}
