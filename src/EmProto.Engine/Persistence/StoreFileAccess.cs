using System;
using System.IO;
using System.Threading;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// The file mechanics of the store: a lock file that serializes writers across processes, an
    /// atomic replace (temp file, flush, rename) readable by the user only, and the clean-up of temp
    /// files a killed writer left behind.
    /// </summary>
    internal static class StoreFileAccess
    {
        /// <summary>Deletes temp files that a killed writer left behind (only old ones: a live writer's is recent).</summary>
        internal static void RemoveStrayTempFiles(string path)
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

        internal static EvseException WriteFailed(string path, string why, Exception? inner) =>
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

        /// <summary>Opens the lock file next to <paramref name="path"/> exclusively, waiting up to 10 s for another process.</summary>
        internal static FileStream AcquireLock(string path)
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
    }
}
