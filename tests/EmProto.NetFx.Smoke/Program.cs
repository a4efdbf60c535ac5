using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace EmProto.NetFx.Smoke
{
    /// <summary>
    /// EmProto.NetFx.Smoke.exe --stage &lt;out/EmProto/version&gt; --repo &lt;repository root&gt;
    /// Loads the shipped netstandard2.0 assemblies from the stage folder only, then runs the steps
    /// in order and stops at the first failure. Exit 0 when every step passed; 1 naming the failed
    /// step; 2 for bad arguments or a missing stage folder.
    /// </summary>
    internal static class Program
    {
        /// <summary>The assemblies build.ps1 stages next to EmProto.dll (EmProto.dll itself needs PowerShell).</summary>
        internal static readonly string[] Shipped =
        {
            "EmProto.Protocol", "EmProto.Engine", "EmProto.Simulator", "Microsoft.Bcl.TimeProvider", "Microsoft.Bcl.AsyncInterfaces",
            "System.Threading.Tasks.Extensions", "System.Runtime.CompilerServices.Unsafe",
        };

        private static string _stage = string.Empty;

        private static int Main(string[] args)
        {
            string? stage = null, repo = null;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--stage") stage = args[i + 1];
                else if (args[i] == "--repo") repo = args[i + 1];
            }
            if (stage == null || repo == null)
            {
                Console.Error.WriteLine("usage: EmProto.NetFx.Smoke.exe --stage <out/EmProto/version> --repo <repository root>");
                return 2;
            }
            _stage = Path.GetFullPath(stage);
            if (!File.Exists(Path.Combine(_stage, "EmProto.Engine.dll")))
            {
                Console.Error.WriteLine("FAILED stage: no EmProto.Engine.dll in " + _stage + " (run build.ps1 -Task Build first).");
                return 2;
            }
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromStage;
            Console.WriteLine("runtime: " + RuntimeName() + ", CLR " + Environment.Version + ", " + Environment.OSVersion.Platform);
            return Run(Path.GetFullPath(repo));
        }

        /// <summary>Kept out of Main so no EmProto type is touched before the resolver is in place.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Run(string repo)
        {
            var steps = new List<KeyValuePair<string, Action>>();
            var loopback = new LoopbackChecks();
            steps.Add(Step("vectors", () => VectorChecks.Run(repo)));
            steps.Add(Step("communicator start", loopback.StartCommunicator));
            steps.Add(Step("simulator start", loopback.StartSimulator));
            steps.Add(Step("discovery", loopback.Discover));
            steps.Add(Step("login", loopback.Login));
            steps.Add(Step("start charge", loopback.StartCharge));
            steps.Add(Step("stop charge", loopback.StopCharge));
            steps.Add(Step("store save", loopback.SaveStore));
            steps.Add(Step("store reload", loopback.ReloadStore));
            steps.Add(Step("store default path", LoopbackChecks.DefaultStorePath));
            steps.Add(Step("shipped assemblies", CheckLoadedFromStage));
            string? failed = null;
            foreach (var step in steps)
            {
                try
                {
                    step.Value();
                }
                catch (Exception ex)
                {
                    failed = "FAILED " + step.Key + ": " + Describe(ex);
                    break;
                }
                Console.WriteLine("ok " + step.Key);
            }
            try
            {
                loopback.Dispose();
            }
            catch (Exception ex)
            {
                failed ??= "FAILED cleanup (stopping the simulator and communicator): " + Describe(ex);
            }
            if (failed != null)
            {
                Console.WriteLine(failed);
                return 1;
            }
            Console.WriteLine("netfx smoke: " + steps.Count + " steps passed");
            return 0;
        }

        private static KeyValuePair<string, Action> Step(string name, Action action) => new KeyValuePair<string, Action>(name, action);

        /// <summary>
        /// Loads a shipped assembly from the stage folder, with LoadFrom as powershell.exe loads a
        /// module's assemblies (so their own dependencies are probed in that folder too).
        /// </summary>
        private static Assembly? ResolveFromStage(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var path = Path.Combine(_stage, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        /// <summary>Every shipped assembly that was loaded came from the stage folder, and the EmProto ones were loaded.</summary>
        private static void CheckLoadedFromStage()
        {
            var loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in AppDomain.CurrentDomain.GetAssemblies()) loaded[a.GetName().Name] = a;
            foreach (var name in Shipped)
            {
                if (!loaded.TryGetValue(name, out var assembly))
                {
                    if (name.StartsWith("EmProto.", StringComparison.Ordinal)) throw new InvalidOperationException(name + " was never loaded.");
                    continue;
                }
                var dir = Path.GetDirectoryName(assembly.Location) ?? string.Empty;
                if (!string.Equals(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar), _stage.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                    throw new InvalidOperationException(name + " was loaded from " + assembly.Location + ", not from the stage folder " + _stage + ".");
                Console.WriteLine("  " + name + " " + assembly.GetName().Version + " from the stage folder");
            }
        }

        private static string RuntimeName() => Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework";

        /// <summary>The exception and its inner exceptions in one line (a type load names the missing assembly there).</summary>
        internal static string Describe(Exception ex)
        {
            var text = ex.GetType().Name + ": " + ex.Message;
            if (ex is AggregateException agg && agg.InnerExceptions.Count == 1) return Describe(agg.InnerExceptions[0]);
            if (ex is ReflectionTypeLoadException rtl)
            {
                foreach (var le in rtl.LoaderExceptions)
                {
                    if (le != null) text += " | " + Describe(le);
                }
            }
            if (ex.InnerException != null) text += " <- " + Describe(ex.InnerException);
            return text;
        }
    }
}
