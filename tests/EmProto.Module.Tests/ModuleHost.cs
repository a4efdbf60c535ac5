using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EmProto.Module.Tests
{
    /// <summary>Hosts PowerShell in-process with the EmProto module loaded from this build.</summary>
    public sealed class ModuleHost : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleHost()
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            state.ImportPSModule(new[] { ManifestPath });
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
        }

        /// <summary>The staged-like manifest next to the test assembly (copied by the build).</summary>
        public static string ManifestPath => Path.Combine(AppContext.BaseDirectory, "EmProto.psd1");

        /// <summary>Runs a script; returns output, errors and the PowerShell for stream inspection.</summary>
        public Result Run(string script)
        {
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var output = ps.Invoke();
            return new Result(output, ps.Streams.Error.ReadAll(), ps.Streams.Verbose.ReadAll(), ps.Streams.Debug.ReadAll(), ps.Streams.Warning.ReadAll(), ps.HadErrors);
        }

        public void Dispose() => _runspace.Dispose();

        public sealed record Result(
            Collection<PSObject> Output,
            Collection<ErrorRecord> Errors,
            Collection<VerboseRecord> Verbose,
            Collection<DebugRecord> Debug,
            Collection<WarningRecord> Warnings,
            bool HadErrors);
    }
}
