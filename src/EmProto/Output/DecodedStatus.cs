namespace EmProto.PowerShell
{
    /// <summary>The live status of a charger (commands 4 and 13) in units.</summary>
    public sealed class DecodedStatus
    {
        /// <summary>Line id.</summary>
        public int LineId { get; set; }

        /// <summary>L1 voltage in volts.</summary>
        public double L1Volts { get; set; }

        /// <summary>L1 current in amps.</summary>
        public double L1Amps { get; set; }

        /// <summary>L2 voltage in volts (0 when the form has no L2).</summary>
        public double L2Volts { get; set; }

        /// <summary>L2 current in amps.</summary>
        public double L2Amps { get; set; }

        /// <summary>L3 voltage in volts.</summary>
        public double L3Volts { get; set; }

        /// <summary>L3 current in amps.</summary>
        public double L3Amps { get; set; }

        /// <summary>Power in watts: the larger of the reported power and the sum of V·A.</summary>
        public double PowerW { get; set; }

        /// <summary>The power field as reported (may be 0 or one phase only).</summary>
        public long ReportedPowerW { get; set; }

        /// <summary>Energy meter in kWh.</summary>
        public double MeterKWh { get; set; }

        /// <summary>Inner temperature in °C, or null when not present.</summary>
        public double? InnerCelsius { get; set; }

        /// <summary>Outer temperature in °C, or null when not present.</summary>
        public double? OuterCelsius { get; set; }

        /// <summary>Emergency button byte (1 = OK).</summary>
        public int EmergencyButton { get; set; }

        /// <summary>Plug state (unnamed values are kept as numbers).</summary>
        public Protocol.GunState GunState { get; set; }

        /// <summary>Output (relay) state.</summary>
        public Protocol.OutputState OutputState { get; set; }

        /// <summary>The state, with the 40-byte form's override applied.</summary>
        public Protocol.CurrentState State { get; set; }

        /// <summary>The state byte as sent.</summary>
        public int StateRaw { get; set; }

        /// <summary>Every error bit that is set.</summary>
        public Protocol.EvseErrors Errors { get; set; }

        /// <summary>Phase count (40-byte form; 0 otherwise).</summary>
        public int PhaseCount { get; set; }

        /// <summary>The payload form: 25, 33 or 40 bytes.</summary>
        public int Form { get; set; }
    }
}
