using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EmProto.Startup
{
    /// <summary>
    /// Loads the ReadyToRun images of the module's assemblies before PowerShell loads EmProto.dll, where
    /// images for this platform were shipped. EmProto.dll then binds to them by name, so the first
    /// commands of a session run precompiled code instead of compiling the portable assemblies.
    /// </summary>
    /// <remarks>
    /// A ReadyToRun image is specific to one operating system and processor and is not an IL-only
    /// assembly, so .NET Framework (Windows PowerShell 5.1) cannot load it: the portable netstandard2.0
    /// assemblies stay in the module folder for every other host, and this class only ever chooses
    /// between the two. Setting EMPROTO_READYTORUN=0 keeps the portable ones (for comparison and
    /// troubleshooting).
    /// </remarks>
    public sealed class PrecompiledAssemblies : IModuleAssemblyInitializer
    {
        /// <summary>The module's assemblies shipped precompiled, in dependency order; EmProto (the cmdlets) last.</summary>
        public static IReadOnlyList<string> Names { get; } = new[] { "EmProto.Protocol", "EmProto.Engine", "EmProto.Simulator", "EmProto" };

        /// <summary>
        /// Dependencies shipped in the platform folder in the build for this runtime, loaded before the
        /// images unless an assembly of that name is loaded already: the net10.0 Microsoft.Bcl.TimeProvider
        /// forwards TimeProvider to the runtime's own (precompiled) type, where the netstandard2.0 one
        /// beside EmProto.dll defines a copy that would be compiled on first use.
        /// </summary>
        public static IReadOnlyList<string> Dependencies { get; } = new[] { "Microsoft.Bcl.TimeProvider" };

        /// <summary>The environment variable that, set to 0, keeps the portable assemblies.</summary>
        public const string SwitchVariable = "EMPROTO_READYTORUN";

        /// <summary>Called by PowerShell when the module is imported, before EmProto.dll is loaded.</summary>
        public void OnImport()
        {
            // .NET Framework (Windows PowerShell 5.1) and Mono say 4.x: nothing to choose, and nothing
            // of RuntimeInformation is touched there (it is compiled only in the method below).
            if (Environment.Version.Major < 10) return;
            try
            {
                LoadForThisPlatform();
            }
            catch (Exception e) when (e is IOException || e is TypeLoadException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                // The portable assemblies beside EmProto.dll are always there: an import never fails for this.
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void LoadForThisPlatform()
        {
            string? folder = PlatformFolder(RuntimeInformation.FrameworkDescription, Environment.Version,
                RuntimeInformation.IsOSPlatform(OSPlatform.Linux), RuntimeInformation.ProcessArchitecture,
                Environment.GetEnvironmentVariable(SwitchVariable));
            if (folder is null) return;
            string? moduleFolder = Path.GetDirectoryName(typeof(PrecompiledAssemblies).Assembly.Location);
            if (string.IsNullOrEmpty(moduleFolder)) return;
            if (Load(Path.Combine(moduleFolder, folder))) ResolveBesideModule(moduleFolder!);
        }

        /// <summary>
        /// The images' own dependencies (Microsoft.Bcl.TimeProvider and the like) are shipped once, in the
        /// module folder, but the runtime looks for them beside the image that needs them: this handler,
        /// asked only when nothing else found an assembly, loads it from the module folder if it is there.
        /// </summary>
        private static void ResolveBesideModule(string moduleFolder)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (sender, args) =>
            {
                string? name = new AssemblyName(args.Name).Name;
                if (string.IsNullOrEmpty(name) || name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
                string path = Path.Combine(moduleFolder, name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
        }

        /// <summary>
        /// The module subfolder holding images this runtime can use, or null: Linux x64 on .NET 10 or
        /// later (what the images are compiled for and against), unless the switch variable is "0".
        /// </summary>
        public static string? PlatformFolder(string frameworkDescription, Version runtimeVersion, bool isLinux, Architecture processArchitecture, string? switchValue)
        {
            if (frameworkDescription is null) throw new ArgumentNullException(nameof(frameworkDescription));
            if (runtimeVersion is null) throw new ArgumentNullException(nameof(runtimeVersion));
            if (string.Equals(switchValue?.Trim(), "0", StringComparison.Ordinal)) return null;
            // .NET Framework reports 4.x and Mono names itself; .NET (Core) before 10 cannot use images built for 10.
            bool dotnet = frameworkDescription.StartsWith(".NET ", StringComparison.Ordinal)
                && !frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)
                && !frameworkDescription.StartsWith(".NET Native", StringComparison.Ordinal);
            if (!dotnet || runtimeVersion.Major < 10) return null;
            return isLinux && processArchitecture == Architecture.X64 ? "linux-x64" : null;
        }

        /// <summary>
        /// Loads every image of <see cref="Names"/> from <paramref name="folder"/>, unless one is missing
        /// or an assembly of that name is loaded already (an earlier import of the module): then none
        /// is loaded. Returns whether all were loaded.
        /// </summary>
        public static bool Load(string folder)
        {
            var paths = new List<string>();
            foreach (string name in Names)
            {
                string path = Path.Combine(folder, name + ".dll");
                if (!File.Exists(path)) return false;
                paths.Add(path);
            }
            var loaded = LoadedNames();
            foreach (string name in Names)
            {
                if (loaded.Contains(name)) return false;
            }
            foreach (string name in Dependencies)
            {
                string path = Path.Combine(folder, name + ".dll");
                if (File.Exists(path) && !loaded.Contains(name)) paths.Insert(0, path);
            }
            foreach (string path in paths)
            {
                try
                {
                    Assembly.LoadFrom(path);
                }
                catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
                {
                    // An image that cannot be loaded leaves the rest to the portable assemblies beside
                    // EmProto.dll, which the runtime finds by itself (the same code, compiled on first use).
                    return false;
                }
            }
            return true;
        }

        // The simple names of the loaded assemblies, read once from their full names ("Name, Version=…"),
        // which are cached strings: GetName() would parse a new AssemblyName for each of about a hundred.
        private static HashSet<string> LoadedNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                string? full = loaded.FullName;
                if (string.IsNullOrEmpty(full)) continue;
                int comma = full!.IndexOf(',');
                names.Add(comma < 0 ? full : full.Substring(0, comma));
            }
            return names;
        }
    }
}
