using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EmProto.Module.Tests
{
    public class ModuleLoadTests
    {
        [Fact]
        public void Module_imports_in_process()
        {
            using var host = new ModuleHost();
            var r = host.Run("(Get-Module EmProto).Name");
            Assert.Empty(r.Errors);
            Assert.Equal("EmProto", r.Output.Single().BaseObject);
        }

        [Fact]
        public void The_SDK_runspace_has_the_cmdlets_the_tests_pipe_into()
        {
            using var host = new ModuleHost();
            var names = new[] { "Select-Object", "Where-Object", "Measure-Object", "Register-ObjectEvent", "Wait-Event", "Export-Csv", "Import-Csv", "ConvertTo-Json", "Export-Clixml", "Import-Clixml", "Format-Table", "Out-String", "Get-Content" };
            var r = host.Run("Get-Command " + string.Join(", ", names) + " -ErrorAction SilentlyContinue | ForEach-Object Name");
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), r.Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void The_module_and_the_SDK_share_one_copy_of_each_assembly_and_the_runtime_provides_the_netfx_helpers()
        {
            using var host = new ModuleHost();
            var r = host.Run("$null = Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force; Stop-EvseCommunicator -Confirm:$false");
            Assert.True(r.Errors.Count == 0, "the communicator starts and stops: " + string.Join("; ", r.Errors));
            // The module's assemblies and everything they reference, PowerShell's included.
            var module = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name!.StartsWith("EmProto.", StringComparison.Ordinal) || a.GetName().Name == "EmProto").ToList();
            var closure = module.SelectMany(a => a.GetReferencedAssemblies().Select(n => n.Name)).Concat(module.Select(a => a.GetName().Name))
                .Concat(new[] { "Microsoft.Bcl.TimeProvider", "Microsoft.Bcl.AsyncInterfaces", "System.Threading.Tasks.Extensions", "System.Runtime.CompilerServices.Unsafe" }).ToHashSet(StringComparer.Ordinal);
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Select(a => a.GetName()).Where(n => closure.Contains(n.Name!)).ToList();
            var twice = loaded.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key + " " + string.Join("/", g.Select(n => n.Version))).ToList();
            Assert.True(twice.Count == 0, "no assembly is loaded twice, found: " + string.Join(", ", twice));

            // Shipped beside the module for .NET Framework only: on PowerShell 7 the runtime's own copy is the one loaded.
            string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var extensions = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "System.Threading.Tasks.Extensions");
            Assert.Equal(runtime, Path.GetDirectoryName(extensions.Location));
            Assert.True(File.Exists(Path.Combine(runtime, "System.Runtime.CompilerServices.Unsafe.dll")), "the runtime carries System.Runtime.CompilerServices.Unsafe");
        }
    }
}
