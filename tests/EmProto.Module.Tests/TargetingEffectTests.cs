using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Protocol;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// -Name and -InputObject on the charger cmdlets, each against a named simulated charger (Garage), and the
    /// switches whose effect shows in what is sent or returned.
    /// </summary>
    public sealed class TargetingEffectTests : CmdletTestBase
    {
        private const string Serial = "5e5e0000000000b1";

        public TargetingEffectTests()
        {
            StartSimulatorCmdlet(Serial, "-Name Garage");
            Lines("Connect-Evse -Serial " + Serial + " -PlainTextPassword 123456; Get-EvseConfig -Serial " + Serial + " -MaxAge 0 | Out-Null");
        }

        private SimulatedEvse Simulator => (SimulatedEvse)Host.Run("Get-EvseSimulator -Serial " + Serial).Output.Single().BaseObject;

        /// <summary>Counts the requests of one command the communicator sends while the action runs.</summary>
        private static int Sent(EmCommand command, Action action)
        {
            var seen = new ConcurrentQueue<EmCommand>();
            EventHandler<DatagramTrafficEventArgs> handler = (s, e) =>
            {
                if (e.Direction == TrafficDirection.Sent) seen.Enqueue(e.Command);
            };
            Communicator.DatagramTraffic += handler;
            try
            {
                action();
                // Traffic events reach handlers on the event thread: let the ones of this action arrive.
                Assert.True(Communicator.FlushEventsAsync().Wait(TimeSpan.FromSeconds(30)), "the traffic events are delivered");
            }
            finally
            {
                Communicator.DatagramTraffic -= handler;
            }
            return seen.Count(c => c == command);
        }

        [Fact]
        public void Disconnect_by_name_and_by_object_ends_the_session_and_PassThru_returns_the_charger()
        {
            var r = Host.Run("Disconnect-Evse -Name Garage -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var charger = Assert.IsType<EvseCharger>(Assert.Single(r.Output).BaseObject);
            Assert.Equal(Serial, charger.Serial);
            Assert.True(Communicator.GetEvse(Serial)!.IsDisconnected);
            Assert.Empty(Host.Run("Disconnect-Evse -Name Garage").Output);

            Lines("Connect-Evse -Name Garage -PlainTextPassword 123456");
            Assert.False(Communicator.GetEvse(Serial)!.IsDisconnected);
            Assert.True(Communicator.GetEvse(Serial)!.IsLoggedIn);
            Lines("Get-Evse -Serial " + Serial + " | Disconnect-Evse");
            Assert.True(Communicator.GetEvse(Serial)!.IsDisconnected);
        }

        [Fact]
        public void Get_state_by_name_reads_the_named_charger()
        {
            var r = Host.Run("Get-EvseState -Name Garage -Wait -Timeout 30");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(Serial, Assert.IsType<EvseState>(Assert.Single(r.Output).BaseObject).Serial);
        }

        [Fact]
        public void Get_config_and_Set_config_take_the_charger_from_the_pipeline()
        {
            var r = Host.Run("Get-Evse -Serial " + Serial + " | Get-EvseConfig -MaxAge 0");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal("Garage", Assert.IsType<EvseConfig>(Assert.Single(r.Output).BaseObject).Name);

            Lines("Get-Evse -Serial " + Serial + " | Set-EvseConfig -Language German");
            Assert.Equal(EvseLanguage.German, Simulator.Language);
        }

        [Fact]
        public void Set_system_time_by_name_and_by_object_sets_the_chargers_clock()
        {
            var when = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
            Lines("Set-EvseSystemTime -Name Garage -Time '2030-01-02T03:04:05Z'");
            Assert.InRange(Simulator.Clock - when, TimeSpan.Zero, TimeSpan.FromMinutes(5));

            Lines("Get-Evse -Serial " + Serial + " | Set-EvseSystemTime");
            Assert.InRange(Simulator.Clock - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(5));
        }

        [Fact]
        public void Stop_by_name_ends_the_charge_and_Start_SinglePhase_starts_one()
        {
            Lines("Start-EvseCharge -Serial " + Serial + " -MaxCurrent 10 -SinglePhase");
            Assert.NotNull(Simulator.Session);
            Lines("Stop-EvseCharge -Name Garage -UserId bob -Force");
            Assert.Equal("bob", Assert.IsType<SimulatedSession>(Simulator.Session).EndedBy);
        }

        [Fact]
        public void Wait_by_name_returns_when_the_named_charger_reaches_the_state()
        {
            var r = Host.Run("Wait-Evse -Name Garage -State PluggedIn -Timeout 30");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(Serial, Assert.IsType<EvseCharger>(Assert.Single(r.Output).BaseObject).Serial);
        }

        [Fact]
        public void Remove_by_name_forgets_the_charger()
        {
            Lines("Remove-Evse -Name Garage -Confirm:$false");
            Assert.Null(Communicator.GetEvse(Serial));
        }

        [Fact]
        public void Charge_session_by_name_and_by_object_and_NoRefresh_sends_no_request()
        {
            Lines("Start-EvseCharge -Serial " + Serial + " -MaxCurrent 10; Wait-Evse -Serial " + Serial + " -State Charging -Timeout 30 | Out-Null");
            string chargeId = Assert.IsType<SimulatedSession>(Simulator.Session).ChargeId;

            var byName = Host.Run("Get-EvseChargeSession -Name Garage -Kind Current");
            Assert.True(byName.Errors.Count == 0, string.Join("; ", byName.Errors));
            Assert.Equal(chargeId, Assert.IsType<EvseChargeSession>(Assert.Single(byName.Output).BaseObject).ChargeId);

            // Let the background reads that follow the start finish: a read joining one in flight sends nothing new.
            var evse = Communicator.GetEvse(Serial)!;
            Assert.True(System.Threading.SpinWait.SpinUntil(() => evse.PendingRequestCount == 0, TimeSpan.FromSeconds(30)), "the background reads finish");
            // On a starved machine the probe's short budget can pass before the answer comes; the late answer
            // still teaches that this firmware answers 0x8006, and only then is a refresh sure to ask it.
            Assert.True(System.Threading.SpinWait.SpinUntil(() => evse.Capabilities.ChargingStatus == EvseCapability.Answered, TimeSpan.FromSeconds(30)), "the charger is known to answer 0x8006");
            int asked = Sent(EmCommand.RequestChargingStatus, () =>
            {
                var piped = Host.Run("Get-Evse -Serial " + Serial + " | Get-EvseChargeSession -Kind Current");
                Assert.Equal(chargeId, Assert.IsType<EvseChargeSession>(Assert.Single(piped.Output).BaseObject).ChargeId);
            });
            Assert.True(asked >= 1, "without -NoRefresh the session is asked for");

            int notAsked = Sent(EmCommand.RequestChargingStatus, () =>
            {
                var cached = Host.Run("Get-EvseChargeSession -Serial " + Serial + " -NoRefresh -Kind Current");
                Assert.Equal(chargeId, Assert.IsType<EvseChargeSession>(Assert.Single(cached.Output).BaseObject).ChargeId);
            });
            Assert.Equal(0, notAsked);
            Lines("Stop-EvseCharge -Serial " + Serial + " -Force");
        }

        [Fact]
        public void Charge_records_by_name_filtered_with_After()
        {
            Lines("Start-EvseCharge -Serial " + Serial + " -MaxCurrent 10; Wait-Evse -Serial " + Serial + " -State Charging -Timeout 30 | Out-Null; Stop-EvseCharge -Serial " + Serial + " -Force");
            var evse = Communicator.GetEvse(Serial)!;
            Assert.True(System.Threading.SpinWait.SpinUntil(() => evse.Records.Count > 0, TimeSpan.FromSeconds(30)), "the charger uploads the record of the finished charge");
            var start = evse.Records[0].Start!.Value;

            var all = Host.Run("Get-EvseChargeRecord -Name Garage");
            Assert.True(all.Errors.Count == 0, string.Join("; ", all.Errors));
            Assert.NotEmpty(all.Output);
            string before = start.AddMinutes(-1).ToString("o", CultureInfo.InvariantCulture);
            string after = start.AddMinutes(1).ToString("o", CultureInfo.InvariantCulture);
            Assert.Equal(all.Output.Count, Host.Run("Get-EvseChargeRecord -Name Garage -After '" + before + "'").Output.Count);
            Assert.Empty(Host.Run("Get-EvseChargeRecord -Name Garage -After '" + after + "'").Output);
        }

        [Fact]
        public void Events_by_name_and_by_object_with_MaxTriggerCount_SupportEvent_and_Forward()
        {
            var lines = Lines(
                "Register-EvseEvent -EventName StateChanged -Name Garage -SourceIdentifier t.name -MaxTriggerCount 1; " +
                "Get-Evse -Serial " + Serial + " | Register-EvseEvent -EventName StateChanged -SourceIdentifier t.object -SupportEvent; " +
                "Register-EvseEvent -EventName StateChanged -Serial " + Serial + " -SourceIdentifier t.forward -Forward; " +
                "@(Get-EventSubscriber -SourceIdentifier t.object -ErrorAction SilentlyContinue).Count; @(Get-EventSubscriber -Force -SourceIdentifier t.object).Count; " +
                "(Get-EventSubscriber -SourceIdentifier t.forward).ForwardEvent");
            Assert.Equal(new[] { "0", "1", "True" }, lines);

            Lines("Get-EvseSimulator -Serial " + Serial + " | Set-EvseSimulator -Unplug");
            // PowerShell removes a subscription that reached -MaxTriggerCount as it delivers the event: poll (bounded) for it to go.
            var got = Lines("$e = Wait-Event -SourceIdentifier t.name -Timeout 30; $e.SourceEventArgs.Serial; " +
                "$deadline = [DateTime]::UtcNow.AddSeconds(30); while (@(Get-EventSubscriber -SourceIdentifier t.name -ErrorAction SilentlyContinue).Count -and [DateTime]::UtcNow -lt $deadline) { [Threading.Thread]::Sleep(20) }; " +
                "@(Get-EventSubscriber -SourceIdentifier t.name -ErrorAction SilentlyContinue).Count");
            Assert.Equal(new[] { Serial, "0" }, got);
            Host.Run("Unregister-Event -SourceIdentifier t.forward; Unregister-Event -Force -SourceIdentifier t.object; Get-Event | Remove-Event");
        }

        [Fact]
        public void Get_Evse_Timeout_bounds_the_refresh_of_a_stored_charger_that_is_silent()
        {
            string store = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "emproto-timeout-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                Host.Run("Stop-EvseSimulator -Serial " + Serial + " -Confirm:$false");
                Lines("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath '" + store + "' -Force -RetryCount 3 -Timeout 3 -WearGuardInterval 60; " +
                    "Start-EvseSimulator -Serial " + Serial + " -AppEndPoint \"127.0.0.1:$((Get-EvseCommunicator).Port)\" -Password 123456");
                WaitForCharger(Serial);
                Lines("Connect-Evse -Serial " + Serial + " -PlainTextPassword 123456; Stop-EvseSimulator -Serial " + Serial + " -Confirm:$false");
                // The next process knows the charger and its password from the store, but has not heard it yet.
                Lines("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -StorePath '" + store + "' -Force -RetryCount 3 -Timeout 20");
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var r = Host.Run("Get-Evse -Serial " + Serial + " -Timeout 1");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "gave up after " + clock.Elapsed + " (the login alone would try for 80 s)");
                Assert.Single(r.Output);
                Assert.Contains(r.Warnings, w => w.Message.Contains("within 1", StringComparison.Ordinal));
            }
            finally
            {
                CommunicatorHolder.Stop();
                foreach (var f in new[] { store, store + ".lock" }) if (System.IO.File.Exists(f)) System.IO.File.Delete(f);
            }
        }
    }
}
