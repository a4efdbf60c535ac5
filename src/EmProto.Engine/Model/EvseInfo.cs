namespace EmProto.Engine
{
    /// <summary>What a charger says about itself (Login datagram and GetVersion).</summary>
    public sealed class EvseInfo
    {
        /// <summary>Serial, 16 hex digits.</summary>
        public string Serial { get; set; } = string.Empty;

        /// <summary>Brand.</summary>
        public string Brand { get; set; } = string.Empty;

        /// <summary>Model.</summary>
        public string Model { get; set; } = string.Empty;

        /// <summary>Hardware version.</summary>
        public string HardwareVersion { get; set; } = string.Empty;

        /// <summary>Software (firmware) version, from GetVersion; empty until read.</summary>
        public string SoftwareVersion { get; set; } = string.Empty;

        /// <summary>Charger type code (10-15 and 22-25 are three-phase).</summary>
        public int TypeCode { get; set; }

        /// <summary>1 or 3.</summary>
        public int Phases { get; set; } = 1;

        /// <summary>Maximum total output power in kW.</summary>
        public double MaxPowerKW { get; set; }

        /// <summary>Maximum current per phase in amps.</summary>
        public int MaxCurrent { get; set; }

        /// <summary>Support phone number or URL.</summary>
        public string HotLine { get; set; } = string.Empty;

        /// <summary>Feature bits from GetVersion.</summary>
        public long Feature { get; set; }

        /// <summary>A copy.</summary>
        public EvseInfo Clone() => (EvseInfo)MemberwiseClone();

        /// <inheritdoc/>
        public override string ToString() => (Brand + " " + Model).Trim() + " (" + Serial + ")";
    }
}
