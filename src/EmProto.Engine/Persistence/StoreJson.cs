using System;
using System.Collections.Generic;
using System.Text;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Reads and writes the known-chargers file (<see cref="StoreFile"/>) as JSON by hand. The store is
    /// read by the first cmdlet of every process; a reflection-based serializer spends tens of
    /// milliseconds there generating code before it reads a byte, this reader none. Unknown members
    /// are skipped (a newer EmProto may add some); malformed JSON or a member of the wrong type is a
    /// <see cref="FormatException"/> that says where.
    /// </summary>
    internal static class StoreJson
    {
        /// <summary>Parses the file's bytes (UTF-8, with or without a byte-order mark).</summary>
        public static StoreFile Read(byte[] utf8)
        {
            int start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            var parser = new JsonParser(Encoding.UTF8.GetString(utf8, start, utf8.Length - start));
            var root = parser.ParseDocument();
            if (!(root is Dictionary<string, object?> obj)) throw new FormatException("the top level is not a JSON object");
            var file = new StoreFile
            {
                Format = Int(obj, "format") ?? 0,
                WrittenBy = Str(obj, "writtenBy") ?? string.Empty,
                Evses = new List<StoreFileEvse>(),
            };
            foreach (var item in Array(obj, "evses"))
            {
                if (item is Dictionary<string, object?> e) file.Evses.Add(ReadEvse(e));
            }
            return file;
        }

        private static StoreFileEvse ReadEvse(Dictionary<string, object?> e)
        {
            var f = new StoreFileEvse
            {
                Serial = Str(e, "serial") ?? string.Empty,
                Brand = Str(e, "brand"),
                Model = Str(e, "model"),
                HardwareVersion = Str(e, "hardwareVersion"),
                SoftwareVersion = Str(e, "softwareVersion"),
                TypeCode = Int(e, "typeCode") ?? 0,
                Phases = Int(e, "phases") ?? 0,
                MaxPowerKW = Num(e, "maxPowerKW") ?? 0,
                MaxCurrent = Int(e, "maxCurrent") ?? 0,
                HotLine = Str(e, "hotLine"),
                Address = Str(e, "address"),
                Port = Int(e, "port") ?? 0,
                TimeZone = Str(e, "timeZone"),
                Pinned = Bool(e, "pinned"),
                LastSeen = Str(e, "lastSeen"),
                LastStartStop = Str(e, "lastStartStop"),
                Password = Str(e, "password"),
                Feature = (long)(Num(e, "feature") ?? 0),
                Disconnected = Bool(e, "disconnected"),
                CapabilitiesFirmware = Str(e, "capabilitiesFirmware"),
            };
            if (e.TryGetValue("config", out var c) && c is Dictionary<string, object?> config)
            {
                f.Config = new StoreFileConfig
                {
                    ReadAt = Str(config, "readAt"),
                    Name = Str(config, "name"),
                    Language = Int(config, "language") ?? 0,
                    TemperatureUnit = Int(config, "temperatureUnit") ?? 0,
                    OfflineCharge = Int(config, "offlineCharge") ?? 0,
                    MaxCurrent = Int(config, "maxCurrent") ?? 0,
                    Brightness = Int(config, "brightness"),
                };
            }
            if (e.ContainsKey("records"))
            {
                f.Records = new List<StoreFileRecord>();
                foreach (var item in Array(e, "records"))
                {
                    if (!(item is Dictionary<string, object?> r)) continue;
                    int[]? samples = null;
                    if (r.ContainsKey("samplesW"))
                    {
                        var list = new List<int>();
                        foreach (var s in Array(r, "samplesW")) list.Add(ToInt(s, "samplesW"));
                        samples = list.ToArray();
                    }
                    f.Records.Add(new StoreFileRecord
                    {
                        ChargeId = Str(r, "chargeId"),
                        StartUserId = Str(r, "startUserId"),
                        EndUserId = Str(r, "endUserId"),
                        Start = Str(r, "start"),
                        Stop = Str(r, "stop"),
                        Seconds = Num(r, "seconds") ?? 0,
                        StartMeterKWh = Num(r, "startMeterKWh") ?? 0,
                        StopMeterKWh = Num(r, "stopMeterKWh") ?? 0,
                        EnergyKWh = Num(r, "energyKWh") ?? 0,
                        StopReason = Int(r, "stopReason") ?? 0,
                        SamplesW = samples,
                        ReceivedAt = Str(r, "receivedAt"),
                        LineId = Int(r, "lineId") ?? 0,
                        HasReservation = Int(r, "hasReservation") ?? 0,
                        StartType = Int(r, "startType") ?? 0,
                        ChargeType = Int(r, "chargeType") ?? 0,
                        ReservedFor = Str(r, "reservedFor"),
                        Param1 = Int(r, "param1"),
                        Param2 = Int(r, "param2"),
                        Param3 = Int(r, "param3"),
                        FeeType = Int(r, "feeType") ?? 0,
                        Price = Num(r, "price") ?? 0,
                        ChargeFee = Num(r, "chargeFee") ?? 0,
                        HasStopCharge = Int(r, "hasStopCharge") ?? 0,
                        DeclaredSampleCount = Int(r, "declaredSampleCount") ?? 0,
                        ClockSkewSeconds = Num(r, "clockSkewSeconds"),
                    });
                }
            }
            if (e.ContainsKey("capabilities"))
            {
                f.Capabilities = new List<StoreFileCapability>();
                foreach (var item in Array(e, "capabilities"))
                {
                    if (item is Dictionary<string, object?> cap)
                        f.Capabilities.Add(new StoreFileCapability { Request = Str(cap, "request") ?? string.Empty, State = Str(cap, "state") ?? string.Empty });
                }
            }
            return f;
        }

        private static string? Str(Dictionary<string, object?> o, string name)
        {
            if (!o.TryGetValue(name, out var v) || v == null) return null;
            return v as string ?? throw new FormatException("'" + name + "' is not a string");
        }

        private static double? Num(Dictionary<string, object?> o, string name)
        {
            if (!o.TryGetValue(name, out var v) || v == null) return null;
            return v is double d ? d : throw new FormatException("'" + name + "' is not a number");
        }

        private static int? Int(Dictionary<string, object?> o, string name)
        {
            if (!o.TryGetValue(name, out var v) || v == null) return null;
            return ToInt(v, name);
        }

        private static int ToInt(object? v, string name)
        {
            if (v is double d && d >= int.MinValue && d <= int.MaxValue && Math.Floor(d) == d) return (int)d;
            throw new FormatException("'" + name + "' is not a whole number");
        }

        private static bool Bool(Dictionary<string, object?> o, string name)
        {
            if (!o.TryGetValue(name, out var v) || v == null) return false;
            return v is bool b ? b : throw new FormatException("'" + name + "' is not true or false");
        }

        private static List<object?> Array(Dictionary<string, object?> o, string name)
        {
            if (!o.TryGetValue(name, out var v) || v == null) return new List<object?>();
            return v as List<object?> ?? throw new FormatException("'" + name + "' is not an array");
        }

        /// <summary>Writes the file as indented UTF-8 JSON (no byte-order mark); empty optional members are left out.</summary>
        public static byte[] Write(StoreFile file)
        {
            var w = new JsonWriter();
            w.BeginObject();
            w.Member("format").Number(file.Format);
            w.Member("writtenBy").String(file.WrittenBy);
            w.Member("evses").BeginArray();
            foreach (var e in file.Evses) WriteEvse(w, e);
            w.EndArray();
            w.EndObject();
            return Encoding.UTF8.GetBytes(w.ToString());
        }

        private static void WriteEvse(JsonWriter w, StoreFileEvse e)
        {
            w.BeginObject();
            w.Member("serial").String(e.Serial);
            w.OptionalString("brand", e.Brand);
            w.OptionalString("model", e.Model);
            w.OptionalString("hardwareVersion", e.HardwareVersion);
            w.OptionalString("softwareVersion", e.SoftwareVersion);
            w.Member("typeCode").Number(e.TypeCode);
            w.Member("phases").Number(e.Phases);
            w.Member("maxPowerKW").Number(e.MaxPowerKW);
            w.Member("maxCurrent").Number(e.MaxCurrent);
            w.OptionalString("hotLine", e.HotLine);
            w.OptionalString("address", e.Address);
            w.Member("port").Number(e.Port);
            w.OptionalString("timeZone", e.TimeZone);
            w.Member("pinned").Bool(e.Pinned);
            w.OptionalString("lastSeen", e.LastSeen);
            w.OptionalString("lastStartStop", e.LastStartStop);
            w.OptionalString("password", e.Password);
            if (e.Config != null)
            {
                var c = e.Config;
                w.Member("config").BeginObject();
                w.Member("readAt").NullableString(c.ReadAt);
                w.Member("name").NullableString(c.Name);
                w.Member("language").Number(c.Language);
                w.Member("temperatureUnit").Number(c.TemperatureUnit);
                w.Member("offlineCharge").Number(c.OfflineCharge);
                w.Member("maxCurrent").Number(c.MaxCurrent);
                if (c.Brightness.HasValue) w.Member("brightness").Number(c.Brightness.Value);
                w.EndObject();
            }
            if (e.Records != null)
            {
                w.Member("records").BeginArray();
                foreach (var r in e.Records)
                {
                    w.BeginObject();
                    w.Member("chargeId").NullableString(r.ChargeId);
                    w.Member("startUserId").NullableString(r.StartUserId);
                    w.Member("endUserId").NullableString(r.EndUserId);
                    w.OptionalString("start", r.Start);
                    w.OptionalString("stop", r.Stop);
                    w.Member("seconds").Number(r.Seconds);
                    w.Member("startMeterKWh").Number(r.StartMeterKWh);
                    w.Member("stopMeterKWh").Number(r.StopMeterKWh);
                    w.Member("energyKWh").Number(r.EnergyKWh);
                    w.Member("stopReason").Number(r.StopReason);
                    if (r.SamplesW != null)
                    {
                        w.Member("samplesW").BeginArray();
                        foreach (int s in r.SamplesW) w.Number(s);
                        w.EndArray();
                    }
                    w.Member("receivedAt").NullableString(r.ReceivedAt);
                    if (r.LineId != 0) w.Member("lineId").Number(r.LineId);
                    if (r.HasReservation != 0) w.Member("hasReservation").Number(r.HasReservation);
                    if (r.StartType != 0) w.Member("startType").Number(r.StartType);
                    if (r.ChargeType != 0) w.Member("chargeType").Number(r.ChargeType);
                    w.OptionalString("reservedFor", r.ReservedFor);
                    if (r.Param1.HasValue) w.Member("param1").Number(r.Param1.Value);
                    if (r.Param2.HasValue) w.Member("param2").Number(r.Param2.Value);
                    if (r.Param3.HasValue) w.Member("param3").Number(r.Param3.Value);
                    if (r.FeeType != 0) w.Member("feeType").Number(r.FeeType);
                    if (r.Price != 0) w.Member("price").Number(r.Price);
                    if (r.ChargeFee != 0) w.Member("chargeFee").Number(r.ChargeFee);
                    if (r.HasStopCharge != 0) w.Member("hasStopCharge").Number(r.HasStopCharge);
                    if (r.DeclaredSampleCount != 0) w.Member("declaredSampleCount").Number(r.DeclaredSampleCount);
                    if (r.ClockSkewSeconds.HasValue) w.Member("clockSkewSeconds").Number(r.ClockSkewSeconds.Value);
                    w.EndObject();
                }
                w.EndArray();
            }
            if (e.Feature != 0) w.Member("feature").Number((double)e.Feature);
            if (e.Disconnected) w.Member("disconnected").Bool(true);
            if (e.Capabilities != null)
            {
                w.Member("capabilities").BeginArray();
                foreach (var cap in e.Capabilities)
                {
                    w.BeginObject();
                    w.Member("request").String(cap.Request);
                    w.Member("state").String(cap.State);
                    w.EndObject();
                }
                w.EndArray();
            }
            w.OptionalString("capabilitiesFirmware", e.CapabilitiesFirmware);
            w.EndObject();
        }

    }
}
