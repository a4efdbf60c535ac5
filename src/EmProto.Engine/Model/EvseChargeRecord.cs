using System;
using System.Globalization;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>
    /// A finished charge session record (commands 9 and 10): what Get-EvseChargeRecord returns
    /// (acknowledged and kept) and what ConvertFrom-EvseDatagram gives for those datagrams.
    /// </summary>
    public sealed class EvseChargeRecord
    {
        private int[] _powerSamplesW = Array.Empty<int>();

        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>Line id.</summary>
        public int LineId { get; set; }

        /// <summary>Charge id (records are de-duplicated by it).</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>User that started the session.</summary>
        public string StartUserId { get; set; } = string.Empty;

        /// <summary>User (or cause, e.g. "Power Down") that ended it.</summary>
        public string EndUserId { get; set; } = string.Empty;

        /// <summary>Reservation flag as sent.</summary>
        public int HasReservation { get; set; }

        /// <summary>Start type as sent.</summary>
        public int StartType { get; set; }

        /// <summary>Charge type as sent.</summary>
        public int ChargeType { get; set; }

        /// <summary>Planned start, null when none; on this host's clock when <see cref="TimesCorrected"/>.</summary>
        public DateTimeOffset? ReservedFor { get; set; }

        /// <summary>Start, on this host's clock when <see cref="TimesCorrected"/>, else as the charger's clock says.</summary>
        public DateTimeOffset? Start { get; set; }

        /// <summary>Stop, on this host's clock when <see cref="TimesCorrected"/>, else as the charger's clock says.</summary>
        public DateTimeOffset? Stop { get; set; }

        /// <summary>Charging time.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Maximum duration the charge ran with (parameter 1, minutes), null when unlimited.</summary>
        public TimeSpan? MaxDuration { get; set; }

        /// <summary>Maximum energy the charge ran with (parameter 2, × 0.01 kWh), null when unlimited.</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>Parameter 1 as sent (@52; max duration in minutes, 65535 = unlimited).</summary>
        public int Param1Raw { get; set; } = 0xFFFF;

        /// <summary>Parameter 2 as sent (@54; max energy × 0.01 kWh, 65535 = unlimited).</summary>
        public int Param2Raw { get; set; } = 0xFFFF;

        /// <summary>Parameter 3 as sent (@56; meaning unknown, 65535 = unset).</summary>
        public int Param3Raw { get; set; } = 0xFFFF;

        /// <summary>Meter at the start (kWh).</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter at the stop (kWh).</summary>
        public double StopMeterKWh { get; set; }

        /// <summary>Energy charged (kWh).</summary>
        public double EnergyKWh { get; set; }

        /// <summary>Fee type as sent (its meaning is not documented).</summary>
        public int FeeType { get; set; }

        /// <summary>Price as reported (× 0.01 applied; the currency is whatever the charger was set up with).</summary>
        public double Price { get; set; }

        /// <summary>The service fee ("chargeFee" in the layout; × 0.01 applied).</summary>
        public double ChargeFee { get; set; }

        /// <summary>Why the charge ended; a value without a name shows as its number.</summary>
        public EvseStopReason StopReason { get; set; }

        /// <summary>Stop reason number as sent.</summary>
        public int StopReasonRaw { get; set; }

        /// <summary>Stop flag as sent (2 seen).</summary>
        public int HasStopCharge { get; set; }

        /// <summary>The sample count the charger declares (may exceed the samples the datagram carries).</summary>
        public int DeclaredSampleCount { get; set; }

        /// <summary>Power samples (W and about one per 20 minutes: inferred, not confirmed).</summary>
        public int[] PowerSamplesW
        {
            get => _powerSamplesW;
            set => _powerSamplesW = value ?? Array.Empty<int>();
        }

        /// <summary>The power samples as one line of text, e.g. "0 1200 7300" (for Export-Csv).</summary>
        public string PowerSamples => string.Join(" ", Array.ConvertAll(_powerSamplesW, v => v.ToString(CultureInfo.InvariantCulture)));

        /// <summary>True when the times were moved onto this host's clock by a measured skew.</summary>
        public bool TimesCorrected { get; set; }

        /// <summary>The skew applied (charger minus host; the charger's own reading = time + skew), null when not corrected.</summary>
        public TimeSpan? ClockSkew { get; set; }

        /// <summary>When the record was received (for a decoded dump: when it was decoded).</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <summary>
        /// The record a charge record payload describes, in units. EM timestamps are read in
        /// <paramref name="zone"/> and moved onto this host's clock by <paramref name="clockSkew"/>
        /// (charger minus host; null when not measured: times stay as the charger reports them).
        /// </summary>
        public static EvseChargeRecord FromPayload(string serial, ChargeRecordPayload p, TimeZoneInfo zone, TimeSpan? clockSkew, DateTimeOffset receivedAt)
        {
            if (p == null) throw new ArgumentNullException(nameof(p));
            if (zone == null) throw new ArgumentNullException(nameof(zone));
            var samples = p.PowerSamples;
            var values = new int[samples.Length];
            for (int i = 0; i < samples.Length; i++) values[i] = samples[i];
            return new EvseChargeRecord
            {
                Serial = serial ?? string.Empty,
                LineId = p.LineId,
                ChargeId = p.ChargeId,
                StartUserId = p.StartUserId,
                EndUserId = p.EndUserId,
                HasReservation = p.HasReservation,
                StartType = p.StartType,
                ChargeType = p.ChargeType,
                ReservedFor = WireValues.ToHost(p.ReservationDate, zone, clockSkew),
                Start = WireValues.ToHost(p.StartDate, zone, clockSkew),
                Stop = WireValues.ToHost(p.StopDate, zone, clockSkew),
                Duration = TimeSpan.FromSeconds(p.ChargedSeconds),
                MaxDuration = WireValues.DurationLimit(p.Param1),
                MaxEnergyKWh = WireValues.EnergyLimit(p.Param2),
                Param1Raw = p.Param1,
                Param2Raw = p.Param2,
                Param3Raw = p.Param3,
                StartMeterKWh = WireValues.Hundredths(p.StartMeterRaw),
                StopMeterKWh = WireValues.Hundredths(p.StopMeterRaw),
                EnergyKWh = WireValues.Hundredths(p.ChargedEnergyRaw),
                FeeType = p.FeeType,
                Price = WireValues.Hundredths(p.ChargePriceRaw),
                ChargeFee = WireValues.Hundredths(p.ChargeFeeRaw),
                StopReason = (EvseStopReason)p.StopReason,
                StopReasonRaw = p.StopReason,
                HasStopCharge = p.HasStopCharge,
                DeclaredSampleCount = p.DeclaredSampleCount,
                PowerSamplesW = values,
                TimesCorrected = clockSkew.HasValue,
                ClockSkew = clockSkew,
                ReceivedAt = receivedAt,
            };
        }

        /// <summary>A copy (sharing the samples array, which is replaced, never changed in place).</summary>
        internal EvseChargeRecord Clone() => (EvseChargeRecord)MemberwiseClone();

        /// <inheritdoc/>
        public override string ToString() => ChargeId + ": " + EnergyKWh.ToString("0.00", CultureInfo.InvariantCulture) + " kWh";
    }
}
