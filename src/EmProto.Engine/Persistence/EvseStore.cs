using System;
using System.Collections.Generic;
using System.IO;
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
                list.Add(StoredEvseMapping.FromFile(e));
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
                throw StoreFileAccess.WriteFailed(path, "its folder '" + dir + "' cannot be created (" + ex.Message + ")", ex);
            }
            if (Directory.Exists(path)) throw StoreFileAccess.WriteFailed(path, "it is a folder", null);
            using (StoreFileAccess.AcquireLock(path))
            {
                var merged = new Dictionary<string, StoredEvse>(StringComparer.OrdinalIgnoreCase);
                foreach (var e in Load(path)) merged[e.Serial] = e;
                foreach (var r in removed) merged.Remove(r);
                foreach (var e in ours) merged[e.Serial] = e;
                var file = new StoreFile();
                foreach (var e in merged.Values) file.Evses.Add(StoredEvseMapping.ToFile(e));
                file.Evses.Sort((a, b) => string.CompareOrdinal(a.Serial, b.Serial));
                StoreFileAccess.WriteAtomically(path, StoreJson.Write(file));
                StoreFileAccess.RemoveStrayTempFiles(path);
            }
        }

        /// <summary>The chargers in an evses.json of the emproto seed library (see <see cref="EmprotoImport"/>).</summary>
        internal static List<StoredEvse> ReadEmproto(string path) => EmprotoImport.Read(path);
    }
}
