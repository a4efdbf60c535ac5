using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// Start-EvseSimulator's fault and firmware-form parameters reach the simulated charger; Start-EvseCommunicator's
    /// options reach the communicator; the store, import and environment failures have their own ids.
    /// </summary>
    public sealed class SimulatorAndStoreEffectTests : CmdletTestBase
    {
        private static string Id(ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

        private SimulatedEvse StartOne(string script)
        {
            var r = Host.Run(script);
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            return Assert.IsType<SimulatedEvse>(Assert.Single(r.Output).BaseObject);
        }

        [Theory]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000021 -AppEndPoint 127.0.0.1:9 -PassThru -LossRatio 0.25", nameof(FaultOptions.OutboundLossRatio), "0.25")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000022 -AppEndPoint 127.0.0.1:9 -PassThru -DuplicateRatio 0.5", nameof(FaultOptions.DuplicateRatio), "0.5")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000023 -AppEndPoint 127.0.0.1:9 -PassThru -ReorderRatio 0.125", nameof(FaultOptions.ReorderRatio), "0.125")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000024 -AppEndPoint 127.0.0.1:9 -PassThru -CorruptRatio 0.75", nameof(FaultOptions.CorruptRatio), "0.75")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000025 -AppEndPoint 127.0.0.1:9 -PassThru -GarbageRatio 1", nameof(FaultOptions.GarbageRatio), "1")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000026 -AppEndPoint 127.0.0.1:9 -PassThru -CoalesceRatio 0.3", nameof(FaultOptions.CoalesceRatio), "0.3")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000027 -AppEndPoint 127.0.0.1:9 -PassThru -Seed 4711", nameof(FaultOptions.Seed), "4711")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000028 -AppEndPoint 127.0.0.1:9 -PassThru -StatusForm 33", nameof(FaultOptions.StatusForm), "33")]
        [InlineData("Start-EvseSimulator -Serial 7e5a000000000029 -AppEndPoint 127.0.0.1:9 -PassThru -LoginForm 118", nameof(FaultOptions.LoginForm), "118")]
        [InlineData("Start-EvseSimulator -Serial 7e5a00000000002a -AppEndPoint 127.0.0.1:9 -PassThru -ChargingStatusForm 80", nameof(FaultOptions.ChargingStatusForm), "80")]
        [InlineData("Start-EvseSimulator -Serial 7e5a00000000002b -AppEndPoint 127.0.0.1:9 -PassThru -VersionForm 37", nameof(FaultOptions.VersionForm), "37")]
        [InlineData("Start-EvseSimulator -Serial 7e5a00000000002c -AppEndPoint 127.0.0.1:9 -PassThru -NameForm 32", nameof(FaultOptions.NameForm), "32")]
        [InlineData("Start-EvseSimulator -Serial 7e5a00000000002d -AppEndPoint 127.0.0.1:9 -PassThru -StatusAsRecord", nameof(FaultOptions.StatusAsRecord), "True")]
        public void Each_fault_and_form_parameter_reaches_the_simulated_charger(string script, string property, string expected)
        {
            var sim = StartOne(script);
            var faults = sim.Options.Faults;
            var value = typeof(FaultOptions).GetProperty(property)!.GetValue(faults);
            Assert.Equal(expected, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            // Everything not given keeps its default.
            var defaults = new FaultOptions();
            foreach (var p in typeof(FaultOptions).GetProperties().Where(p => p.CanWrite && p.Name != property && !(property == nameof(FaultOptions.OutboundLossRatio) && p.Name == nameof(FaultOptions.InboundLossRatio))))
                Assert.Equal(p.GetValue(defaults), p.GetValue(faults));
        }

        [Fact]
        public void ClockOffset_sets_the_simulated_chargers_clock_off_by_that_much()
        {
            var sim = StartOne("Start-EvseSimulator -Serial 7e5a000000000031 -AppEndPoint 127.0.0.1:9 -PassThru -ClockOffset -01:30:00");
            Assert.Equal(TimeSpan.FromMinutes(-90), sim.ClockOffset);
            Assert.InRange(sim.Clock - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(-95), TimeSpan.FromMinutes(-85));
        }

        [Fact]
        public void LocalPort_binds_the_simulated_charger_to_that_port_and_a_taken_port_is_EvseSimulatorStartFailed()
        {
            int free;
            using (var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
                free = ((System.Net.IPEndPoint)probe.Client.LocalEndPoint!).Port;
            var r = Host.Run("Start-EvseSimulator -Serial 5e5e0000000000f1 -LocalPort " + free + " -AppEndPoint 127.0.0.1:9 -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var sim = Assert.IsType<EmProto.Simulator.SimulatedEvse>(Assert.Single(r.Output).BaseObject);
            Assert.Equal(free, sim.LocalEndPoint!.Port);
            Host.Run("Stop-EvseSimulator -Serial 5e5e0000000000f1");

            using var taken = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            int port = ((System.Net.IPEndPoint)taken.Client.LocalEndPoint!).Port;
            var e = SingleError(Host.Run("Start-EvseSimulator -Serial 5e5e0000000000f2 -LocalPort " + port + " -AppEndPoint 127.0.0.1:9"));
            Assert.Equal("EvseSimulatorStartFailed", Id(e));
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.Empty(Host.Run("Get-EvseSimulator -Serial 5e5e0000000000f2 -ErrorAction SilentlyContinue").Output);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_cancellation_that_is_not_CtrlC_is_reported_as_EvseCommunicatorStopped_for_that_charger()
        {
            using var sim = StartSimulator();
            WaitForCharger("5e5e000000000042");
            Host.Run("Connect-Evse -Serial 5e5e000000000042 -PlainTextPassword 123456");
            var connected = Communicator.GetEvse("5e5e000000000042")!;
            // The reads that follow the login finish first: only the cmdlet's own request may trigger the stop below.
            Assert.True(System.Threading.SpinWait.SpinUntil(() => connected.Config != null && connected.PendingRequestCount == 0, TimeSpan.FromSeconds(30)), "the reads after the login finish");
            sim.Stop();
            // A read waits for the silent charger; the communicator is stopped underneath it from another thread.
            var stopper = System.Threading.Tasks.Task.Run(async () =>
            {
                var evse = Communicator.GetEvse("5e5e000000000042")!;
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (evse.PendingRequestCount == 0 && DateTime.UtcNow < deadline) await System.Threading.Tasks.Task.Delay(10);
                Communicator.Stop();
            });
            var r = Host.Run("Get-EvseSystemTime -Serial 5e5e000000000042");
            await stopper.WaitAsync(TimeSpan.FromSeconds(60));
            var e = SingleError(r);
            Assert.Equal("EvseCommunicatorStopped", Id(e));
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        }

        [Fact]
        public void OfflineAfter_and_PinAddresses_reach_the_communicator()
        {
            Lines("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -OfflineAfter 30 -PinAddresses");
            Assert.Equal(TimeSpan.FromSeconds(30), Communicator.Options.OfflineAfter);
            Assert.True(Communicator.Options.PinAddresses);
            Lines("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force");
            Assert.Equal(TimeSpan.FromSeconds(11), Communicator.Options.OfflineAfter);
            Assert.False(Communicator.Options.PinAddresses);
        }

        [Fact]
        public void Binding_an_address_this_host_does_not_have_is_EvseSocketError()
        {
            // 192.0.2.1 is TEST-NET-1 (documentation only): the bind fails on any host and nothing is sent.
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 192.0.2.1 -Port 0 -NoStore -Force");
            Assert.True(r.Errors.Count == 1, "exactly one error is expected, got " + r.Errors.Count + ": " + string.Join("; ", r.Errors));
            Assert.StartsWith("EvseSocketError,", r.Errors[0].FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ConnectionError, r.Errors[0].CategoryInfo.Category);
            Assert.Contains("192.0.2.1", r.Errors[0].Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unusable_EMPROTO_PORT_is_EvseInvalidEnvironment()
        {
            string? before = Environment.GetEnvironmentVariable("EMPROTO_PORT");
            Environment.SetEnvironmentVariable("EMPROTO_PORT", "not-a-port");
            try
            {
                var e = SingleError(Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -NoStore -Force"));
                Assert.Equal("EvseInvalidEnvironment", Id(e));
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains("EMPROTO_PORT", e.Exception.Message, StringComparison.Ordinal);
            }
            finally
            {
                Environment.SetEnvironmentVariable("EMPROTO_PORT", before);
            }
        }

        [Fact]
        public void A_corrupt_store_is_EvseStoreUnreadable_when_the_communicator_starts()
        {
            string store = Path.Combine(Path.GetTempPath(), "emproto-corrupt-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(store, "{ this is not json");
            try
            {
                var e = SingleError(Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath '" + store + "' -Force"));
                Assert.Equal("EvseStoreUnreadable", Id(e));
                Assert.Equal(ErrorCategory.ReadError, e.CategoryInfo.Category);
                Assert.Equal(store, e.TargetObject);
                Assert.True(Communicator.IsRunning, "the communicator runs without its store");
            }
            finally
            {
                CommunicatorHolder.Stop();
                File.Delete(store);
            }
        }

        [Fact]
        public void Import_reads_the_chargers_of_a_file_and_a_file_locked_by_another_program_is_EvseImportUnreadable()
        {
            string file = Path.Combine(Path.GetTempPath(), "emproto-import-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "[{\"info\":{\"serial\":\"9181102751219513\",\"ip\":\"127.0.0.1\",\"port\":9}}]");
            try
            {
                var r = Host.Run("Import-Evse -Path '" + file + "' -PassThru");
                Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
                Assert.Equal("9181102751219513", Assert.IsType<EvseCharger>(Assert.Single(r.Output).BaseObject).Serial);
                Assert.NotNull(Communicator.GetEvse("9181102751219513"));

                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    var e = SingleError(Host.Run("Import-Evse -Path '" + file + "'"));
                    Assert.Equal("EvseImportUnreadable", Id(e));
                    Assert.Equal(ErrorCategory.ReadError, e.CategoryInfo.Category);
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_store_that_stays_locked_is_EvseStoreLocked_and_what_was_not_written_is_written_later()
        {
            string dir = Path.Combine(Path.GetTempPath(), "emproto-locked-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string store = Path.Combine(dir, "evses.json");
            string import = Path.Combine(dir, "import.json");
            File.WriteAllText(import, "[{\"info\":{\"serial\":\"9181102751219513\",\"ip\":\"127.0.0.1\",\"port\":9}}]");
            try
            {
                Lines("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath '" + store + "' -Force");
                // Another process holds the store's lock for longer than the 10 s the engine waits: the command
                // that wrote says so, once.
                using (new FileStream(store + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    var e = SingleError(Host.Run("Import-Evse -Path '" + import + "'"));
                    Assert.Equal("EvseStoreLocked", Id(e));
                    Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
                    Assert.Equal(store, e.TargetObject);
                }
                // Nothing is lost: once the lock is free, the next save writes the import, and stopping reports nothing.
                var stop = Host.Run("Stop-EvseCommunicator");
                Assert.True(stop.Errors.Count == 0, string.Join("; ", stop.Errors));
                Assert.Contains("9181102751219513", File.ReadAllText(store), StringComparison.Ordinal);
            }
            finally
            {
                CommunicatorHolder.Stop();
                Directory.Delete(dir, true);
            }
        }
    }
}
