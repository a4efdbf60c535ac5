using System;
using System.Collections;
using System.Management.Automation;
using EmProto.PowerShell;
using EmProto.PowerShell.Agent;
using Xunit;

namespace EmProto.Module.Tests.Agent
{
    /// <summary>The plain-text invocation: simple values cross exactly, anything else is left to CLIXML.</summary>
    public class AgentInvocationTextTests
    {
        [Fact]
        public void Simple_values_cross_exactly()
        {
            var at = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.FromHours(1));
            var parameters = new Hashtable
            {
                ["Serial"] = new[] { "5e5e000000000001", "5e5e00000000000?" },
                ["MaxCurrent"] = 16,
                ["Force"] = true,
                ["Confirm"] = false,
                ["Energy"] = 12.345,
                ["Big"] = 10_000_000_000L,
                ["Timeout"] = TimeSpan.FromMilliseconds(1500),
                ["StartAt"] = at,
                ["Name"] = "Garage ä",
                ["Empty"] = Array.Empty<string>(),
            };
            var preferences = new Hashtable { ["ErrorAction"] = ActionPreference.Continue, ["Verbose"] = true };
            string? text = AgentInvocationText.TryEncode("EmProto\\Start-EvseCharge", parameters, preferences);
            Assert.NotNull(text);
            var (command, p, r) = AgentInvocationText.Decode(text!);
            Assert.Equal("EmProto\\Start-EvseCharge", command);
            Assert.Equal(new[] { "5e5e000000000001", "5e5e00000000000?" }, (string[])p["Serial"]!);
            Assert.Equal(16, p["Maxcurrent"]);
            Assert.Equal(true, p["Force"]);
            Assert.Equal(false, p["Confirm"]);
            Assert.Equal(12.345, p["Energy"]);
            Assert.Equal(10_000_000_000L, p["Big"]);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), p["Timeout"]);
            var back = Assert.IsType<DateTimeOffset>(p["StartAt"]);
            Assert.Equal(at, back);
            Assert.Equal(at.Offset, back.Offset);
            Assert.Equal("Garage ä", p["Name"]);
            Assert.Empty((string[])p["Empty"]!);
            Assert.Equal("Continue", r["ErrorAction"]);
            Assert.Equal(true, r["Verbose"]);
        }

        [Fact]
        public void Objects_and_text_holding_a_separator_are_left_to_CLIXML()
        {
            var none = new Hashtable();
            Assert.Null(AgentInvocationText.TryEncode("EmProto\\Connect-Evse", new Hashtable { ["InputObject"] = new[] { new EvseCharger { Serial = "5e5e000000000001" } } }, none));
            Assert.Null(AgentInvocationText.TryEncode("EmProto\\Set-EvseConfig", new Hashtable { ["Name"] = "a\u001eb" }, none));
            Assert.Null(AgentInvocationText.TryEncode("EmProto\\Get-Evse", new Hashtable { ["Serial"] = new[] { "a\u001db" } }, none));
            Assert.Null(AgentInvocationText.TryEncode("EmProto\\Get-Evse", new Hashtable { ["Anything"] = new Hashtable() }, none));
        }

        [Fact]
        public void A_malformed_text_is_a_FormatException()
        {
            Assert.Throws<FormatException>(() => AgentInvocationText.Decode("P\u001fSerial\u001fs"));
            Assert.Throws<FormatException>(() => AgentInvocationText.Decode("P\u001fSerial\u001fz\u001fx"));
            Assert.Throws<FormatException>(() => AgentInvocationText.Decode("P\u001fSerial\u001fs\u001fx"));
            Assert.Throws<FormatException>(() => AgentInvocationText.Decode("P\u001fMaxCurrent\u001fi\u001fsixteen"));
        }
    }
}
