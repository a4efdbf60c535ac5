using System;
using System.Collections.Generic;
using System.Globalization;
using EmProto.Protocol;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Maps a <see cref="StoredEvse"/> to the file model (<see cref="StoreFileEvse"/>) and back:
    /// times as ISO 8601 text, the password protected, raw wire values kept next to their enums.
    /// </summary>
    internal static class StoredEvseMapping
    {
        /// <summary>A time as the file keeps it: ISO 8601 with its offset ("o"), null for none.</summary>
        internal static string? Iso(DateTimeOffset? t) => t?.ToString("o", CultureInfo.InvariantCulture);

        private static DateTimeOffset? ParseIso(string? s) =>
            s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : (DateTimeOffset?)null;

        internal static StoreFileEvse ToFile(StoredEvse e)
        {
            var f = new StoreFileEvse
            {
                Serial = e.Serial,
                Brand = e.Info?.Brand,
                Model = e.Info?.Model,
                HardwareVersion = e.Info?.HardwareVersion,
                SoftwareVersion = e.Info?.SoftwareVersion,
                TypeCode = e.Info?.TypeCode ?? 0,
                Phases = e.Info?.Phases ?? 1,
                MaxPowerKW = e.Info?.MaxPowerKW ?? 0,
                MaxCurrent = e.Info?.MaxCurrent ?? 0,
                HotLine = e.Info?.HotLine,
                Feature = e.Info?.Feature ?? 0,
                Address = e.Address,
                Port = e.Port,
                TimeZone = e.TimeZone,
                Pinned = e.Pinned,
                LastSeen = Iso(e.LastSeen),
                LastStartStop = Iso(e.LastStartStop),
                Password = e.Password != null ? PasswordProtector.Protect(e.Password) : null,
                Disconnected = e.Disconnected,
                CapabilitiesFirmware = string.IsNullOrEmpty(e.CapabilitiesFirmware) ? null : e.CapabilitiesFirmware,
            };
            if (e.Capabilities != null && e.Capabilities.Count > 0)
            {
                f.Capabilities = new List<StoreFileCapability>();
                foreach (var kv in e.Capabilities) f.Capabilities.Add(new StoreFileCapability { Request = kv.Key, State = kv.Value });
            }
            if (e.Config != null)
            {
                f.Config = new StoreFileConfig
                {
                    ReadAt = Iso(e.Config.ReadAt),
                    Name = e.Config.Name,
                    Language = (int)e.Config.Language,
                    TemperatureUnit = (int)e.Config.TemperatureUnit,
                    OfflineCharge = e.Config.OfflineChargeRaw,
                    MaxCurrent = e.Config.MaxCurrent,
                    Brightness = e.Config.Brightness,
                };
            }
            if (e.Records != null && e.Records.Length > 0)
            {
                f.Records = new List<StoreFileRecord>();
                foreach (var r in e.Records)
                {
                    f.Records.Add(new StoreFileRecord
                    {
                        ChargeId = r.ChargeId,
                        StartUserId = r.StartUserId,
                        EndUserId = r.EndUserId,
                        Start = Iso(r.Start),
                        Stop = Iso(r.Stop),
                        Seconds = r.Duration.TotalSeconds,
                        StartMeterKWh = r.StartMeterKWh,
                        StopMeterKWh = r.StopMeterKWh,
                        EnergyKWh = r.EnergyKWh,
                        StopReason = r.StopReasonRaw,
                        SamplesW = r.PowerSamplesW,
                        ReceivedAt = Iso(r.ReceivedAt),
                        LineId = r.LineId,
                        HasReservation = r.HasReservation,
                        StartType = r.StartType,
                        ChargeType = r.ChargeType,
                        ReservedFor = Iso(r.ReservedFor),
                        Param1 = r.Param1Raw,
                        Param2 = r.Param2Raw,
                        Param3 = r.Param3Raw,
                        FeeType = r.FeeType,
                        Price = r.Price,
                        ChargeFee = r.ChargeFee,
                        HasStopCharge = r.HasStopCharge,
                        DeclaredSampleCount = r.DeclaredSampleCount,
                        ClockSkewSeconds = r.ClockSkew?.TotalSeconds,
                    });
                }
            }
            return f;
        }

        internal static StoredEvse FromFile(StoreFileEvse f)
        {
            var serial = EvseSerial.Parse(f.Serial).ToString();
            var s = new StoredEvse
            {
                Serial = serial,
                Info = new EvseInfo
                {
                    Serial = serial,
                    Brand = f.Brand ?? string.Empty,
                    Model = f.Model ?? string.Empty,
                    HardwareVersion = f.HardwareVersion ?? string.Empty,
                    SoftwareVersion = f.SoftwareVersion ?? string.Empty,
                    TypeCode = f.TypeCode,
                    Phases = f.Phases == 3 ? 3 : 1,
                    MaxPowerKW = f.MaxPowerKW,
                    MaxCurrent = f.MaxCurrent,
                    HotLine = f.HotLine ?? string.Empty,
                    Feature = f.Feature,
                },
                Address = f.Address,
                Port = f.Port,
                TimeZone = f.TimeZone,
                Pinned = f.Pinned,
                LastSeen = ParseIso(f.LastSeen),
                LastStartStop = ParseIso(f.LastStartStop),
                Password = f.Password != null ? PasswordProtector.Unprotect(f.Password) : null,
                Disconnected = f.Disconnected,
                CapabilitiesFirmware = f.CapabilitiesFirmware,
            };
            if (f.Capabilities != null)
            {
                s.Capabilities = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var c in f.Capabilities)
                    if (c != null && !string.IsNullOrEmpty(c.Request) && c.State != null) s.Capabilities[c.Request] = c.State;
            }
            if (f.Config != null)
            {
                s.Config = new EvseConfig
                {
                    Serial = serial,
                    ReadAt = ParseIso(f.Config.ReadAt) ?? DateTimeOffset.MinValue,
                    Name = f.Config.Name ?? string.Empty,
                    Language = (EvseLanguage)f.Config.Language,
                    TemperatureUnit = (TemperatureUnit)f.Config.TemperatureUnit,
                    OfflineCharge = (OfflineCharge)f.Config.OfflineCharge,
                    OfflineChargeRaw = f.Config.OfflineCharge,
                    MaxCurrent = f.Config.MaxCurrent,
                    Brightness = f.Config.Brightness,
                };
            }
            if (f.Records != null)
            {
                var records = new List<EvseChargeRecord>();
                foreach (var r in f.Records)
                {
                    if (r == null) continue;
                    records.Add(new EvseChargeRecord
                    {
                        Serial = serial,
                        ChargeId = r.ChargeId ?? string.Empty,
                        StartUserId = r.StartUserId ?? string.Empty,
                        EndUserId = r.EndUserId ?? string.Empty,
                        Start = ParseIso(r.Start),
                        Stop = ParseIso(r.Stop),
                        Duration = TimeSpan.FromSeconds(r.Seconds),
                        StartMeterKWh = r.StartMeterKWh,
                        StopMeterKWh = r.StopMeterKWh,
                        EnergyKWh = r.EnergyKWh,
                        StopReason = (EvseStopReason)r.StopReason,
                        StopReasonRaw = r.StopReason,
                        PowerSamplesW = r.SamplesW ?? Array.Empty<int>(),
                        ReceivedAt = ParseIso(r.ReceivedAt) ?? DateTimeOffset.MinValue,
                        LineId = r.LineId,
                        HasReservation = r.HasReservation,
                        StartType = r.StartType,
                        ChargeType = r.ChargeType,
                        ReservedFor = ParseIso(r.ReservedFor),
                        Param1Raw = r.Param1 ?? 0xFFFF,
                        Param2Raw = r.Param2 ?? 0xFFFF,
                        Param3Raw = r.Param3 ?? 0xFFFF,
                        MaxDuration = WireValues.DurationLimit(r.Param1 ?? 0xFFFF),
                        MaxEnergyKWh = WireValues.EnergyLimit(r.Param2 ?? 0xFFFF),
                        FeeType = r.FeeType,
                        Price = r.Price,
                        ChargeFee = r.ChargeFee,
                        HasStopCharge = r.HasStopCharge,
                        DeclaredSampleCount = r.DeclaredSampleCount,
                        TimesCorrected = r.ClockSkewSeconds.HasValue,
                        ClockSkew = r.ClockSkewSeconds.HasValue ? TimeSpan.FromSeconds(r.ClockSkewSeconds.Value) : (TimeSpan?)null,
                    });
                }
                s.Records = records.ToArray();
            }
            return s;
        }
    }
}
