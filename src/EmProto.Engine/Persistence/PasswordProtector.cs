using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Protects stored passwords: DPAPI (current user) on Windows ("dpapi:" prefix). Elsewhere
    /// there is no platform secret store we can rely on without dependencies: the password is
    /// obfuscated ("obf:", XOR 0xFF + base64, as the seed library does) and the file is readable by
    /// its owner only (mode 600) — that file mode is the real protection, as the README says.
    /// </summary>
    internal static class PasswordProtector
    {
        private const string DpapiPrefix = "dpapi:";
        private const string ObfuscatedPrefix = "obf:";

        public static string Protect(string password)
        {
            var bytes = Encoding.ASCII.GetBytes(password);
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) return DpapiPrefix + Convert.ToBase64String(Dpapi.Protect(bytes));
            return ObfuscatedPrefix + EncodeEmproto(password);
        }

        public static string? Unprotect(string stored)
        {
            try
            {
                if (stored.StartsWith(DpapiPrefix, StringComparison.Ordinal))
                {
                    if (Environment.OSVersion.Platform != PlatformID.Win32NT) return null;
                    return Encoding.ASCII.GetString(Dpapi.Unprotect(Convert.FromBase64String(stored.Substring(DpapiPrefix.Length))));
                }
                if (stored.StartsWith(ObfuscatedPrefix, StringComparison.Ordinal)) return DecodeEmproto(stored.Substring(ObfuscatedPrefix.Length));
                return null;
            }
            catch (FormatException)
            {
                return null;
            }
            catch (Win32Exception)
            {
                return null;
            }
        }

        /// <summary>The seed library's encoding: each byte XOR 0xFF, then base64.</summary>
        public static string EncodeEmproto(string password)
        {
            var bytes = Encoding.ASCII.GetBytes(password);
            for (int i = 0; i < bytes.Length; i++) bytes[i] ^= 0xFF;
            return Convert.ToBase64String(bytes);
        }

        /// <summary>Decodes the seed library's encoding; null when it is not valid.</summary>
        public static string? DecodeEmproto(string encoded)
        {
            try
            {
                var bytes = Convert.FromBase64String(encoded);
                for (int i = 0; i < bytes.Length; i++) bytes[i] ^= 0xFF;
                return Encoding.ASCII.GetString(bytes);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static class Dpapi
        {
            [StructLayout(LayoutKind.Sequential)]
            private struct DataBlob
            {
                public int Size;
                public IntPtr Data;
            }

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptProtectData(ref DataBlob input, string? description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob output);

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptUnprotectData(ref DataBlob input, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob output);

            [DllImport("kernel32.dll")]
            private static extern IntPtr LocalFree(IntPtr mem);

            private const int UiForbidden = 0x1;

            public static byte[] Protect(byte[] data) => Run(data, true);

            public static byte[] Unprotect(byte[] data) => Run(data, false);

            private static byte[] Run(byte[] data, bool protect)
            {
                var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
                var output = default(DataBlob);
                try
                {
                    var input = new DataBlob { Size = data.Length, Data = handle.AddrOfPinnedObject() };
                    bool ok = protect
                        ? CryptProtectData(ref input, "EmProto", IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output)
                        : CryptUnprotectData(ref input, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref output);
                    if (!ok) throw new Win32Exception(Marshal.GetLastWin32Error());
                    var result = new byte[output.Size];
                    Marshal.Copy(output.Data, result, 0, output.Size);
                    return result;
                }
                finally
                {
                    handle.Free();
                    if (output.Data != IntPtr.Zero) LocalFree(output.Data);
                }
            }
        }
    }
}
