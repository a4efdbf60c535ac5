using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace EmProto.Engine.Tests
{
    /// <summary>Runs tests/EmProto.StoreWriter as a child process and collects its output lines.</summary>
    public sealed class ChildProcess : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = new List<string>();
        private readonly object _sync = new object();
        private readonly ManualResetEventSlim _eof = new ManualResetEventSlim();

        private ChildProcess(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(WriterDll);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (s, e) =>
            {
                lock (_sync)
                {
                    if (e.Data == null) _eof.Set();
                    else _lines.Add(e.Data);
                    Monitor.PulseAll(_sync);
                }
            };
            _process.ErrorDataReceived += (s, e) =>
            {
                if (e.Data == null) return;
                lock (_sync)
                {
                    _lines.Add("stderr: " + e.Data);
                    Monitor.PulseAll(_sync);
                }
            };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>The built EmProto.StoreWriter.dll: beside the test assembly, or in its own bin folder of the same configuration.</summary>
        public static string WriterDll
        {
            get
            {
                var beside = Path.Combine(AppContext.BaseDirectory, "EmProto.StoreWriter.dll");
                if (File.Exists(beside)) return beside;
                // .../tests/EmProto.Engine.Tests/bin/<Configuration>/<tfm>/
                var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
                var configuration = tfm.Parent!;
                var testsDir = configuration.Parent!.Parent!.Parent!;
                var built = Path.Combine(testsDir.FullName, "EmProto.StoreWriter", "bin", configuration.Name, tfm.Name, "EmProto.StoreWriter.dll");
                if (File.Exists(built)) return built;
                throw new FileNotFoundException("EmProto.StoreWriter.dll was built neither beside the tests nor at " + built + " (the test project references it so it is built first).");
            }
        }

        public static ChildProcess Store(string path, int first, int count, string prefix) =>
            new ChildProcess("store", path, first.ToString(System.Globalization.CultureInfo.InvariantCulture), count.ToString(System.Globalization.CultureInfo.InvariantCulture), prefix);

        public static ChildProcess Bind(int port) => new ChildProcess("bind", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public int? ExitCode => _process.HasExited ? _process.ExitCode : (int?)null;

        /// <summary>The child's process id.</summary>
        public int Id => _process.Id;

        public string[] Lines
        {
            get
            {
                lock (_sync) return _lines.ToArray();
            }
        }

        /// <summary>Waits (generous bound) until a line matches; null when the process ended or time ran out first.</summary>
        public string? WaitForLine(Func<string, bool> predicate, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_sync)
            {
                int seen = 0;
                while (true)
                {
                    for (; seen < _lines.Count; seen++) if (predicate(_lines[seen])) return _lines[seen];
                    if (_eof.IsSet) return null;
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero) return null;
                    Monitor.Wait(_sync, left);
                }
            }
        }

        /// <summary>SIGKILL on Unix (TerminateProcess on Windows): no finally block, no flush, no cleanup runs.</summary>
        public void KillHard()
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

        /// <summary>Waits for the exit and for the end of its output (bounded).</summary>
        public bool WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit((int)timeout.TotalMilliseconds)) return false;
            _process.WaitForExit();
            return _eof.Wait(timeout);
        }

        public void CloseInput() => _process.StandardInput.Close();

        public void Dispose()
        {
            if (!_process.HasExited) KillHard();
            _process.WaitForExit(10_000);
            _process.Dispose();
            _eof.Dispose();
        }
    }
}
