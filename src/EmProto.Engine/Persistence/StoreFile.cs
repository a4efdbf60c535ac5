using System.Collections.Generic;
using System.Runtime.Serialization;

namespace EmProto.Engine.Persistence
{
    /// <summary>The JSON document of the known-chargers file.</summary>
    [DataContract]
    internal sealed class StoreFile
    {
        public const int CurrentFormat = 1;

        [DataMember(Name = "format", Order = 0)]
        public int Format { get; set; } = CurrentFormat;

        [DataMember(Name = "writtenBy", Order = 1)]
        public string WrittenBy { get; set; } = "EmProto";

        [DataMember(Name = "evses", Order = 2)]
        public List<StoreFileEvse> Evses { get; set; } = new List<StoreFileEvse>();
    }

    /// <summary>One charger in the file. Times are ISO 8601 strings.</summary>
    [DataContract]
    internal sealed class StoreFileEvse
    {
        [DataMember(Name = "serial", Order = 0)] public string Serial { get; set; } = string.Empty;
        [DataMember(Name = "brand", Order = 1, EmitDefaultValue = false)] public string? Brand { get; set; }
        [DataMember(Name = "model", Order = 2, EmitDefaultValue = false)] public string? Model { get; set; }
        [DataMember(Name = "hardwareVersion", Order = 3, EmitDefaultValue = false)] public string? HardwareVersion { get; set; }
        [DataMember(Name = "softwareVersion", Order = 4, EmitDefaultValue = false)] public string? SoftwareVersion { get; set; }
        [DataMember(Name = "typeCode", Order = 5)] public int TypeCode { get; set; }
        [DataMember(Name = "phases", Order = 6)] public int Phases { get; set; }
        [DataMember(Name = "maxPowerKW", Order = 7)] public double MaxPowerKW { get; set; }
        [DataMember(Name = "maxCurrent", Order = 8)] public int MaxCurrent { get; set; }
        [DataMember(Name = "hotLine", Order = 9, EmitDefaultValue = false)] public string? HotLine { get; set; }
        [DataMember(Name = "address", Order = 10, EmitDefaultValue = false)] public string? Address { get; set; }
        [DataMember(Name = "port", Order = 11)] public int Port { get; set; }
        [DataMember(Name = "timeZone", Order = 12, EmitDefaultValue = false)] public string? TimeZone { get; set; }
        [DataMember(Name = "pinned", Order = 13)] public bool Pinned { get; set; }
        [DataMember(Name = "lastSeen", Order = 14, EmitDefaultValue = false)] public string? LastSeen { get; set; }
        [DataMember(Name = "lastStartStop", Order = 15, EmitDefaultValue = false)] public string? LastStartStop { get; set; }
        [DataMember(Name = "password", Order = 16, EmitDefaultValue = false)] public string? Password { get; set; }
        [DataMember(Name = "config", Order = 17, EmitDefaultValue = false)] public StoreFileConfig? Config { get; set; }
        [DataMember(Name = "records", Order = 18, EmitDefaultValue = false)] public List<StoreFileRecord>? Records { get; set; }
        [DataMember(Name = "feature", Order = 19, EmitDefaultValue = false)] public long Feature { get; set; }
        [DataMember(Name = "disconnected", Order = 20, EmitDefaultValue = false)] public bool Disconnected { get; set; }
        [DataMember(Name = "capabilities", Order = 21, EmitDefaultValue = false)] public List<StoreFileCapability>? Capabilities { get; set; }
        [DataMember(Name = "capabilitiesFirmware", Order = 22, EmitDefaultValue = false)] public string? CapabilitiesFirmware { get; set; }
    }

    /// <summary>What a charger's firmware did with one optional request.</summary>
    [DataContract]
    internal sealed class StoreFileCapability
    {
        [DataMember(Name = "request", Order = 0)] public string Request { get; set; } = string.Empty;
        [DataMember(Name = "state", Order = 1)] public string State { get; set; } = string.Empty;
    }

