using System;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.PowerShell.Transformations;
using Xunit;

namespace EmProto.Module.Tests
{
    public class ParameterBindingTests : CmdletTestBase
    {
        [Theory]
        [InlineData("Start-EvseCharge")]
        [InlineData("Stop-EvseCharge")]
        [InlineData("Set-EvseConfig")]
        [InlineData("Set-EvseSystemTime")]
        [InlineData("Remove-Evse")]
        [InlineData("Disconnect-Evse")]
        public void Changing_cmdlets_take_a_charger_by_value_or_an_exact_serial_and_support_WhatIf(string command)
        {
            var r = Host.Run("Get-Command " + command);
            var info = (CmdletInfo)r.Output.Single().BaseObject;
            // Set-EvseConfig's -Name is the new name, so it has no set that chooses chargers by name.
            var sets = command == "Set-EvseConfig" ? new[] { "InputObject", "Serial" } : new[] { "InputObject", "Name", "Serial" };
            Assert.Equal(sets, info.ParameterSets.Select(p => p.Name).OrderBy(n => n));
            var serial = info.Parameters["Serial"];
            Assert.True(serial.ParameterSets["Serial"].IsMandatory, "-Serial is mandatory where it is the target");
            Assert.True(serial.ParameterSets["Serial"].ValueFromPipelineByPropertyName, "-Serial binds by property name");
            Assert.False(serial.Attributes.OfType<SupportsWildcardsAttribute>().Any(), "changing cmdlets take exact serials");
            Assert.True(info.Parameters["InputObject"].ParameterSets["InputObject"].ValueFromPipeline, "-InputObject binds by value");
            Assert.True(info.Parameters.ContainsKey("WhatIf") && info.Parameters.ContainsKey("Confirm"), command + " supports -WhatIf and -Confirm");
        }

        [Theory]
        [InlineData("Get-EvseState")]
        [InlineData("Get-EvseConfig")]
        [InlineData("Get-EvseSystemTime")]
        [InlineData("Get-EvseChargeSession")]
        [InlineData("Get-EvseChargeRecord")]
        [InlineData("Wait-Evse")]
        public void Reading_cmdlets_take_serial_wildcards(string command)
        {
            var info = (CmdletInfo)Host.Run("Get-Command " + command).Output.Single().BaseObject;
            var serial = info.Parameters["Serial"];
            Assert.True(serial.Attributes.OfType<SupportsWildcardsAttribute>().Any(), "reading cmdlets take wildcards");
            Assert.False(serial.ParameterSets["Serial"].IsMandatory);
        }

        [Fact]
        public void Connect_Evse_has_serial_object_and_address_parameter_sets()
        {
            var info = (CmdletInfo)Host.Run("Get-Command Connect-Evse").Output.Single().BaseObject;
            Assert.Equal(new[] { "Address", "InputObject", "Name", "Serial" }, info.ParameterSets.Select(p => p.Name).OrderBy(n => n));
            Assert.True(info.Parameters["IPAddress"].ParameterSets["Address"].IsMandatory);
        }

        [Theory]
        [InlineData(90, 90.0)]
        [InlineData(1.5, 1.5)]
        [InlineData("90", 90.0)]
        [InlineData("00:01:30", 90.0)]
        public void Durations_accept_seconds_and_timespans(object input, double seconds)
        {
            var result = new DurationTransformationAttribute().Transform(null!, input);
            Assert.Equal(TimeSpan.FromSeconds(seconds), (TimeSpan)result!);
        }

        [Fact]
        public void A_duration_that_is_neither_is_refused_with_a_clear_message()
        {
            var ex = Assert.Throws<ArgumentTransformationMetadataException>(() => new DurationTransformationAttribute().Transform(null!, "soon"));
            Assert.Contains("number of seconds", ex.Message);
        }

        [Fact]
        public void Every_duration_parameter_binds_seconds_and_timespans()
        {
            var r = Host.Run("(Find-Evse -Timeout 0.2 -Serial none), (Find-Evse -Timeout '00:00:00.2' -Serial none), (Get-EvseConfig -Serial nothing* -MaxAge 90)");
            Assert.Empty(r.Errors);
            // Every TimeSpan parameter of every cmdlet goes through the duration transformation
            // (the values it resolves to are checked end to end in StartAt_and_MaxDuration_bind_to_the_values_the_charger_receives).
            var module = (PSModuleInfo)Host.Run("Get-Module EmProto").Output.Single().BaseObject;
            var durations = module.ExportedCmdlets.Values
                .SelectMany(c => c.Parameters.Values.Select(p => (Cmdlet: c.Name, Parameter: p)))
                .Where(x => x.Parameter.ParameterType == typeof(TimeSpan) || x.Parameter.ParameterType == typeof(TimeSpan?))
                .ToList();
            Assert.Contains(durations, x => x.Cmdlet == "Start-EvseCharge" && x.Parameter.Name == "MaxDuration");
            Assert.Contains(durations, x => x.Cmdlet == "Find-Evse" && x.Parameter.Name == "Timeout");
            var without = durations.Where(x => !x.Parameter.Attributes.OfType<DurationTransformationAttribute>().Any()).Select(x => x.Cmdlet + " -" + x.Parameter.Name).ToList();
            Assert.True(without.Count == 0, "duration parameters without the transformation: " + string.Join(", ", without));
        }

