using System;
using System.Globalization;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Engine
{
    /// <summary>Which session a charging status describes.</summary>
    public enum EvseSessionKind
    {
        /// <summary>Charging now.</summary>
        Current,
        /// <summary>A planned (reserved) start.</summary>
        Planned,
        /// <summary>The last finished session.</summary>
        Last,
    }

    /// <summary>
    /// A charge session as the charger reports it (charging status, commands 5 and 6): what
    /// Get-EvseChargeSession returns and what ConvertFrom-EvseDatagram gives for those datagrams.
    /// </summary>
    public sealed class EvseChargeSession
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>Current, planned or last.</summary>
        public EvseSessionKind Kind { get; set; }

        /// <summary>Protocol-level state (with the longer form's override applied).</summary>
        public CurrentState State { get; set; }

        /// <summary>Port.</summary>
        public int Port { get; set; }

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>User id.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Start type as sent.</summary>
        public int StartType { get; set; }

        /// <summary>Charge type as sent.</summary>
        public int ChargeType { get; set; }

        /// <summary>Planned start (planned sessions only), on this host's clock when <see cref="TimesCorrected"/>.</summary>
        public DateTimeOffset? ReservedFor { get; set; }

        /// <summary>Start, on this host's clock when <see cref="TimesCorrected"/>, else as the charger's clock says.</summary>
        public DateTimeOffset? Start { get; set; }

        /// <summary>How long it has been charging.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Maximum duration the charge runs with, null when unlimited.</summary>
        public TimeSpan? MaxDuration { get; set; }

        /// <summary>Maximum energy (kWh) the charge runs with, null when unlimited.</summary>
        public double? MaxEnergyKWh { get; set; }

        /// <summary>Current limit (A) the charge runs with.</summary>
        public int MaxCurrent { get; set; }

        /// <summary>Meter at the start (kWh); derived from meter minus energy once the charger reports 0.</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter now (kWh).</summary>
        public double MeterKWh { get; set; }

        /// <summary>Energy of this session (kWh).</summary>
        public double EnergyKWh { get; set; }

        /// <summary>Fee type as sent (its meaning is not documented).</summary>
        public int FeeType { get; set; }

        /// <summary>Price as reported (× 0.01 applied; the currency is whatever the charger was set up with).</summary>
        public double Price { get; set; }

        /// <summary>The service fee ("chargeFee" in the layout; × 0.01 applied).</summary>
        public double ChargeFee { get; set; }

        /// <summary>True when <see cref="Start"/> and <see cref="ReservedFor"/> were moved onto this host's clock by a measured skew.</summary>
        public bool TimesCorrected { get; set; }

        /// <summary>The skew applied (charger minus host; the charger's own reading = time + skew), null when not corrected.</summary>
        public TimeSpan? ClockSkew { get; set; }

        /// <summary>When this status arrived (for a decoded dump: when it was decoded).</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <summary>
        /// The session a charging status payload describes, in units. EM timestamps are read in
        /// <paramref name="zone"/> and moved onto this host's clock by <paramref name="clockSkew"/>
        /// (charger minus host; null when not measured: times stay as the charger reports them).
        /// </summary>
        public static EvseChargeSession FromPayload(string serial, ChargingStatusPayload p, TimeZoneInfo zone, TimeSpan? clockSkew, DateTimeOffset receivedAt)
        {
            if (p == null) throw new ArgumentNullException(nameof(p));
            if (zone == null) throw new ArgumentNullException(nameof(zone));
            var state = p.EffectiveState;
            var kind = state == CurrentState.Charging ? EvseSessionKind.Current
                : state == CurrentState.Reservation ? EvseSessionKind.Planned
                : EvseSessionKind.Last;
            return new EvseChargeSession
            {
                Serial = serial ?? string.Empty,
                Kind = kind,
                State = state,
                Port = p.Port,
                ChargeId = p.ChargeId,
                UserId = p.UserId,
                StartType = p.StartType,
                ChargeType = p.ChargeType,
                ReservedFor = kind == EvseSessionKind.Planned ? WireValues.ToHost(p.ReservationDate, zone, clockSkew) : null,
                Start = WireValues.ToHost(p.StartDate, zone, clockSkew),
                Duration = TimeSpan.FromSeconds(p.DurationSeconds),
                MaxDuration = WireValues.DurationLimit(p.MaxDurationMinutes),
                MaxEnergyKWh = WireValues.EnergyLimit(p.MaxEnergyRaw),
                MaxCurrent = p.MaxAmps,
                // Chargers report the start meter as 0 once a session has finished: derive it instead.
                StartMeterKWh = p.StartMeterRaw != 0 ? WireValues.Hundredths(p.StartMeterRaw) : WireValues.Hundredths(Math.Max(0, (long)p.CurrentMeterRaw - p.ChargedEnergyRaw)),
                MeterKWh = WireValues.Hundredths(p.CurrentMeterRaw),
                EnergyKWh = WireValues.Hundredths(p.ChargedEnergyRaw),
                FeeType = p.FeeType,
                Price = WireValues.Hundredths(p.ChargePriceRaw),
                ChargeFee = WireValues.Hundredths(p.ChargeFeeRaw),
                TimesCorrected = clockSkew.HasValue,
                ClockSkew = clockSkew,
                ReceivedAt = receivedAt,
            };
        }

        /// <summary>A copy.</summary>
        public EvseChargeSession Clone() => (EvseChargeSession)MemberwiseClone();

        /// <summary>
        /// The finished session a charge record describes (firmware that reports a finished session only by
        /// its record): the running session's limits where known, the record's totals.
        /// </summary>
        public static EvseChargeSession FromRecord(EvseChargeRecord record, EvseChargeSession? running)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var s = running?.Clone() ?? new EvseChargeSession { Serial = record.Serial, ChargeId = record.ChargeId };
            s.Kind = EvseSessionKind.Last;
            s.State = CurrentState.Completed;
            s.UserId = record.StartUserId.Length > 0 ? record.StartUserId : s.UserId;
            s.Start = record.Start ?? s.Start;
            s.Duration = record.Duration;
            s.StartMeterKWh = record.StartMeterKWh;
            s.MeterKWh = record.StopMeterKWh;
            s.EnergyKWh = record.EnergyKWh;
            s.FeeType = record.FeeType;
            s.Price = record.Price;
            s.ChargeFee = record.ChargeFee;
            s.TimesCorrected = record.TimesCorrected;
            s.ClockSkew = record.ClockSkew;
            s.ReceivedAt = record.ReceivedAt;
            return s;
        }

        /// <summary>
        /// The running session as it ended, seen in a status push (firmware that stops pushing the charging
        /// status when a session ends): kind Last, the status's state, the meter reading it carried.
        /// </summary>
        public static EvseChargeSession Ended(EvseChargeSession running, EvseState status)
        {
            if (running == null) throw new ArgumentNullException(nameof(running));
            if (status == null) throw new ArgumentNullException(nameof(status));
            var s = running.Clone();
            s.Kind = EvseSessionKind.Last;
            s.State = status.CurrentState == CurrentState.Charging ? CurrentState.Completed : status.CurrentState;
            if (status.EnergyMeterKWh > 0 && s.StartMeterKWh > 0 && status.EnergyMeterKWh >= s.StartMeterKWh)
            {
                s.MeterKWh = status.EnergyMeterKWh;
                s.EnergyKWh = Math.Round(status.EnergyMeterKWh - s.StartMeterKWh, 2);
            }
            if (s.Start.HasValue && status.ReceivedAt > s.Start.Value) s.Duration = status.ReceivedAt - s.Start.Value;
            s.ReceivedAt = status.ReceivedAt;
            return s;
        }

        /// <inheritdoc/>
        public override string ToString() => Kind + " " + ChargeId + ": " + EnergyKWh.ToString("0.00", CultureInfo.InvariantCulture) + " kWh";
    }
}
