using System;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>Set-EvseConfig -Schedule takes text, the schedule's own text and hashtables; -Brightness 0..100.</summary>
    public sealed class ConfigScheduleTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e000000000042";

        private void Connect()
        {
            WaitForCharger(SimSerial);
            var r = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.True(r.Errors.Count == 0, "connects: " + string.Join("; ", r.Errors));
        }

        private EvseConfig Set(string arguments)
        {
            var r = Host.Run("Set-EvseConfig -Serial " + SimSerial + " " + arguments + " -Confirm:$false -PassThru");
            Assert.True(r.Errors.Count == 0, arguments + ": " + string.Join("; ", r.Errors));
            return Assert.IsType<EvseConfig>(Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void A_schedule_line_binds_and_reaches_the_charger()
        {
            using var sim = StartSimulator();
            Connect();
            var config = Set("-Schedule 'Mon 23:00-06:00, Tue 23:00+360m'");
            Assert.Equal("Mon 23:00+420m, Tue 23:00+360m, Wed off, Thu off, Fri off, Sat off, Sun off", config.Schedule!.ToString());
            var read = Host.Run("(Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0).Schedule.ToString()");
            Assert.Equal(config.Schedule.ToString(), Assert.Single(read.Output).BaseObject);
        }

        [Fact]
        public void The_schedules_own_text_and_a_hashtable_bind()
        {
            using var sim = StartSimulator();
            Connect();
            var fromText = Set("-Schedule 'Mon off, Tue off, Wed 22:00+480m, Thu off, Fri off, Sat off, Sun off'");
            Assert.Equal(TimeSpan.FromHours(8), fromText.Schedule![DayOfWeek.Wednesday]!.Duration);
            var fromTable = Set("-Schedule @{ Monday = '23:00-06:00'; Sun = '01:00+60m' }");
            Assert.True(fromTable.Schedule![DayOfWeek.Monday]!.Enabled);
            Assert.Equal(TimeSpan.FromHours(23), fromTable.Schedule[DayOfWeek.Monday]!.Start);
            Assert.Equal(TimeSpan.FromMinutes(60), fromTable.Schedule[DayOfWeek.Sunday]!.Duration);
            Assert.False(fromTable.Schedule[DayOfWeek.Wednesday]!.Enabled);
        }

        [Fact]
        public void Editing_one_day_of_the_read_schedule_keeps_the_others()
        {
            using var sim = StartSimulator();
            Connect();
            Set("-Schedule 'Mon 23:00-06:00, Tue 23:00-06:00'");
            var r = Host.Run("$s = (Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0).Schedule; $s.Set('Friday', '22:30', '07:30') | Out-Null; Set-EvseConfig -Serial " + SimSerial + " -Schedule $s -Confirm:$false -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var s = Assert.IsType<EvseConfig>(Assert.Single(r.Output).BaseObject).Schedule!;
            Assert.Equal("Mon 23:00+420m, Tue 23:00+420m, Wed off, Thu off, Fri 22:30+450m, Sat off, Sun off", s.ToString());
        }

        [Theory]
        [InlineData("'Mon 25:00-06:00'", "not a time of day")]
        [InlineData("'Someday 23:00-06:00'", "not a day of")]
        [InlineData("@{ Monday = '23:00-06:00, Tue off' }", "one time per day")]
        [InlineData("42", "got a Int32")]
        public void Unreadable_schedules_are_refused_before_anything_is_sent(string argument, string message)
        {
            AddSilentCharger();
            long sent = DatagramsSent;
            var r = Host.Run("Set-EvseConfig -Serial " + KnownSerial + " -Schedule " + argument + " -Confirm:$false");
            var e = SingleError(r);
            Assert.StartsWith("ParameterArgumentTransformationError", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(message, e.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(sent, DatagramsSent);
        }

        [Fact]
        public void Brightness_is_set_and_verified()
        {
            using var sim = StartSimulator();
            Connect();
            Assert.Equal(30, Set("-Brightness 30").Brightness);
            var r = Host.Run("Set-EvseConfig -Serial " + SimSerial + " -Brightness 101 -Confirm:$false");
            Assert.StartsWith("ParameterArgumentValidationError", SingleError(r).FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        [Fact]
        public void PassThru_shows_when_the_verified_change_happened()
        {
            using var sim = StartSimulator();
            Connect();
            var read = Host.Run("Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0");
            var before = Assert.IsType<EvseConfig>(Assert.Single(read.Output).BaseObject);
            var after = Set("-MaxCurrent 10");
            Assert.NotNull(after.ChangedAt);
            Assert.True(after.ChangedAt >= before.ReadAt, "ChangedAt is the time of the verified change, not of the earlier read");
        }
    }
}
