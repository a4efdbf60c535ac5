using System.Collections.Generic;

namespace EmProto.Engine.Persistence
{
    /// <summary>The JSON document of the known-chargers file (read and written by <see cref="StoreJson"/>).</summary>
    internal sealed class StoreFile
    {
        public const int CurrentFormat = 1;

        public int Format { get; set; } = CurrentFormat;

        public string WrittenBy { get; set; } = "EmProto";

        public List<StoreFileEvse> Evses { get; set; } = new List<StoreFileEvse>();
    }

    /// <summary>One charger in the file. Times are ISO 8601 strings.</summary>
    internal sealed class StoreFileEvse
    {
        public string Serial { get; set; } = string.Empty;
        public string? Brand { get; set; }
        public string? Model { get; set; }
        public string? HardwareVersion { get; set; }
        public string? SoftwareVersion { get; set; }
        public int TypeCode { get; set; }
        public int Phases { get; set; }
        public double MaxPowerKW { get; set; }
        public int MaxCurrent { get; set; }
        public string? HotLine { get; set; }
        public string? Address { get; set; }
        public int Port { get; set; }
        public string? TimeZone { get; set; }
        public bool Pinned { get; set; }
        public string? LastSeen { get; set; }
        public string? LastStartStop { get; set; }
        public string? Password { get; set; }
        public StoreFileConfig? Config { get; set; }
        public List<StoreFileRecord>? Records { get; set; }
        public long Feature { get; set; }
        public bool Disconnected { get; set; }
        public List<StoreFileCapability>? Capabilities { get; set; }
        public string? CapabilitiesFirmware { get; set; }
    }

    /// <summary>What a charger's firmware did with one optional request.</summary>
    internal sealed class StoreFileCapability
    {
        public string Request { get; set; } = string.Empty;
        public string State { get; set; } = string.Empty;
    }

    /// <summary>A charger's configuration in the file.</summary>
    internal sealed class StoreFileConfig
    {
        public string? ReadAt { get; set; }
        public string? Name { get; set; }
        public int Language { get; set; }
        public int TemperatureUnit { get; set; }
        public int OfflineCharge { get; set; }
        public int MaxCurrent { get; set; }
        public int? Brightness { get; set; }
    }

    /// <summary>A charge record in the file.</summary>
    internal sealed class StoreFileRecord
    {
        public string? ChargeId { get; set; }
        public string? StartUserId { get; set; }
        public string? EndUserId { get; set; }
        public string? Start { get; set; }
        public string? Stop { get; set; }
        public double Seconds { get; set; }
        public double StartMeterKWh { get; set; }
        public double StopMeterKWh { get; set; }
        public double EnergyKWh { get; set; }
        public int StopReason { get; set; }
        public int[]? SamplesW { get; set; }
        public string? ReceivedAt { get; set; }
        public int LineId { get; set; }
        public int HasReservation { get; set; }
        public int StartType { get; set; }
        public int ChargeType { get; set; }
        public string? ReservedFor { get; set; }
        public int? Param1 { get; set; }
        public int? Param2 { get; set; }
        public int? Param3 { get; set; }
        public int FeeType { get; set; }
        public double Price { get; set; }
        public double ChargeFee { get; set; }
        public int HasStopCharge { get; set; }
        public int DeclaredSampleCount { get; set; }
        public double? ClockSkewSeconds { get; set; }
    }
}
