using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using EmProto.Protocol;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Reads the evses.json that the emproto seed library's saveEvses writes into <see cref="StoredEvse"/>
    /// entries (Import-Evse). A file that is not such an array is an EvseImportInvalid error in plain words.
    /// </summary>
    internal static class EmprotoImport
    {
        internal static List<StoredEvse> Read(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new EvseException(EvseErrorKind.Store, ErrorIds.ImportUnreadable, "Cannot read '" + path + "': " + ex.Message, null, ex);
            }
            if (JsonProblem.FirstSignificant(bytes) != '[')
                throw ImportInvalid(path, JsonProblem.FirstSignificant(bytes) == '\0' ? "the file is empty" : "it does not start with '[' (a JSON array)", null);
            List<EmprotoEvse>? items;
            try
            {
                using var stream = new MemoryStream(bytes);
                items = (List<EmprotoEvse>?)new DataContractJsonSerializer(typeof(List<EmprotoEvse>)).ReadObject(stream);
            }
            catch (Exception ex) when (ex is SerializationException || ex is InvalidCastException || ex is FormatException || ex is OverflowException || ex is System.Xml.XmlException)
            {
                throw ImportInvalid(path, JsonProblem.Describe(bytes, ex), ex);
            }
            var list = new List<StoredEvse>();
            foreach (var item in items ?? new List<EmprotoEvse>())
            {
                if (item?.Info?.Serial == null || !EvseSerial.TryParse(item.Info.Serial, out var serial)) continue;
                list.Add(FromEmproto(serial.ToString(), item.Info, item));
            }
            return list;
        }

        private static EvseException ImportInvalid(string path, string what, Exception? inner) =>
            new EvseException(EvseErrorKind.Store, ErrorIds.ImportInvalid,
                "'" + path + "' is not an emproto evses.json: " + what + ". Expected what the emproto library's saveEvses writes: a JSON array of chargers, each {\"info\": {\"serial\", \"ip\", \"port\", ...}, \"config\": {...}, \"lastSeen\": seconds, \"password\": \"...\"}.", null, inner);

        // The seed library writes info {ip, port, serial, brand, model, hardwareVersion, softwareVersion,
        // hotLine, phases, maxPower, maxElectricity, feature, supportNew} (older versions: type, p51,
        // canForceSinglePhase instead of or next to phases), config {name, language, temperatureUnit,
        // offLineCharge, maxElectricity}, lastConfigUpdate and lastSeen in Unix seconds, password.
        // It is translated into our file's form, so that the model is built from it in one place
        // (StoredEvseMapping.FromFile); only the password, not protected the way ours is, is set afterwards.
        private static StoredEvse FromEmproto(string serial, EmprotoInfo info, EmprotoEvse item)
        {
            int type = Whole(info.Type);
            int phases = info.Phases.HasValue ? Whole(info.Phases)
                : info.Type.HasValue && Protocol.Payloads.LoginPayload.IsThreePhaseType((byte)type) ? 3 : 1;
            var file = new StoreFileEvse
            {
                Serial = serial,
                Brand = info.Brand,
                Model = info.Model,
                HardwareVersion = info.HardwareVersion,
                SoftwareVersion = info.SoftwareVersion,
                TypeCode = type,
                Phases = phases,
                MaxPowerKW = (info.MaxPower ?? 0) / 1000.0,
                MaxCurrent = Whole(info.MaxElectricity),
                HotLine = info.HotLine,
                Feature = (long)(info.Feature ?? 0),
                Address = info.Ip,
                Port = Whole(info.Port),
                LastSeen = StoreMapDirection.Iso(UnixSeconds(item.LastSeen)),
            };
            var c = item.Config;
            if (c != null && (c.Name != null || c.Language != null || c.TemperatureUnit != null || c.OffLineCharge != null || c.MaxElectricity.HasValue))
            {
                file.Config = new StoreFileConfig
                {
                    Name = c.Name,
                    Language = NumberOrName<EvseLanguage>(c.Language),
                    TemperatureUnit = NumberOrName<TemperatureUnit>(c.TemperatureUnit),
                    OfflineCharge = NumberOrName<OfflineCharge>(c.OffLineCharge),
                    MaxCurrent = Whole(c.MaxElectricity),
                    ReadAt = StoreMapDirection.Iso(UnixSeconds(item.LastConfigUpdate)),
                };
            }
            var s = StoredEvseMapping.FromFile(file);
            s.Password = item.Password != null ? PasswordProtector.DecodeEmproto(item.Password) : null;
            return s;
        }

        /// <summary>A setting the seed library writes as its number (1 = CELSIUS); a name such as "CELSIUS" or "Celsius" is read too. 0 when neither.</summary>
        private static int NumberOrName<T>(object? value) where T : struct
        {
            switch (value)
            {
                case null: return 0;
                case string text:
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) return n >= 0 && n <= 255 ? n : 0;
                    return Enum.TryParse(text.Replace("_", string.Empty), true, out T named) ? Convert.ToInt32(named, CultureInfo.InvariantCulture) : 0;
                case bool _:
                    return 0;
                default:
                    try
                    {
                        double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        return Whole(d) <= 255 ? Whole(d) : 0;
                    }
                    catch (Exception ex) when (ex is InvalidCastException || ex is FormatException || ex is OverflowException)
                    {
                        return 0;
                    }
            }
        }

        private static int Whole(double? value) => value.HasValue && value.Value >= 0 && value.Value <= int.MaxValue ? (int)value.Value : 0;

        private static DateTimeOffset? UnixSeconds(double? seconds) =>
            seconds.HasValue && seconds.Value > 0 && seconds.Value < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds((long)seconds.Value) : (DateTimeOffset?)null;

        [DataContract]
        private sealed class EmprotoEvse
        {
            [DataMember(Name = "info")] public EmprotoInfo? Info { get; set; }
            [DataMember(Name = "config")] public EmprotoConfig? Config { get; set; }
            [DataMember(Name = "lastSeen")] public double? LastSeen { get; set; }
            [DataMember(Name = "lastConfigUpdate")] public double? LastConfigUpdate { get; set; }
            [DataMember(Name = "password")] public string? Password { get; set; }
        }

        [DataContract]
        private sealed class EmprotoInfo
        {
            [DataMember(Name = "serial")] public string? Serial { get; set; }
            [DataMember(Name = "ip")] public string? Ip { get; set; }
            [DataMember(Name = "port")] public double? Port { get; set; }
            [DataMember(Name = "brand")] public string? Brand { get; set; }
            [DataMember(Name = "model")] public string? Model { get; set; }
            [DataMember(Name = "hardwareVersion")] public string? HardwareVersion { get; set; }
            [DataMember(Name = "softwareVersion")] public string? SoftwareVersion { get; set; }
            [DataMember(Name = "hotLine")] public string? HotLine { get; set; }
            [DataMember(Name = "phases")] public double? Phases { get; set; }
            [DataMember(Name = "type")] public double? Type { get; set; }
            [DataMember(Name = "maxPower")] public double? MaxPower { get; set; }
            [DataMember(Name = "maxElectricity")] public double? MaxElectricity { get; set; }
            [DataMember(Name = "feature")] public double? Feature { get; set; }
        }

        [DataContract]
        private sealed class EmprotoConfig
        {
            [DataMember(Name = "name")] public string? Name { get; set; }
            [DataMember(Name = "language")] public object? Language { get; set; }
            [DataMember(Name = "temperatureUnit")] public object? TemperatureUnit { get; set; }
            [DataMember(Name = "offLineCharge")] public object? OffLineCharge { get; set; }
            [DataMember(Name = "maxElectricity")] public double? MaxElectricity { get; set; }
        }
    }
}
