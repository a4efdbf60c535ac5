using System;
using System.Linq;
using System.Management.Automation;
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
            var info = (CmdletInfo)Host.Run("Get-Command Start-EvseCharge").Output.Single().BaseObject;
            Assert.Contains(info.Parameters["MaxDuration"].Attributes, a => a is DurationTransformationAttribute);
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
        public void StartAt_binds_strings_and_datetimes()
        {
            AddSilentCharger();
            var r = Host.Run("Start-EvseCharge -Serial " + KnownSerial + " -StartAt '23:30' -WhatIf; Start-EvseCharge -Serial " + KnownSerial + " -StartAt ([datetime]::Now.AddHours(1)) -WhatIf");
            Assert.Empty(r.Errors);
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