        [Fact]
        public void A_time_of_day_is_the_next_such_wall_clock_time_in_the_chargers_zone()
        {
            var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
            var now = new DateTimeOffset(2026, 5, 1, 20, 0, 0, TimeSpan.Zero); // 22:00 in the charger's zone
            Assert.Equal(new DateTimeOffset(2026, 5, 1, 23, 30, 0, TimeSpan.FromHours(2)), new EvseTime("23:30").Resolve(zone, now));
            Assert.Equal(new DateTimeOffset(2026, 5, 2, 21, 0, 0, TimeSpan.FromHours(2)), new EvseTime("21:00").Resolve(zone, now));
            Assert.Equal(new DateTimeOffset(2026, 5, 3, 6, 0, 0, TimeSpan.FromHours(2)), new EvseTime("2026-05-03 06:00").Resolve(zone, now));
            var instant = new DateTimeOffset(2026, 5, 3, 6, 0, 0, TimeSpan.Zero);
            Assert.Equal(instant, new EvseTime(instant).Resolve(zone, now));
        }

        [Fact]
        public void StartAt_and_MaxDuration_bind_to_the_values_the_charger_receives()
        {
            const string SimSerial = "5e5e000000000042";
            using var sim = StartSimulator(SimSerial);
            WaitForCharger(SimSerial);
            var connect = Host.Run("Connect-Evse -Serial " + SimSerial + " -PlainTextPassword 123456");
            Assert.True(connect.Errors.Count == 0, "connects: " + string.Join("; ", connect.Errors));
            var zone = Communicator.GetEvse(SimSerial)!.TimeZone;

            // A time of day three hours ahead in the charger's zone (never "now", whatever the clock says):
            // the next such wall-clock time, to the minute.
            var ahead = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).AddHours(3);
            var wall = new DateTime(ahead.Year, ahead.Month, ahead.Day, ahead.Hour, ahead.Minute, 0, DateTimeKind.Unspecified);
            var expected = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            string text = wall.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var r = Host.Run("Start-EvseCharge -Serial " + SimSerial + " -StartAt '" + text + "' -MaxDuration 5400 -Force -PassThru -Confirm:$false");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var planned = Assert.IsType<ChargeStartResult>(r.Output.Single().BaseObject);
            Assert.True(planned.IsReservation, "a start three hours ahead is a reservation");
            Assert.Equal(expected, planned.StartAt);
            // The charger gets it on its own clock, whose skew the engine knows to the second (EM timestamps are whole seconds).
            Assert.InRange((sim.Session!.ReservedFor!.Value - expected).TotalSeconds, -1, 1);
            Assert.Equal(90, sim.Session.MaxDurationMinutes);

            var cancel = Host.Run("Stop-EvseCharge -Serial " + SimSerial + " -Force -Confirm:$false");
            Assert.True(cancel.Errors.Count == 0, string.Join("; ", cancel.Errors));

            // A DateTime of kind Local is an instant; a TimeSpan string is a duration.
            var local = DateTime.Now.AddHours(2);
            local = new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Local);
            r = Host.Run("Start-EvseCharge -Serial " + SimSerial + " -StartAt ([datetime]::new(" + local.Ticks + ", 'Local')) -MaxDuration '02:15:00' -Force -PassThru -Confirm:$false");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            planned = Assert.IsType<ChargeStartResult>(r.Output.Single().BaseObject);
            Assert.Equal(new DateTimeOffset(local), planned.StartAt);
            Assert.InRange((sim.Session!.ReservedFor!.Value - new DateTimeOffset(local)).TotalSeconds, -1, 1);
            Assert.Equal(135, sim.Session.MaxDurationMinutes);
        }

        [Fact]
        public void The_manifest_exports_every_cmdlet_of_the_assembly()
        {
            var r = Host.Run("[string[]](Get-Module EmProto).ExportedCmdlets.Keys");
            var exported = r.Output.Select(o => o.BaseObject.ToString()!).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            var defined = typeof(EvseCharger).Assembly.GetExportedTypes()
                .Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single())
                .Select(a => a.VerbName + "-" + a.NounName).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            Assert.Equal(defined, exported);
        }
    }
}
