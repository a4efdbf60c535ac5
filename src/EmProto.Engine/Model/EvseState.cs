using System;
using EmProto.Protocol;

namespace EmProto.Engine
{
    /// <summary>A charger's live status, from its SingleACStatus pushes.</summary>
    public sealed class EvseState
    {
        /// <summary>Serial of the charger.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>When this status arrived.</summary>
        public DateTimeOffset ReceivedAt { get; set; }

        /// <summary>The overall state.</summary>
        public EvseMetaState State { get; set; }

        /// <summary>Protocol-level state.</summary>
        public CurrentState CurrentState { get; set; }

        /// <summary>Protocol-level state number as sent (kept for values without a name).</summary>
        public int CurrentStateRaw { get; set; }

        /// <summary>Plug state.</summary>
        public GunState GunState { get; set; }

        /// <summary>Output (relay) state.</summary>
        public OutputState OutputState { get; set; }

        /// <summary>Output state number as sent (its meaning differs between sources).</summary>
        public int OutputStateRaw { get; set; }

        /// <summary>Emergency button state (1 = OK).</summary>
        public int EmergencyButton { get; set; }

        /// <summary>L1 voltage (V).</summary>
        public double L1Volts { get; set; }

        /// <summary>L1 current (A).</summary>
        public double L1Amps { get; set; }

        /// <summary>L2 voltage (V).</summary>
        public double L2Volts { get; set; }

        /// <summary>L2 current (A).</summary>
        public double L2Amps { get; set; }

        /// <summary>L3 voltage (V).</summary>
        public double L3Volts { get; set; }

        /// <summary>L3 current (A).</summary>
        public double L3Amps { get; set; }

        /// <summary>Power in kW: the larger of the reported value and Σ V·A.</summary>
        public double PowerKW { get; set; }

        /// <summary>Energy meter (kWh).</summary>
        public double EnergyMeterKWh { get; set; }

        /// <summary>Inner temperature (°C), null when absent.</summary>
        public double? InnerTemperatureC { get; set; }

        /// <summary>Outer temperature (°C), null when absent.</summary>
        public double? OuterTemperatureC { get; set; }

        /// <summary>Error bits.</summary>
        public EvseErrors Errors { get; set; }

        /// <summary>Error bits as a number.</summary>
        public long ErrorBits { get; set; }

        /// <summary>True when any error bit is set.</summary>
        public bool HasError => Errors != EvseErrors.None;

        /// <summary>The number of phases reported (1 or 3).</summary>
        public int Phases { get; set; } = 1;

        /// <summary>A copy.</summary>
        public EvseState Clone() => (EvseState)MemberwiseClone();

        /// <summary>True when the readings a person would care about differ.</summary>
        public bool DiffersFrom(EvseState? other) =>
            other == null || other.State != State || other.CurrentStateRaw != CurrentStateRaw || other.GunState != GunState ||
            other.OutputStateRaw != OutputStateRaw || other.Errors != Errors || other.EmergencyButton != EmergencyButton ||
            Math.Abs(other.PowerKW - PowerKW) >= 0.01 || Math.Abs(other.EnergyMeterKWh - EnergyMeterKWh) >= 0.01 ||
            Math.Abs(other.L1Amps - L1Amps) >= 0.1 || Math.Abs(other.L2Amps - L2Amps) >= 0.1 || Math.Abs(other.L3Amps - L3Amps) >= 0.1 ||
            other.InnerTemperatureC != InnerTemperatureC;

        /// <inheritdoc/>
        public override string ToString() => State + ", " + PowerKW.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " kW";
    }
}
