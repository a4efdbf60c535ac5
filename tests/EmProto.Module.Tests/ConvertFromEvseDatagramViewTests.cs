using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// Decoded datagrams as users handle them with PowerShell's own cmdlets (Export-Csv, ConvertTo-Json,
    /// Export-Clixml, Format-Table, Format-List): the runspace of Microsoft.PowerShell.SDK has them all.
    /// </summary>
    public sealed class ConvertFromEvseDatagramViewTests : IDisposable
    {
        // The real SingleACStatus capture of a Besen BS20, written the way people paste packet dumps.
        private const string StatusHex = "0601 0032 00 9181102751219513 ffffffffffff 0004 01 092e 0000 00000000 00024081 5892 5892 01 02 02 0d 00000000 0b7b 0f02";
        private const string HeadingHex = "0x0601 0x0019 0x00 0x9181102751219513 0xffffffffffff 0x0003 0x0880 0x0f02";
        // An UploadLocalChargeRecord built with the protocol library: ended by "Power Down" (stop reason 0xFF), 13.7 kWh, samples 0 1200 7300 W.
        private const string RecordHex = "06010080009181102751219513ffffffffffff000a01656d70726f746f000000000000000000506f77657220446f776e000000000000323032353033303130383030313233340001010078ffffffffff020000000067c24e0067c26a2000001c20000186a000018bfa0000055a0000019b0100320003000004b01c8420e80f02";
        private const string ChargeStartHex = "0601004800918110275121951331323334353680070138363030373937393835373839323433313634393435353432313238383039360062505cdd0101ffffffffffff10130c0f02";

        private readonly ModuleHost _host = new ModuleHost();
        private readonly string _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "emproto-views-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose()
        {
            _host.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        private string File(string name) => Path.Combine(_directory, name).Replace("'", "''", StringComparison.Ordinal);

        /// <summary>Runs a script that must not fail and returns its output, one line per object.</summary>
        private string[] Lines(string script)
        {
            var r = _host.Run(script);
            Assert.True(r.Errors.Count == 0, "the script runs without errors: " + string.Join("; ", r.Errors));
            return r.Output.Select(o => o?.ToString() ?? string.Empty).ToArray();
        }

        private string Text(string script) => string.Join("\n", Lines(script));

        [Fact]
        public void The_status_capture_carries_the_type_names_the_views_are_bound_to()
        {
            var lines = Lines("$d = '" + StatusHex + "' | ConvertFrom-EvseDatagram; $d.PSObject.TypeNames[0]; $d.Payload.PSObject.TypeNames[0]; $d.Payload.GunState");
            Assert.Equal(new[] { "EmProto.PowerShell.DecodedDatagram", "EmProto.Engine.EvseState", "ConnectedUnlocked" }, lines);
        }

        [Fact]
        public void A_decoded_charge_record_goes_to_Export_Csv_and_shows_names_in_its_list()
        {
            string csv = File("records.csv");
            var lines = Lines(
                "$r = ('" + RecordHex + "' | ConvertFrom-EvseDatagram -TimeZone UTC).Payload; $r.PSObject.TypeNames[0]; " +
                "$r | Export-Csv '" + csv + "'; $row = Import-Csv '" + csv + "'; $row.PowerSamples; $row.StopReason; $row.Price; " +
                "$null -eq $r.MaxEnergyKWh; $r.MaxDuration.TotalMinutes");
            Assert.Equal(new[] { "EmProto.Engine.EvseChargeRecord", "0 1200 7300", "PowerDown", "4.11", "True", "120" }, lines);
            string text = Text("('" + RecordHex + "' | ConvertFrom-EvseDatagram -TimeZone UTC).Payload | Format-List | Out-String");
            Assert.Matches(@"StopReason\s+: PowerDown", text);
            Assert.Matches(@"Price\s+: 4\.11", text);
        }

        [Fact]
        public void A_binary_dump_read_with_Get_Content_decodes_whole_or_enumerated()
        {
            string bin = File("packet.bin");
            System.IO.File.WriteAllBytes(bin, Convert.FromHexString(Regex.Replace(StatusHex + HeadingHex, @"0x|\s", string.Empty)));
            Assert.Equal(new[] { "SingleAcStatus", "Heading" }, Lines("(Get-Content '" + bin + "' -AsByteStream -Raw | ConvertFrom-EvseDatagram).CommandName"));
            Assert.Equal(new[] { "SingleAcStatus", "Heading" }, Lines("(Get-Content '" + bin + "' -AsByteStream | ConvertFrom-EvseDatagram).CommandName"));
        }

        [Fact]
        public void ErrorAction_Stop_makes_invalid_input_a_terminating_EvseDatagramInvalid_error()
        {
            var lines = Lines("try { 'abc' | ConvertFrom-EvseDatagram -ErrorAction Stop; 'not stopped' } catch { $_.FullyQualifiedErrorId }");
            Assert.StartsWith("EvseDatagramInvalid,", Assert.Single(lines), StringComparison.Ordinal);
        }

        [Fact]
        public void The_password_of_an_app_datagram_appears_in_no_list_and_no_JSON()
        {
            string text = Text("$d = '" + ChargeStartHex + "' | ConvertFrom-EvseDatagram -TimeZone 'Europe/Paris'; " +
                "($d | Format-List * | Out-String) + ($d | ConvertTo-Json -Depth 5) + ($d.Payload | Format-List * | Out-String)");
            Assert.Contains("StartAt", text, StringComparison.Ordinal);
            Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
        }

        [Fact]
        public void The_table_has_Command_Serial_Length_and_Summary_columns()
        {
            string text = Text("'" + StatusHex + "', '" + HeadingHex + "' | ConvertFrom-EvseDatagram | Format-Table | Out-String -Width 200");
            string header = text.Split('\n').First(l => l.Trim().Length > 0);
            Assert.Matches(@"^Command\s+Serial\s+Length\s+Summary", header);
            Assert.Matches(@"SingleAcStatus\s+9181102751219513\s+50\s+ReadyToCharge", text);
            Assert.Matches(@"Heading\s+9181102751219513\s+25", text);
            var viaPipeline = Lines("$t = '" + StatusHex + "' | ConvertFrom-EvseDatagram | Format-Table | Out-String -Width 200; " +
                "$t -split \"`n\" | Where-Object { $_ -match '\\S' } | Select-Object -First 1");
            Assert.Matches(@"^Command\s+Serial\s+Length\s+Summary", Assert.Single(viaPipeline));
        }

        [Fact]
        public void The_list_shows_direction_password_presence_and_the_command_in_hex()
        {
            string text = Text("'" + StatusHex + "' | ConvertFrom-EvseDatagram | Format-List | Out-String");
            Assert.Matches(@"Direction\s+: ChargerToApp", text);
            Assert.Matches(@"HasPassword\s+: False", text);
            Assert.Matches(@"Command\s+: 0x0004 \(4\)", text);
        }

        [Fact]
        public void A_datagram_still_formats_as_a_table_after_Export_Clixml_and_Import_Clixml()
        {
            string xml = File("datagrams.xml");
            var lines = Lines("'" + StatusHex + "' | ConvertFrom-EvseDatagram | Export-Clixml '" + xml + "'; $back = Import-Clixml '" + xml + "'; " +
                "$back.PSObject.TypeNames[0]; $back | Format-Table | Out-String -Width 200");
            Assert.Equal("Deserialized.EmProto.PowerShell.DecodedDatagram", lines[0]);
            Assert.Matches(@"^\s*Command\s+Serial\s+Length\s+Summary", lines[1]);
            Assert.Matches(@"SingleAcStatus\s+9181102751219513\s+50", lines[1]);
        }
    }
}
