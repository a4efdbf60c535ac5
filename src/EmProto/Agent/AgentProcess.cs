using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Threading;
using EmProto.Engine;

namespace EmProto.PowerShell.Agent
{
    /// <summary>Starting the agent as a background pwsh (detached from this session) and waiting until it answers.</summary>
    internal static class AgentProcess
    {
        /// <summary>What the agent writes to its log when it cannot start, so the session that started it fails at once.</summary>
        public const string FailureMarker = "EmProto agent failed: ";

        private static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        /// <summary>The log of a background agent: beside its socket.</summary>
        public static string LogPath(string socketPath) => Path.Combine(Path.GetDirectoryName(socketPath) ?? ".", Path.GetFileNameWithoutExtension(socketPath) + ".log");

        /// <summary>The module manifest (or assembly) a new pwsh imports to run the agent.</summary>
        public static string ModulePath(PSModuleInfo? module)
        {
            if (module != null)
            {
                string manifest = Path.Combine(module.ModuleBase, "EmProto.psd1");
                if (File.Exists(manifest)) return manifest;
                if (!string.IsNullOrEmpty(module.Path)) return module.Path;
            }
            return ManifestNear(typeof(AgentProcess).Assembly.Location);
        }

        /// <summary>
        /// The module manifest of an EmProto.dll: beside the portable assembly, or one folder up from a
        /// precompiled image (linux-x64/); the assembly itself when there is none.
        /// </summary>
        internal static string ManifestNear(string assembly)
        {
            string? folder = Path.GetDirectoryName(assembly);
            for (int up = 0; up < 2 && !string.IsNullOrEmpty(folder); up++, folder = Path.GetDirectoryName(folder))
            {
                string beside = Path.Combine(folder!, "EmProto.psd1");
                if (File.Exists(beside)) return beside;
            }
            return assembly;
        }

        /// <summary>Starts <c>pwsh -Command "Import-Module …; Start-EvseAgent -Wait …"</c> in the background, detached.</summary>
        public static void Launch(string agentCommand, string logPath)
        {
            var current = Process.GetCurrentProcess().MainModule?.FileName ?? throw new InvalidOperationException("Cannot tell which pwsh runs this session.");
            var pwsh = new StringBuilder();
            pwsh.Append(Quote(current));
            // pwsh run as a .NET tool: the host is dotnet, and pwsh.dll its first argument.
            if (string.Equals(Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase))
                pwsh.Append(' ').Append(Quote(Environment.GetCommandLineArgs()[0]));
            pwsh.Append(" -NoProfile -NonInteractive -Command ").Append(Quote(agentCommand));
            ProcessStartInfo start;
            if (IsWindows)
            {
                start = new ProcessStartInfo(current, pwsh.ToString().Substring(Quote(current).Length + 1)) { CreateNoWindow = true };
            }
            else
            {
                // A new session (setsid) with no terminal and the log for output, so it outlives this one and holds
                // none of its pipes; sh returns at once.
                const string script = "log=\"$1\"; shift; if command -v setsid >/dev/null 2>&1; then setsid \"$@\" </dev/null >>\"$log\" 2>&1 & else nohup \"$@\" </dev/null >>\"$log\" 2>&1 & fi";
                start = new ProcessStartInfo("/bin/sh", "-c " + Quote(script) + " sh " + Quote(logPath) + " " + pwsh);
            }
            start.UseShellExecute = false;
            using (var process = Process.Start(start) ?? throw new InvalidOperationException("The agent's process did not start."))
            {
                if (!IsWindows) process.WaitForExit(10000);
            }
        }

        /// <summary>
        /// Waits until the agent at <paramref name="socketPath"/> answers (polling every 100 ms, bounded by
        /// <paramref name="timeout"/>); fails at once when its log says it could not start.
        /// </summary>
        public static EvseAgentInfo WaitUntilAnswering(string socketPath, string logPath, long logStart, TimeSpan timeout, CancellationToken cancel)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var info = AgentClient.Describe(socketPath);
                if (info != null) return info;
                string? failure = Failure(logPath, logStart);
                if (failure != null)
                    throw new EvseException(EvseErrorKind.InvalidOperation, ErrorIds.AgentStartFailed, "The EmProto agent did not start: " + failure);
                if (watch.Elapsed > timeout)
                    throw new EvseException(EvseErrorKind.Timeout, ErrorIds.AgentStartFailed, "The EmProto agent did not answer at " + socketPath + " within " + timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s; its log is " + logPath + ".");
                if (cancel.WaitHandle.WaitOne(100)) throw new PipelineStoppedException();
            }
        }

        /// <summary>The length of the log now (where a new agent's lines will start).</summary>
        public static long LogLength(string logPath)
        {
            var file = new FileInfo(logPath);
            return file.Exists ? file.Length : 0;
        }

        private static string? Failure(string logPath, long start)
        {
            if (!File.Exists(logPath)) return null;
#pragma warning disable CA1031 // a log being written: read what can be read
            try
            {
                using (var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    if (stream.Length <= start) return null;
                    stream.Seek(start, SeekOrigin.Begin);
                    using (var reader = new StreamReader(stream))
                    {
                        string? line;
                        while ((line = reader.ReadLine()) != null)
                        {
                            int at = line.IndexOf(FailureMarker, StringComparison.Ordinal);
                            if (at >= 0) return line.Substring(at + FailureMarker.Length).Trim();
                        }
                    }
                }
            }
            catch (Exception)
            {
                return null;
            }
#pragma warning restore CA1031
            return null;
        }

        private static readonly char[] Special = { ' ', '\t', '"', '\'', '\\', ';', '&', '$' };

        /// <summary>Quotes one argument for a process command line.</summary>
        public static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(Special) < 0) return argument;
            var quoted = new StringBuilder("\"");
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"')
                {
                    quoted.Append('\\', backslashes * 2 + 1);
                }
                else
                {
                    quoted.Append('\\', backslashes);
                }
                backslashes = 0;
                quoted.Append(c);
            }
            quoted.Append('\\', backslashes * 2);
            return quoted.Append('"').ToString();
        }

        /// <summary>Quotes a value as a PowerShell single-quoted string.</summary>
        public static string PowerShellLiteral(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
