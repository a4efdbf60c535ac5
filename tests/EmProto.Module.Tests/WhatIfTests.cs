using Xunit;

namespace EmProto.Module.Tests
{
    public class WhatIfTests : CmdletTestBase
    {
        [Theory]
        [InlineData("Start-EvseCharge -Serial {0} -MaxCurrent 16", true)]
        [InlineData("Stop-EvseCharge -Serial {0}", true)]
        [InlineData("Set-EvseConfig -Serial {0} -Name Garage -MaxCurrent 10", false)]
        [InlineData("Set-EvseSystemTime -Serial {0}", false)]
        [InlineData("Connect-Evse -Serial {0} -PlainTextPassword 123456", false)]
        [InlineData("Connect-Evse -IPAddress 127.0.0.1 -Port 9 -PlainTextPassword 123456", false)]
        [InlineData("Get-Evse -NoRefresh -Serial {0} | Start-EvseCharge", true)]
        [InlineData("Start-EvseCharge -Serial {0} -StartAt ([datetimeoffset]::UtcNow.AddHours(3)) -MaxDuration 3600", true)]
        public void WhatIf_sends_not_a_single_datagram(string script, bool hasForce)
        {
            ImportSilentChargerWithPassword();
            // With -WhatIf: nothing at all leaves the socket.
            long before = DatagramsSent;
            var r = Host.Run(Format(script, " -WhatIf"));
            Assert.Empty(r.Errors);
            Assert.Equal(before, DatagramsSent);

            // The same call without -WhatIf does send (and times out: nothing answers at the charger's
            // address), so the check above is about -WhatIf, not about a call that never sends.
            long withoutWhatIf = DatagramsSent;
            var sent = Host.Run(Format(script, (hasForce ? " -Force" : string.Empty) + " -Confirm:$false -ErrorAction SilentlyContinue"));
            Assert.True(DatagramsSent > withoutWhatIf, "without -WhatIf the call sends datagrams: " + Format(script, string.Empty) + "; " + string.Join("; ", sent.Errors));
        }

        /// <summary>
        /// The silent charger (127.0.0.1:9, nothing answers) with a known password, imported like the seed
        /// library's evses.json: without a password the changing cmdlets would stop before sending anything.
        /// </summary>
        private void ImportSilentChargerWithPassword()
        {
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "emproto-whatif-" + System.Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(dir);
            try
            {
                string file = System.IO.Path.Combine(dir, "evses.json");
                var obfuscated = System.Convert.ToBase64String(System.Array.ConvertAll(System.Text.Encoding.ASCII.GetBytes("123456"), b => (byte)(b ^ 0xFF)));
                System.IO.File.WriteAllText(file, "[{\"info\":{\"serial\":\"" + KnownSerial + "\",\"ip\":\"127.0.0.1\",\"port\":9,\"brand\":\"BESEN\",\"model\":\"BS20\",\"maxPower\":7040,\"maxElectricity\":32,\"type\":1},\"password\":\"" + obfuscated + "\"}]");
                var r = Host.Run("Import-Evse '" + file + "' -Confirm:$false");
                Assert.True(r.Errors.Count == 0, "the charger is imported: " + string.Join("; ", r.Errors));
                Assert.True(Communicator.GetEvse(KnownSerial)?.HasPassword == true, "the imported charger has its password");
            }
            finally
            {
                System.IO.Directory.Delete(dir, true);
            }
        }

        private static string Format(string script, string tail) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, script, KnownSerial) + tail;

        [Fact]
        public void Remove_Evse_WhatIf_keeps_the_charger_and_without_it_forgets_it()
        {
            AddSilentCharger();
            Host.Run("Remove-Evse -Serial " + KnownSerial + " -WhatIf");
            Assert.NotNull(Communicator.GetEvse(KnownSerial));
            var r = Host.Run("Get-Evse -Serial " + KnownSerial + " | Remove-Evse");
            Assert.Empty(r.Errors);
            Assert.Null(Communicator.GetEvse(KnownSerial));
        }
    }
}
