using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Threading;
using EmProto.Protocol;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// The per-user file of known chargers. Written atomically (temp file + rename) under a lock
    /// file, readable by the user only; merged with what other processes wrote. A corrupt,
    /// unreadable or newer-format file is reported and never overwritten.
    /// </summary>
    public static class EvseStore
    {
        /// <summary>The default location: $XDG_CONFIG_HOME/emproto/evses.json (~/.config/...) on Unix, %APPDATA%\EmProto\evses.json on Windows.</summary>
        public static string DefaultPath
        {
            get
            {
                string baseDir;
                if (Environment.OSVersion.Platform == PlatformID.Win32NT)
                {
                    baseDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "EmProto");
                }
                else
                {
                    string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
                    string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                    baseDir = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".config") : xdg!, "emproto");
                }
                return Path.Combine(baseDir, "evses.json");
            }
        }

        internal static List<StoredEvse> Load(string path)
        {
            if (!File.Exists(path)) return new List<StoredEvse>();
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Problem(path, "cannot be read (" + ex.Message + ")", ex);
            }
            return Parse(path, bytes);
        }

        private static List<StoredEvse> Parse(string path, byte[] bytes)
        {
            StoreFile? file;
            try
            {
                file = StoreJson.Read(bytes);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
            {
                // The store's own reader says where and what in plain words; an empty file is named as such.
                string what = JsonProblem.FirstSignificant(bytes) == '\0' ? "the file is empty" : ex.Message;
                throw Problem(path, "is not a valid EmProto store: " + what, ex);
            }
            if (file == null) throw Problem(path, "is empty or not a JSON object", null);
            if (file.Format > StoreFile.CurrentFormat)
                throw Problem(path, "was written by a newer EmProto (format " + file.Format + "; this version reads format " + StoreFile.CurrentFormat + ")", null);
            var list = new List<StoredEvse>();
            foreach (var e in file.Evses ?? new List<StoreFileEvse>())
            {
                if (e == null || !EvseSerial.TryParse(e.Serial, out _)) continue;
                list.Add(FromFile(e));
            }
            return list;
        }

        private static EvseException Problem(string path, string what, Exception? inner) =>
            new EvseException(EvseErrorKind.Store, ErrorIds.StoreUnreadable,
                "The known-chargers file '" + path + "' " + what + ". It was left untouched and nothing will be written to it in this session; fix or move it, or choose another with Start-EvseCommunicator -StorePath.", null, inner);

        /// <summary>Writes our chargers into the file, keeping what other processes wrote about the rest.</summary>
        internal static void Merge(string path, IList<StoredEvse> ours, ICollection<string> removed)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw WriteFailed(path, "its folder '" + dir + "' cannot be created (" + ex.Message + ")", ex);
            }
            if (Directory.Exists(path)) throw WriteFailed(path, "it is a folder", null);
            using (AcquireLock(path))
            {
                var merged = new Dictionary<string, StoredEvse>(StringComparer.OrdinalIgnoreCase);
                foreach (var e in Load(path)) merged[e.Serial] = e;
                foreach (var r in removed) merged.Remove(r);
                foreach (var e in ours) merged[e.Serial] = e;
                var file = new StoreFile();
                foreach (var e in merged.Values) file.Evses.Add(ToFile(e));
                file.Evses.Sort((a, b) => string.CompareOrdinal(a.Serial, b.Serial));
                WriteAtomically(path, StoreJson.Write(file));
                RemoveStrayTempFiles(path);
            }
        }

        /// <summary>Deletes temp files that a killed writer left behind (only old ones: a live writer's is recent).</summary>
        private static void RemoveStrayTempFiles(string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            string prefix = Path.GetFileName(path) + ".";
            try
            {
                foreach (var file in Directory.GetFiles(dir, prefix + "*.tmp"))
                {
                    if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > TimeSpan.FromMinutes(1)) TryDelete(file);
                }
            }
            catch (IOException)
            {
                // Best effort.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort.
            }
        }

        /// <summary>Temp file in the same folder, flushed to disk, then renamed over the target.</summary>
        internal static void WriteAtomically(string path, byte[] bytes)
        {
            string temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    UnixPermissions.OwnerOnly(temp);
                    fs.Write(bytes, 0, bytes.Length);
                    fs.Flush(true);
                }
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
                UnixPermissions.OwnerOnly(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw WriteFailed(path, ex.Message, ex);
            }
        }

        private static EvseException WriteFailed(string path, string why, Exception? inner) =>
            new EvseException(EvseErrorKind.Store, ErrorIds.StoreWriteFailed,
                "Cannot write the known-chargers file '" + path + "': " + why + ". Chargers are kept in memory only for the rest of this session; choose a writable file with Start-EvseCommunicator -StorePath, or -NoStore.", null, inner);

        private static void TryDelete(string file)
        {
            try
            {
                if (File.Exists(file)) File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: a stray temp file is harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort.
            }
        }

        private static FileStream AcquireLock(string path)
        {
            string lockPath = path + ".lock";
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                try
                {
                    // The lock file stays: deleting it on close would let a second process lock a fresh
                    // file while a third still holds the deleted one.
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException || ex is DirectoryNotFoundException)
                {
                    throw WriteFailed(path, "its lock file '" + lockPath + "' cannot be created (" + ex.Message + ")", ex);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                }
                catch (IOException ex)
                {
                    throw new EvseException(EvseErrorKind.Store, ErrorIds.StoreLocked, "The known-chargers file '" + path + "' stayed locked by another process for 10 s (" + lockPath + ").", null, ex);
                }
            }
        }

        // ------------------------------------------------------------------ mapping

        private static string? Iso(DateTimeOffset? t) => t?.ToString("o", CultureInfo.InvariantCulture);

        private static DateTimeOffset? ParseIso(string? s) =>
            s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : (DateTimeOffset?)null;

        private static StoreFileEvse ToFile(StoredEvse e)
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

        private static StoredEvse FromFile(StoreFileEvse f)
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

        // ------------------------------------------------------------------ emproto import

        internal static List<StoredEvse> ReadEmproto(string path)
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
        private static StoredEvse FromEmproto(string serial, EmprotoInfo info, EmprotoEvse item)
        {
            int type = Whole(info.Type);
            int phases = info.Phases.HasValue ? (Whole(info.Phases) == 3 ? 3 : 1)
                : info.Type.HasValue && Protocol.Payloads.LoginPayload.IsThreePhaseType((byte)type) ? 3 : 1;
            var s = new StoredEvse
            {
                Serial = serial,
                Info = new EvseInfo
                {
                    Serial = serial,
                    Brand = info.Brand ?? string.Empty,
                    Model = info.Model ?? string.Empty,
                    HardwareVersion = info.HardwareVersion ?? string.Empty,
                    SoftwareVersion = info.SoftwareVersion ?? string.Empty,
                    TypeCode = type,
                    Phases = phases,
                    MaxPowerKW = (info.MaxPower ?? 0) / 1000.0,
                    MaxCurrent = Whole(info.MaxElectricity),
                    HotLine = info.HotLine ?? string.Empty,
                    Feature = (long)(info.Feature ?? 0),
                },
                Address = info.Ip,
                Port = Whole(info.Port),
                LastSeen = UnixSeconds(item.LastSeen),
                Password = item.Password != null ? PasswordProtector.DecodeEmproto(item.Password) : null,
            };
            var c = item.Config;
            if (c != null && (c.Name != null || c.Language != null || c.TemperatureUnit != null || c.OffLineCharge != null || c.MaxElectricity.HasValue))
            {
                int offline = NumberOrName<OfflineCharge>(c.OffLineCharge);
                s.Config = new EvseConfig
                {
                    Serial = serial,
                    Name = c.Name ?? string.Empty,
                    Language = (EvseLanguage)NumberOrName<EvseLanguage>(c.Language),
                    TemperatureUnit = (TemperatureUnit)NumberOrName<TemperatureUnit>(c.TemperatureUnit),
                    OfflineCharge = (OfflineCharge)offline,
                    OfflineChargeRaw = offline,
                    MaxCurrent = Whole(c.MaxElectricity),
                    ReadAt = UnixSeconds(item.LastConfigUpdate) ?? DateTimeOffset.MinValue,
                };
            }
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
