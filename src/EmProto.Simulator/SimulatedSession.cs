using System;
using System.Collections.Generic;
using EmProto.Protocol.Payloads;

namespace EmProto.Simulator
{
    /// <summary>
    /// The current, planned or last charge session of a simulated charger, as the charger keeps
    /// it. Read-only to callers; the charger updates it under its lock.
    /// </summary>
    public sealed class SimulatedSession
    {
        private readonly List<ushort> _powerSamples = new List<ushort>();

        internal SimulatedSession(string chargeId, string userId)
        {
            ChargeId = chargeId;
            UserId = userId;
        }

        /// <summary>The charge id (from the ChargeStart, or made up by the charger).</summary>
        public string ChargeId { get; }

        /// <summary>The user who started the session.</summary>
        public string UserId { get; }

        /// <summary>Who or what ended it ("emmgr", "Unplugged", "MaxDuration", ...); empty while running.</summary>
        public string EndedBy { get; internal set; } = string.Empty;

        /// <summary>Where the session is in its life.</summary>
        public SimulatedSessionPhase Phase { get; internal set; }

        /// <summary>Current per phase in amps.</summary>
        public int Amps { get; internal set; }

        /// <summary>Start type, charge type and limits as the ChargeStart sent them.</summary>
        public ChargeTerms Terms { get; internal set; } = ChargeTerms.Default;

        /// <summary>Start type byte from the ChargeStart.</summary>
        public byte StartType => Terms.StartType;

        /// <summary>Charge type byte from the ChargeStart.</summary>
        public byte ChargeType => Terms.ChargeType;

        /// <summary>Maximum duration in minutes; 0xFFFF = unlimited.</summary>
        public ushort MaxDurationMinutes => Terms.MaxDurationMinutes;

        /// <summary>Maximum energy, raw (× 0.01 kWh); 0xFFFF = unlimited.</summary>
        public ushort MaxEnergyRaw => Terms.MaxEnergyRaw;

        /// <summary>Parameter 3 as sent (0 makes the charger stop after a few seconds, as real ones do).</summary>
        public ushort Param3 => Terms.Param3;

        /// <summary>The reservation time on the charger's clock, or null for an immediate start.</summary>
        public DateTimeOffset? ReservedFor { get; internal set; }

        /// <summary>When charging began, on the charger's clock.</summary>
        public DateTimeOffset? StartedAt { get; internal set; }

        /// <summary>When charging ended, on the charger's clock.</summary>
        public DateTimeOffset? StoppedAt { get; internal set; }

        /// <summary>The energy meter when charging began, in kWh.</summary>
        public double StartMeterKWh { get; internal set; }

        /// <summary>Energy charged in this session, in kWh.</summary>
        public double EnergyKWh { get; internal set; }

        /// <summary>Time spent charging.</summary>
        public TimeSpan Duration { get; internal set; }

        /// <summary>The state the charger shows once the session ended while still plugged in (15 or 17).</summary>
        public Protocol.CurrentState EndState { get; internal set; } = Protocol.CurrentState.Completed;

        /// <summary>Power samples (W), one per 20 minutes of charging.</summary>
        public IReadOnlyList<ushort> PowerSamples => _powerSamples;

        internal void AddSample(ushort watts) => _powerSamples.Add(watts);

        internal ushort[] SamplesCopy() => _powerSamples.ToArray();

        /// <inheritdoc/>
        public override string ToString() => Phase + " " + ChargeId + " " + EnergyKWh.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " kWh";
    }
}
