using System;
using System.IO;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// The default views of states, configurations, clocks and chargers, formatted by Format-Table, Format-List
    /// and Out-String in the runspace: names instead of numbers, one date format, three phases, the time zone
    /// hint, and tables that fit 80 columns. The charger's clock runs in Tokyo while it is connected as UTC.
    /// </summary>
    public sealed class ViewTests : CmdletTestBase
    {
        private const string Serial = "5e5e0000000000b1";
        private const string DateTime = @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}";

        public ViewTests()
        {
            StartSimulatorCmdlet(Serial, "-Name Carport -Phases 3 -TimeZone 'Asia/Tokyo'");
            Assert.Equal(new[] { Serial }, Lines("(Find-Evse -Serial " + Serial + " -Timeout 30 | Select-Object -First 1).Serial"));
            Lines("Connect-Evse -Serial " + Serial + " -PlainTextPassword 123456 -TimeZone UTC");
        }

        [Fact]
        public void State_views_show_every_phase_in_80_columns_name_the_emergency_button_and_write_names_to_JSON()
        {
            Lines("$script:state = Get-EvseState -Serial " + Serial + " -Wait -Timeout 30");

            string table = Text("$state | Format-Table | Out-String -Width 80");
            Assert.Matches(@"\d+/\d+/\d+", table);
            Assert.Contains("Meter kWh", table, StringComparison.Ordinal);
            Assert.Contains("Errors", table, StringComparison.Ordinal);

            string list = Text("$state | Format-List | Out-String -Width 120");
            Assert.Matches(@"EmergencyButton\s+: OK", list);
            // The Pester copy said 'Raw\s+:' anywhere, which the list's deliberate CurrentStateRaw line (41df988) has
            // failed since the merge: no raw number stands on its own, and the emergency button is named.
            Assert.DoesNotMatch(@"(?m)^Raw\s+:", list);
            Assert.DoesNotMatch(@"EmergencyButton\s+: \d", list);
            Assert.Matches(@"ReceivedAt\s+: " + DateTime + @"\s", list);
            Assert.Contains("L3Amps", list, StringComparison.Ordinal);

            Assert.Contains("\"State\": \"PluggedIn\"", Text("$state | ConvertTo-Json -EnumsAsStrings"), StringComparison.Ordinal);
        }

        [Fact]
        public void Configuration_and_charger_lists_show_brightness_and_the_one_date_format()
        {
            string config = Text("Get-EvseConfig -Serial " + Serial + " -MaxAge 0 | Format-List | Out-String -Width 120");
            Assert.Matches(@"Brightness\s+: \d+", config);
            Assert.DoesNotContain("OfflineChargeRaw", config, StringComparison.Ordinal);
            Assert.Matches(@"ReadAt\s+: " + DateTime + @"\s", config);

            string changed = Text("Set-EvseConfig -Serial " + Serial + " -MaxCurrent 10 -PassThru -Confirm:$false | Format-List | Out-String -Width 120");
            Assert.Matches(@"ChangedAt\s+: " + DateTime + @"\s", changed);

            string charger = Text("Get-Evse -Serial " + Serial + " | Format-List | Out-String -Width 120");
            Assert.Matches(@"LastSeen\s+: " + DateTime + @"\s", charger);
        }

        [Fact]
        public void A_clock_whole_hours_off_is_warned_about_and_marked_in_the_table_the_list_and_after_Import_Clixml()
        {
            var r = Host.Run("$script:time = Get-EvseSystemTime -Serial " + Serial + " -WarningVariable script:warned -WarningAction SilentlyContinue; $warned.Count");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.True((int)r.Output[0].BaseObject > 0, "Get-EvseSystemTime warns about a clock 9 hours off");

            string table = Text("$time | Format-Table | Out-String -Width 80");
            Assert.Contains("+9 h?", table, StringComparison.Ordinal);
            Assert.Matches(DateTime, table);
            Assert.DoesNotContain("…", table, StringComparison.Ordinal);

            string list = Text("$time | Format-List | Out-String -Width 200");
            Assert.Matches(@"TimeZoneHint\s+: The charger's clock is \+9 h off", list);

            string file = Path.Combine(Path.GetTempPath(), "emproto-time-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                string back = Text("$time | Export-Clixml '" + file + "'; Import-Clixml '" + file + "' | Format-Table | Out-String -Width 80");
                Assert.Contains("+9 h?", back, StringComparison.Ordinal);
                Assert.Matches(DateTime, back);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
