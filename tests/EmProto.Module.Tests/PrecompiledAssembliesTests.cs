using System;
using System.IO;
using System.Runtime.InteropServices;
using EmProto.Startup;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// EmProto.Startup's choice between the ReadyToRun images and the portable assemblies. That the
    /// staged module really binds to the images on this platform, and works without them, is tested
    /// in a real pwsh (tests/pester/Module.Tests.ps1).
    /// </summary>
    public class PrecompiledAssembliesTests
    {
        [Theory]
        [InlineData(".NET 10.0.12", 10, true, Architecture.X64, null, "linux-x64")]
        [InlineData(".NET 10.0.12", 10, true, Architecture.X64, "1", "linux-x64")]
        [InlineData(".NET 11.0.0", 11, true, Architecture.X64, null, "linux-x64")]
        [InlineData(".NET 10.0.12", 10, true, Architecture.X64, "0", null)]
        [InlineData(".NET 10.0.12", 10, true, Architecture.X64, " 0 ", null)]
        [InlineData(".NET 10.0.12", 10, false, Architecture.X64, null, null)]
        [InlineData(".NET 10.0.12", 10, true, Architecture.Arm64, null, null)]
        [InlineData(".NET 8.0.11", 8, true, Architecture.X64, null, null)]
        [InlineData(".NET Framework 4.8.9290.0", 4, false, Architecture.X64, null, null)]
        [InlineData("Mono 6.12.0.200 (tarball)", 4, true, Architecture.X64, null, null)]
        public void The_images_are_chosen_only_where_they_were_compiled_for(string framework, int major, bool linux, Architecture architecture, string? switchValue, string? expected)
        {
            Assert.Equal(expected, PrecompiledAssemblies.PlatformFolder(framework, new Version(major, 0), linux, architecture, switchValue));
        }

        [Fact]
        public void The_agent_finds_the_manifest_from_the_portable_assembly_and_from_a_precompiled_image()
        {
            string module = Directory.CreateTempSubdirectory("emproto-layout-").FullName;
            try
            {
                string manifest = Path.Combine(module, "EmProto.psd1");
                File.WriteAllText(manifest, "@{}");
                Directory.CreateDirectory(Path.Combine(module, "linux-x64"));
                Assert.Equal(manifest, EmProto.PowerShell.Agent.AgentProcess.ManifestNear(Path.Combine(module, "EmProto.dll")));
                Assert.Equal(manifest, EmProto.PowerShell.Agent.AgentProcess.ManifestNear(Path.Combine(module, "linux-x64", "EmProto.dll")));
                // No manifest within reach: the assembly itself is imported.
                File.Delete(manifest);
                string lone = Path.Combine(module, "linux-x64", "EmProto.dll");
                Assert.Equal(lone, EmProto.PowerShell.Agent.AgentProcess.ManifestNear(lone));
            }
            finally
            {
                Directory.Delete(module, true);
            }
        }

        [Fact]
        public void A_folder_without_every_image_loads_none()
        {
            string folder = Directory.CreateTempSubdirectory("emproto-r2r-").FullName;
            try
            {
                // Only two of the three: the module keeps its portable assemblies.
                foreach (string name in new[] { "EmProto.Protocol", "EmProto.Engine" })
                {
                    File.Copy(typeof(PrecompiledAssembliesTests).Assembly.Location, Path.Combine(folder, name + ".dll"));
                }
                Assert.False(PrecompiledAssemblies.Load(folder));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void Images_are_not_loaded_over_assemblies_of_the_same_name_already_loaded()
        {
            // This test process has loaded the portable EmProto assemblies (project references):
            // a second import of the module must not try to load the images beside them.
            _ = typeof(EmProto.Engine.EvseCommunicator).Assembly;
            _ = typeof(EmProto.Protocol.DatagramCodec).Assembly;
            _ = typeof(EmProto.Simulator.EvseSimulatorHost).Assembly;
            _ = typeof(EmProto.PowerShell.ModuleCleanup).Assembly;
            string folder = Directory.CreateTempSubdirectory("emproto-r2r-").FullName;
            try
            {
                foreach (string name in PrecompiledAssemblies.Names)
                {
                    string source = Path.Combine(AppContext.BaseDirectory, name + ".dll");
                    File.Copy(source, Path.Combine(folder, name + ".dll"));
                }
                Assert.False(PrecompiledAssemblies.Load(folder));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void This_test_host_gets_the_folder_its_platform_names()
        {
            string? folder = PrecompiledAssemblies.PlatformFolder(RuntimeInformation.FrameworkDescription, Environment.Version,
                RuntimeInformation.IsOSPlatform(OSPlatform.Linux), RuntimeInformation.ProcessArchitecture, null);
            bool linuxX64 = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.ProcessArchitecture == Architecture.X64 && Environment.Version.Major >= 10;
            Assert.Equal(linuxX64 ? "linux-x64" : null, folder);
        }
    }
}
