using System;
using System.Collections.Generic;
using System.Text;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Reads and writes the known-chargers file (<see cref="StoreFile"/>) as JSON by hand. The store is
    /// read by the first cmdlet of every process; a reflection-based serializer spends tens of
    /// milliseconds there generating code before it reads a byte, this reader none. Each object's members
    /// are described once (the *Members methods below, in file order) and walked by both directions
    /// (<see cref="StoreFields"/>). Unknown members are skipped (a newer EmProto may add some); malformed
    /// JSON or a member of the wrong type is a <see cref="FormatException"/> that says where.
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
            return new StoreFieldReader(obj).Object(obj, () => new StoreFile(), FileMembers);
        }

        /// <summary>Writes the file as indented UTF-8 JSON (no byte-order mark); empty optional members are left out.</summary>
        public static byte[] Write(StoreFile file)
        {
            var w = new JsonWriter();
            new StoreFieldWriter(w).Object(file, FileMembers);
            return Encoding.UTF8.GetBytes(w.ToString());
        }

        private static void FileMembers(StoreFields f, StoreFile file)
        {
            file.Format = f.Int("format", file.Format);
            file.WrittenBy = f.Text("writtenBy", file.WrittenBy);
            file.Evses = f.OptionalList("evses", file.Evses, () => new StoreFileEvse(), EvseMembers) ?? new List<StoreFileEvse>();
        }

        private static void EvseMembers(StoreFields f, StoreFileEvse e)
        {
            e.Serial = f.Text("serial", e.Serial);
            e.Brand = f.OptionalText("brand", e.Brand);
            e.Model = f.OptionalText("model", e.Model);
            e.HardwareVersion = f.OptionalText("hardwareVersion", e.HardwareVersion);
            e.SoftwareVersion = f.OptionalText("softwareVersion", e.SoftwareVersion);
            e.TypeCode = f.Int("typeCode", e.TypeCode);
            e.Phases = f.Int("phases", e.Phases);
            e.MaxPowerKW = f.Number("maxPowerKW", e.MaxPowerKW);
            e.MaxCurrent = f.Int("maxCurrent", e.MaxCurrent);
            e.HotLine = f.OptionalText("hotLine", e.HotLine);
            e.Address = f.OptionalText("address", e.Address);
            e.Port = f.Int("port", e.Port);
            e.TimeZone = f.OptionalText("timeZone", e.TimeZone);
            e.Pinned = f.Bool("pinned", e.Pinned);
            e.LastSeen = f.OptionalText("lastSeen", e.LastSeen);
            e.LastStartStop = f.OptionalText("lastStartStop", e.LastStartStop);
            e.Password = f.OptionalText("password", e.Password);
            e.Config = f.OptionalObject("config", e.Config, () => new StoreFileConfig(), ConfigMembers);
            e.Records = f.OptionalList("records", e.Records, () => new StoreFileRecord(), RecordMembers);
            // Feature bits are 32 bits wide (GetVersion), so the number holds them exactly.
            e.Feature = (long)f.NumberUnlessZero("feature", e.Feature);
            e.Disconnected = f.TrueOrLeftOut("disconnected", e.Disconnected);
            e.Capabilities = f.OptionalList("capabilities", e.Capabilities, () => new StoreFileCapability(), CapabilityMembers);
            e.CapabilitiesFirmware = f.OptionalText("capabilitiesFirmware", e.CapabilitiesFirmware);
        }

        private static void ConfigMembers(StoreFields f, StoreFileConfig c)
        {
            c.ReadAt = f.NullableText("readAt", c.ReadAt);
            c.Name = f.NullableText("name", c.Name);
            c.Language = f.Int("language", c.Language);
            c.TemperatureUnit = f.Int("temperatureUnit", c.TemperatureUnit);
            c.OfflineCharge = f.Int("offlineCharge", c.OfflineCharge);
            c.MaxCurrent = f.Int("maxCurrent", c.MaxCurrent);
            c.Brightness = f.OptionalInt("brightness", c.Brightness);
        }

        private static void RecordMembers(StoreFields f, StoreFileRecord r)
        {
            r.ChargeId = f.NullableText("chargeId", r.ChargeId);
            r.StartUserId = f.NullableText("startUserId", r.StartUserId);
            r.EndUserId = f.NullableText("endUserId", r.EndUserId);
            r.Start = f.OptionalText("start", r.Start);
            r.Stop = f.OptionalText("stop", r.Stop);
            r.Seconds = f.Number("seconds", r.Seconds);
            r.StartMeterKWh = f.Number("startMeterKWh", r.StartMeterKWh);
            r.StopMeterKWh = f.Number("stopMeterKWh", r.StopMeterKWh);
            r.EnergyKWh = f.Number("energyKWh", r.EnergyKWh);
            r.StopReason = f.Int("stopReason", r.StopReason);
            r.SamplesW = f.OptionalInts("samplesW", r.SamplesW);
            r.ReceivedAt = f.NullableText("receivedAt", r.ReceivedAt);
            r.LineId = f.IntUnlessZero("lineId", r.LineId);
            r.HasReservation = f.IntUnlessZero("hasReservation", r.HasReservation);
            r.StartType = f.IntUnlessZero("startType", r.StartType);
            r.ChargeType = f.IntUnlessZero("chargeType", r.ChargeType);
            r.ReservedFor = f.OptionalText("reservedFor", r.ReservedFor);
            r.Param1 = f.OptionalInt("param1", r.Param1);
            r.Param2 = f.OptionalInt("param2", r.Param2);
            r.Param3 = f.OptionalInt("param3", r.Param3);
            r.FeeType = f.IntUnlessZero("feeType", r.FeeType);
            r.Price = f.NumberUnlessZero("price", r.Price);
            r.ChargeFee = f.NumberUnlessZero("chargeFee", r.ChargeFee);
            r.HasStopCharge = f.IntUnlessZero("hasStopCharge", r.HasStopCharge);
            r.DeclaredSampleCount = f.IntUnlessZero("declaredSampleCount", r.DeclaredSampleCount);
            r.ClockSkewSeconds = f.OptionalNumber("clockSkewSeconds", r.ClockSkewSeconds);
        }

        private static void CapabilityMembers(StoreFields f, StoreFileCapability c)
        {
            c.Request = f.Text("request", c.Request);
            c.State = f.Text("state", c.State);
        }
    }
}