    /// <summary>A charger's configuration in the file.</summary>
    [DataContract]
    internal sealed class StoreFileConfig
    {
        [DataMember(Name = "readAt", Order = 0)] public string? ReadAt { get; set; }
        [DataMember(Name = "name", Order = 1)] public string? Name { get; set; }
        [DataMember(Name = "language", Order = 2)] public int Language { get; set; }
        [DataMember(Name = "temperatureUnit", Order = 3)] public int TemperatureUnit { get; set; }
        [DataMember(Name = "offlineCharge", Order = 4)] public int OfflineCharge { get; set; }
        [DataMember(Name = "maxCurrent", Order = 5)] public int MaxCurrent { get; set; }
        [DataMember(Name = "brightness", Order = 6, EmitDefaultValue = false)] public int? Brightness { get; set; }
    }

    /// <summary>A charge record in the file.</summary>
    [DataContract]
    internal sealed class StoreFileRecord
    {
        [DataMember(Name = "chargeId", Order = 0)] public string? ChargeId { get; set; }
        [DataMember(Name = "startUserId", Order = 1)] public string? StartUserId { get; set; }
        [DataMember(Name = "endUserId", Order = 2)] public string? EndUserId { get; set; }
        [DataMember(Name = "start", Order = 3, EmitDefaultValue = false)] public string? Start { get; set; }
        [DataMember(Name = "stop", Order = 4, EmitDefaultValue = false)] public string? Stop { get; set; }
        [DataMember(Name = "seconds", Order = 5)] public double Seconds { get; set; }
        [DataMember(Name = "startMeterKWh", Order = 6)] public double StartMeterKWh { get; set; }
        [DataMember(Name = "stopMeterKWh", Order = 7)] public double StopMeterKWh { get; set; }
        [DataMember(Name = "energyKWh", Order = 8)] public double EnergyKWh { get; set; }
        [DataMember(Name = "stopReason", Order = 9)] public int StopReason { get; set; }
        [DataMember(Name = "samplesW", Order = 10, EmitDefaultValue = false)] public int[]? SamplesW { get; set; }
        [DataMember(Name = "receivedAt", Order = 11)] public string? ReceivedAt { get; set; }
        [DataMember(Name = "lineId", Order = 12, EmitDefaultValue = false)] public int LineId { get; set; }
        [DataMember(Name = "hasReservation", Order = 13, EmitDefaultValue = false)] public int HasReservation { get; set; }
        [DataMember(Name = "startType", Order = 14, EmitDefaultValue = false)] public int StartType { get; set; }
        [DataMember(Name = "chargeType", Order = 15, EmitDefaultValue = false)] public int ChargeType { get; set; }
        [DataMember(Name = "reservedFor", Order = 16, EmitDefaultValue = false)] public string? ReservedFor { get; set; }
        [DataMember(Name = "param1", Order = 17, EmitDefaultValue = false)] public int? Param1 { get; set; }
        [DataMember(Name = "param2", Order = 18, EmitDefaultValue = false)] public int? Param2 { get; set; }
        [DataMember(Name = "param3", Order = 19, EmitDefaultValue = false)] public int? Param3 { get; set; }
        [DataMember(Name = "feeType", Order = 20, EmitDefaultValue = false)] public int FeeType { get; set; }
        [DataMember(Name = "price", Order = 21, EmitDefaultValue = false)] public double Price { get; set; }
        [DataMember(Name = "chargeFee", Order = 22, EmitDefaultValue = false)] public double ChargeFee { get; set; }
        [DataMember(Name = "hasStopCharge", Order = 23, EmitDefaultValue = false)] public int HasStopCharge { get; set; }
        [DataMember(Name = "declaredSampleCount", Order = 24, EmitDefaultValue = false)] public int DeclaredSampleCount { get; set; }
        [DataMember(Name = "clockSkewSeconds", Order = 25, EmitDefaultValue = false)] public double? ClockSkewSeconds { get; set; }
    }
}
