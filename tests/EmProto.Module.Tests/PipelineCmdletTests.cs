using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// The charger cmdlets together with PowerShell's own pipeline cmdlets (Where-Object, Measure-Object,
    /// Register-EvseEvent with Wait-Event and -Action, Export-Clixml, ConvertTo-Json, Format-Table), against a
    /// simulated charger on loopback.
    /// </summary>
    public sealed class PipelineCmdletTests : CmdletTestBase
    {
        private const string Serial = "5e5e0000000000a1";

        public PipelineCmdletTests()
        {
            StartSimulatorCmdlet(Serial, "-Name Garage");
            Lines("$script:sim = Get-EvseSimulator -Serial " + Serial + "; Connect-Evse -Serial " + Serial + " -PlainTextPassword 123456");
        }

        private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

        [Fact]
        public void Get_Evse_shows_a_tidy_table_and_Get_EvseState_Wait_a_fresh_status_with_readings_per_phase()
        {
            string table = Text("Get-Evse | Format-Table | Out-String -Width 200");
            foreach (var column in new[] { "Serial", "Name", "Model", "Address", "State", "Power kW" }) Assert.Contains(column, table, StringComparison.Ordinal);
            Assert.Contains(Serial, table, StringComparison.Ordinal);

            var lines = Lines("$s = Get-Evse -Serial " + Serial + " | Get-EvseState -Wait -Timeout 30; $s.State; $s | Format-List | Out-String; $s | Format-Table | Out-String -Width 200");
            Assert.Equal("PluggedIn", lines[0]);
            Assert.Contains("L1Volts", lines[1], StringComparison.Ordinal);
            Assert.Contains("Power kW", lines[2], StringComparison.Ordinal);
        }

        [Fact]
        public void A_charge_is_started_waited_for_refused_by_the_wear_guard_and_its_stop_arrives_through_Wait_Event()
        {
            Lines("Set-EvseConfig -Serial " + Serial + " -Name Garage -Confirm:$false");
            // Scenario 2: start, then wait until it really charges.
            var started = Lines("Get-Evse -Name Garage | Start-EvseCharge -MaxCurrent 16 -Confirm:$false; $e = Get-Evse -Name Garage | Wait-Evse -State Charging -Timeout 00:01:00; $e.State; " +
                "(Get-Evse -Online | Where-Object State -eq Charging | Measure-Object PowerKW -Sum).Sum");
            Assert.Equal("Charging", started[0]);
            Assert.True(Number(started[1]) > 0, "the charging chargers draw power, got " + started[1]);

            // Scenario 3: the wear guard refuses flapping with a catchable error; -Force overrides.
            var guard = Lines("$evse = Get-Evse -Name Garage; $evse.Phases; try { $evse | Stop-EvseCharge -ErrorAction Stop; 'not refused' } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal(new[] { "1", "EvseWearGuard,EmProto.PowerShell.Commands.StopEvseChargeCommand" }, guard);

            var stopped = Lines("Register-EvseEvent -EventName ChargingStopped -Serial " + Serial + " -SourceIdentifier test.stopped; $evse | Stop-EvseCharge -Force; " +
                "$got = Wait-Event -SourceIdentifier test.stopped -Timeout 30; $ended = $sim.Session; " +
                "$got.SourceEventArgs.Evse.Serial; $got.SourceEventArgs.EventName; $ended.Phase; $got.SourceEventArgs.NewValue.ChargeId -eq $ended.ChargeId; " +
                "$got.SourceEventArgs.NewValue.EnergyKWh -is [double]; [math]::Abs($got.SourceEventArgs.NewValue.EnergyKWh - $ended.EnergyKWh); " +
                "Unregister-Event -SourceIdentifier test.stopped; Remove-Event -SourceIdentifier test.stopped -ErrorAction SilentlyContinue");
            Assert.Equal(Serial, stopped[0]);
            Assert.Equal("ChargingStopped", stopped[1]);
            // The event carries the session that just ended on the charger, with its energy.
            Assert.Equal("Finished", stopped[2]);
            Assert.Equal("True", stopped[3]);
            Assert.Equal("True", stopped[4]);
            Assert.True(Number(stopped[5]) < 0.02, "the event's energy is the session's, off by " + stopped[5] + " kWh");
        }

        [Fact]
        public void Events_reach_an_Action_job_and_stop_after_Unregister_Event()
        {
            var lines = Lines(
                "$global:EmProtoTestEvents = [System.Collections.Concurrent.ConcurrentQueue[object]]::new(); " +
                "$job = Register-EvseEvent -EventName StateChanged -Serial " + Serial + " -SourceIdentifier test.action -Action { $global:EmProtoTestEvents.Enqueue($Event.SourceEventArgs) }; " +
                "$sim | Set-EvseSimulator -Unplug; $deadline = [datetime]::UtcNow.AddSeconds(30); " +
                "while ($global:EmProtoTestEvents.Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Wait-Event -Timeout 1 | Out-Null }; " +
                "$global:EmProtoTestEvents.Count; $e = $null; $null = $global:EmProtoTestEvents.TryPeek([ref]$e); $e.Serial; " +
                "$e | Format-Table | Out-String -Width 200; $job -is [System.Management.Automation.PSEventJob]; " +
                "Unregister-Event -SourceIdentifier test.action; @(Get-EventSubscriber -SourceIdentifier test.action -ErrorAction SilentlyContinue).Count");
            Assert.True(int.Parse(lines[0], CultureInfo.InvariantCulture) > 0, "the -Action job saw a state change within 30 s");
            Assert.Equal(Serial, lines[1]);
            Assert.Contains("Event", lines[2], StringComparison.Ordinal);
            Assert.Equal("True", lines[3]);
            Assert.Equal("0", lines[4]);
        }

        [Fact]
        public void Objects_survive_Export_Clixml_with_their_views_and_convert_to_JSON_cleanly()
        {
            string path = Path.Combine(Path.GetTempPath(), "emproto-evse-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                var lines = Lines("Get-Evse -Serial " + Serial + " | Export-Clixml '" + path + "'; $back = Import-Clixml '" + path + "'; $back.PSObject.TypeNames[0]; " +
                    "$back | Format-Table | Out-String -Width 200; $back | Get-EvseChargeRecord -ErrorAction Stop | Out-Null; " +
                    "Get-EvseState -Serial " + Serial + " | Export-Clixml '" + path + "'; Import-Clixml '" + path + "' | Format-Table | Out-String -Width 200");
                Assert.Equal("Deserialized.EmProto.PowerShell.EvseCharger", lines[0]);
                Assert.Contains("Power kW", lines[1], StringComparison.Ordinal);
                Assert.Contains("Meter kWh", lines[2], StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }

            var json = Lines("(Get-Evse -Serial " + Serial + " | ConvertTo-Json -Depth 4 | ConvertFrom-Json).Serial; " +
                "(Get-EvseCommunicator | ConvertTo-Json -Depth 4 | ConvertFrom-Json).Port -eq (Get-EvseCommunicator).Port");
            Assert.Equal(new[] { Serial, "True" }, json);
        }

        [Fact]
        public void Get_EvseCommunicator_reports_the_endpoint_and_counters()
        {
            var lines = Lines("$c = Get-EvseCommunicator; $c.IsRunning; $c.DatagramsSent -gt 0; $c | Format-Table | Out-String -Width 200");
            Assert.Equal("True", lines[0]);
            Assert.Equal("True", lines[1]);
            Assert.Contains("Dropped", lines[2], StringComparison.Ordinal);
        }
    }
}
