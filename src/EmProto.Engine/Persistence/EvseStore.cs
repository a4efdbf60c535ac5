using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
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
                using var stream = new MemoryStream(bytes);
                file = (StoreFile?)new DataContractJsonSerializer(typeof(StoreFile)).ReadObject(stream);
            }
            catch (Exception ex) when (ex is SerializationException || ex is InvalidCastException || ex is FormatException || ex is ArgumentException || ex is System.Xml.XmlException)
            {
                throw Problem(path, "is not a valid EmProto store (" + ex.Message + ")", ex);
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
            new EvseException(EvseErrorKind.Store, "EvseStoreUnreadable",
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
                byte[] bytes;
                using (var ms = new MemoryStream())
                {
                    using (var writer = JsonReaderWriterFactory.CreateJsonWriter(ms, Encoding.UTF8, false, true, "  "))
                    {
                        new DataContractJsonSerializer(typeof(StoreFile)).WriteObject(writer, file);
                    }
                    bytes = ms.ToArray();
                }
                WriteAtomically(path, bytes);
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
            new EvseException(EvseErrorKind.Store, "EvseStoreWriteFailed",
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
                    throw new EvseException(EvseErrorKind.Store, "EvseStoreLocked", "The known-chargers file '" + path + "' stayed locked by another process for 10 s (" + lockPath + ").", null, ex);
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
                        StopReason = r.StopReason,
                        SamplesW = r.PowerSamplesW,
                        ReceivedAt = Iso(r.ReceivedAt),
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
                        StopReason = r.StopReason,
                        PowerSamplesW = r.SamplesW ?? Array.Empty<int>(),
                        ReceivedAt = ParseIso(r.ReceivedAt) ?? DateTimeOffset.MinValue,
                    });
                }
                s.Records = records.ToArray();
            }
            return s;
        }

        // ------------------------------------------------------------------ emproto import

        internal static List<StoredEvse> ReadEmproto(string path)
        {
            List<EmprotoEvse>? items;
            try
            {
                using var stream = File.OpenRead(path);
                items = (List<EmprotoEvse>?)new DataContractJsonSerializer(typeof(List<EmprotoEvse>)).ReadObject(stream);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new EvseException(EvseErrorKind.Store, "EvseImportUnreadable", "Cannot read '" + path + "': " + ex.Message, null, ex);
            }
            catch (Exception ex) when (ex is SerializationException || ex is InvalidCastException || ex is FormatException || ex is System.Xml.XmlException)
            {
                throw new EvseException(EvseErrorKind.Store, "EvseImportInvalid", "'" + path + "' is not an emproto evses.json (an array of {info, config, lastSeen, password}): " + ex.Message, null, ex);
            }
            var list = new List<StoredEvse>();
            foreach (var item in items ?? new List<EmprotoEvse>())
            {
                if (item?.Info?.Serial == null || !EvseSerial.TryParse(item.Info.Serial, out var serial)) continue;
                var info = item.Info;
                var s = new StoredEvse
                {
                    Serial = serial.ToString(),
                    Info = new EvseInfo
                    {
                        Serial = serial.ToString(),
                        Brand = info.Brand ?? string.Empty,
                        Model = info.Model ?? string.Empty,
                        HardwareVersion = info.HardwareVersion ?? string.Empty,
                        SoftwareVersion = info.SoftwareVersion ?? string.Empty,
                        TypeCode = info.Type,
                        Phases = Protocol.Payloads.LoginPayload.IsThreePhaseType((byte)info.Type) ? 3 : 1,
                        MaxPowerKW = info.MaxPower / 1000.0,
                        MaxCurrent = info.MaxElectricity,
                        HotLine = info.HotLine ?? string.Empty,
                    },
                    Address = info.Ip,
                    Port = info.Port,
                    LastSeen = item.LastSeen > 0 ? DateTimeOffset.FromUnixTimeSeconds((long)item.LastSeen) : (DateTimeOffset?)null,
                    Password = item.Password != null ? PasswordProtector.DecodeEmproto(item.Password) : null,
                };
                if (item.Config?.Name != null)
                {
                    s.Config = new EvseConfig { Serial = s.Serial, Name = item.Config.Name, MaxCurrent = item.Config.MaxElectricity, ReadAt = DateTimeOffset.MinValue };
                }
                list.Add(s);
            }
            return list;
        }

        [DataContract]
        private sealed class EmprotoEvse
        {
            [DataMember(Name = "info")] public EmprotoInfo? Info { get; set; }
            [DataMember(Name = "config")] public EmprotoConfig? Config { get; set; }
            [DataMember(Name = "lastSeen")] public double LastSeen { get; set; }
            [DataMember(Name = "password")] public string? Password { get; set; }
        }

        [DataContract]
        private sealed class EmprotoInfo
        {
            [DataMember(Name = "serial")] public string? Serial { get; set; }
            [DataMember(Name = "ip")] public string? Ip { get; set; }
            [DataMember(Name = "port")] public int Port { get; set; }
            [DataMember(Name = "brand")] public string? Brand { get; set; }
            [DataMember(Name = "model")] public string? Model { get; set; }
            [DataMember(Name = "hardwareVersion")] public string? HardwareVersion { get; set; }
            [DataMember(Name = "softwareVersion")] public string? SoftwareVersion { get; set; }
            [DataMember(Name = "maxPower")] public double MaxPower { get; set; }
            [DataMember(Name = "maxElectricity")] public int MaxElectricity { get; set; }
            [DataMember(Name = "hotLine")] public string? HotLine { get; set; }
            [DataMember(Name = "type")] public int Type { get; set; }
        }

        [DataContract]
        private sealed class EmprotoConfig
        {
            [DataMember(Name = "name")] public string? Name { get; set; }
            [DataMember(Name = "maxElectricity")] public int MaxElectricity { get; set; }
        }
    }
}
