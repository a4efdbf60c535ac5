using System;
using System.Runtime.InteropServices;

namespace EmProto.Engine.Persistence
{
    /// <summary>chmod 600 on Unix (the store holds passwords); nothing on Windows, where the profile folder is private.</summary>
    internal static class UnixPermissions
    {
        [DllImport("libc", SetLastError = true, EntryPoint = "chmod", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int Chmod(string path, uint mode);

        public static void OwnerOnly(string path)
        {
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) return;
            try
            {
                if (Chmod(path, 0x180) != 0) // 0600
                {
                    // The file system may not support modes (e.g. a mounted FAT volume): nothing more to do.
                    return;
                }
            }
            catch (DllNotFoundException)
            {
                // No libc by that name: nothing we can do; the README says what protects the file.
            }
            catch (EntryPointNotFoundException)
            {
                // As above.
            }
        }
    }
}
