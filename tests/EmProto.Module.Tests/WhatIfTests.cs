using Xunit;

namespace EmProto.Module.Tests
{
    public class WhatIfTests : CmdletTestBase
    {
        [Theory]
        [InlineData("Start-EvseCharge -Serial {0} -MaxCurrent 16 -WhatIf")]
        [InlineData("Stop-EvseCharge -Serial {0} -WhatIf")]
        [InlineData("Set-EvseConfig -Serial {0} -Name Garage -MaxCurrent 10 -WhatIf")]
        [InlineData("Set-EvseSystemTime -Serial {0} -WhatIf")]
        [InlineData("Connect-Evse -Serial {0} -PlainTextPassword 123456 -WhatIf")]
        [InlineData("Connect-Evse -IPAddress 127.0.0.1 -Port 9 -PlainTextPassword 123456 -WhatIf")]
        [InlineData("Get-Evse -Serial {0} | Start-EvseCharge -WhatIf")]
        [InlineData("Disconnect-Evse -Serial {0} -WhatIf")]
        public void WhatIf_sends_not_a_single_datagram(string script)
        {
            AddSilentCharger();
            long before = DatagramsSent;
            var r = Host.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, script, KnownSerial));
            Assert.Empty(r.Errors);
            Assert.Equal(before, DatagramsSent);
        }

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
