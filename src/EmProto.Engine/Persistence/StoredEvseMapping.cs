using System;
using System.Collections.Generic;
using EmProto.Protocol;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Maps a <see cref="StoredEvse"/> to the file model (<see cref="StoreFileEvse"/>) and back:
    /// times as ISO 8601 text, the password protected, raw wire values kept next to their enums. Each
    /// member pair is described once (the Map methods) and run in either direction (<see cref="StoreMapDirection"/>).
    /// Towards the file the model's values are assigned back unchanged: the snapshot is the store's own, and its
    /// info, configuration and records, which it may share with a live charger, are mapped from copies.
    /// </summary>
    internal static class StoredEvseMapping
    {
        internal static StoreFileEvse ToFile(StoredEvse e)
        {
            var to = StoreMapDirection.ToFile;
            var f = new StoreFileEvse();
            Map(to, e, f);
            // A charger always has its info (from the file, a login or an import); its absence writes the defaults.
            Map(to, e.Info?.Clone() ?? new EvseInfo(), f);
            if (e.Config != null) Map(to, e.Config.Clone(), f.Config = new StoreFileConfig());
            if (e.Records != null && e.Records.Length > 0)
            {
                f.Records = new List<StoreFileRecord>(e.Records.Length);
                foreach (var r in e.Records)
                {
                    var record = new StoreFileRecord();
                    Map(to, r.Clone(), record);
                    f.Records.Add(record);
                }
            }
            if (e.Capabilities != null && e.Capabilities.Count > 0)
            {
                f.Capabilities = new List<StoreFileCapability>();
                foreach (var kv in e.Capabilities) f.Capabilities.Add(new StoreFileCapability { Request = kv.Key, State = kv.Value });
            }
            if (string.IsNullOrEmpty(f.CapabilitiesFirmware)) f.CapabilitiesFirmware = null;
            return f;
        }

        internal static StoredEvse FromFile(StoreFileEvse f)
        {
            var from = StoreMapDirection.FromFile;
            var serial = EvseSerial.Parse(f.Serial).ToString();
            var s = new StoredEvse { Info = new EvseInfo { Serial = serial } };
            Map(from, s, f);
            Map(from, s.Info, f);
            s.Serial = serial;
            if (f.Capabilities != null)
            {
                s.Capabilities = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var c in f.Capabilities)
                    if (c != null && !string.IsNullOrEmpty(c.Request) && c.State != null) s.Capabilities[c.Request] = c.State;
            }
            if (f.Config != null) Map(from, s.Config = new EvseConfig { Serial = serial }, f.Config);
            if (f.Records != null)
            {
                var records = new List<EvseChargeRecord>(f.Records.Count);
                foreach (var r in f.Records)
                {
                    if (r == null) continue;
                    var record = new EvseChargeRecord { Serial = serial };
                    Map(from, record, r);
                    records.Add(record);
                }
                s.Records = records.ToArray();
            }
            return s;
        }

        private static void Map(StoreMapDirection m, StoredEvse e, StoreFileEvse f)
        {
            (e.Serial, f.Serial) = m.Same(e.Serial, f.Serial);
            (e.Address, f.Address) = m.Same(e.Address, f.Address);
            (e.Port, f.Port) = m.Same(e.Port, f.Port);
            (e.TimeZone, f.TimeZone) = m.Same(e.TimeZone, f.TimeZone);
            (e.Pinned, f.Pinned) = m.Same(e.Pinned, f.Pinned);
            (e.LastSeen, f.LastSeen) = m.Time(e.LastSeen, f.LastSeen);
            (e.LastStartStop, f.LastStartStop) = m.Time(e.LastStartStop, f.LastStartStop);
            (e.Password, f.Password) = m.Password(e.Password, f.Password);
            (e.Disconnected, f.Disconnected) = m.Same(e.Disconnected, f.Disconnected);
            (e.CapabilitiesFirmware, f.CapabilitiesFirmware) = m.Same(e.CapabilitiesFirmware, f.CapabilitiesFirmware);
        }

        private static void Map(StoreMapDirection m, EvseInfo i, StoreFileEvse f)
        {
            (i.Brand, f.Brand) = m.Text(i.Brand, f.Brand);
            (i.Model, f.Model) = m.Text(i.Model, f.Model);
            (i.HardwareVersion, f.HardwareVersion) = m.Text(i.HardwareVersion, f.HardwareVersion);
            (i.SoftwareVersion, f.SoftwareVersion) = m.Text(i.SoftwareVersion, f.SoftwareVersion);
            (i.TypeCode, f.TypeCode) = m.Same(i.TypeCode, f.TypeCode);
            (i.Phases, f.Phases) = m.Same(i.Phases, f.Phases);
            i.Phases = i.Phases == 3 ? 3 : 1;
            (i.MaxPowerKW, f.MaxPowerKW) = m.Same(i.MaxPowerKW, f.MaxPowerKW);
            (i.MaxCurrent, f.MaxCurrent) = m.Same(i.MaxCurrent, f.MaxCurrent);
            (i.HotLine, f.HotLine) = m.Text(i.HotLine, f.HotLine);
            (i.Feature, f.Feature) = m.Same(i.Feature, f.Feature);
        }

        private static void Map(StoreMapDirection m, EvseConfig c, StoreFileConfig f)
        {
            (c.ReadAt, f.ReadAt) = m.Time(c.ReadAt, f.ReadAt);
            (c.Name, f.Name) = m.Text(c.Name, f.Name);
            (c.Language, f.Language) = m.Code(c.Language, f.Language);
            (c.TemperatureUnit, f.TemperatureUnit) = m.Code(c.TemperatureUnit, f.TemperatureUnit);
            (c.OfflineChargeRaw, f.OfflineCharge) = m.Same(c.OfflineChargeRaw, f.OfflineCharge);
            c.OfflineCharge = (OfflineCharge)c.OfflineChargeRaw;
            (c.MaxCurrent, f.MaxCurrent) = m.Same(c.MaxCurrent, f.MaxCurrent);
            (c.Brightness, f.Brightness) = m.Same(c.Brightness, f.Brightness);
        }

        private static void Map(StoreMapDirection m, EvseChargeRecord r, StoreFileRecord f)
        {
            (r.ChargeId, f.ChargeId) = m.Text(r.ChargeId, f.ChargeId);
            (r.StartUserId, f.StartUserId) = m.Text(r.StartUserId, f.StartUserId);
            (r.EndUserId, f.EndUserId) = m.Text(r.EndUserId, f.EndUserId);
            (r.Start, f.Start) = m.Time(r.Start, f.Start);
            (r.Stop, f.Stop) = m.Time(r.Stop, f.Stop);
            (r.Duration, f.Seconds) = m.Seconds(r.Duration, f.Seconds);
            (r.StartMeterKWh, f.StartMeterKWh) = m.Same(r.StartMeterKWh, f.StartMeterKWh);
            (r.StopMeterKWh, f.StopMeterKWh) = m.Same(r.StopMeterKWh, f.StopMeterKWh);
            (r.EnergyKWh, f.EnergyKWh) = m.Same(r.EnergyKWh, f.EnergyKWh);
            (r.StopReasonRaw, f.StopReason) = m.Same(r.StopReasonRaw, f.StopReason);
            r.StopReason = (EvseStopReason)r.StopReasonRaw;
            (r.PowerSamplesW, f.SamplesW) = m.Samples(r.PowerSamplesW, f.SamplesW);
            (r.ReceivedAt, f.ReceivedAt) = m.Time(r.ReceivedAt, f.ReceivedAt);
            (r.LineId, f.LineId) = m.Same(r.LineId, f.LineId);
            (r.HasReservation, f.HasReservation) = m.Same(r.HasReservation, f.HasReservation);
            (r.StartType, f.StartType) = m.Same(r.StartType, f.StartType);
            (r.ChargeType, f.ChargeType) = m.Same(r.ChargeType, f.ChargeType);
            (r.ReservedFor, f.ReservedFor) = m.Time(r.ReservedFor, f.ReservedFor);
            (r.Param1Raw, f.Param1) = m.Raw(r.Param1Raw, f.Param1, 0xFFFF);
            (r.Param2Raw, f.Param2) = m.Raw(r.Param2Raw, f.Param2, 0xFFFF);
            (r.Param3Raw, f.Param3) = m.Raw(r.Param3Raw, f.Param3, 0xFFFF);
            r.MaxDuration = WireValues.DurationLimit(r.Param1Raw);
            r.MaxEnergyKWh = WireValues.EnergyLimit(r.Param2Raw);
            (r.FeeType, f.FeeType) = m.Same(r.FeeType, f.FeeType);
            (r.Price, f.Price) = m.Same(r.Price, f.Price);
            (r.ChargeFee, f.ChargeFee) = m.Same(r.ChargeFee, f.ChargeFee);
            (r.HasStopCharge, f.HasStopCharge) = m.Same(r.HasStopCharge, f.HasStopCharge);
            (r.DeclaredSampleCount, f.DeclaredSampleCount) = m.Same(r.DeclaredSampleCount, f.DeclaredSampleCount);
            (r.ClockSkew, f.ClockSkewSeconds) = m.Seconds(r.ClockSkew, f.ClockSkewSeconds);
            r.TimesCorrected = r.ClockSkew.HasValue;
        }
    }
}
