using System;
using System.Linq;
using System.Net;
using EmProto.Engine;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// A charger whose clock is right in another time zone: Get-EvseSystemTime and Set-EvseSystemTime warn
    /// (Set before it changes anything, -WhatIf still sending nothing). The views are checked in tests/pester/Views.Tests.ps1.
    /// </summary>
    public sealed class TimeZoneHintTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e0000000000a7";

        /// <summary>A simulated charger on wall-clock time three hours ahead of UTC; the communicator thinks it is in UTC.</summary>
        private SimulatedEvse StartInOtherZone()
        {
            var sim = new SimulatedEvse(new SimulatorOptions
            {
                Serial = EmProto.Protocol.EvseSerial.Parse(SimSerial),
                Password = "123456",
                Name = "Abroad",
                TimeZone = TimeZoneInfo.CreateCustomTimeZone("Test+3", TimeSpan.FromHours(3), "Test+3", "Test+3"),
                AppEndPoint = new IPEndPoint(IPAddress.Loopback, Communicator.LocalEndPoint!.Port),
                LoginInterval = TimeSpan.FromSeconds(1),
                StatusInterval = TimeSpan.FromSeconds(2),
            });
            sim.Start();
            WaitForCharger(SimSerial);
            var r = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456 -TimeZone UTC");
            Assert.True(r.Errors.Count == 0, "connects: " + string.Join("; ", r.Errors));
            return sim;
        }

        /// <summary>Runs a script and counts the clock requests (read or set) sent meanwhile; other traffic (keep-alives) is ignored.</summary>
        private ModuleHost.Result RunCountingClockRequests(string script, out int count)
        {
            int seen = 0;
            EventHandler<DatagramTrafficEventArgs> handler = (s, e) =>
            {
                if (e.Direction == TrafficDirection.Sent && e.Command == EmProto.Protocol.EmCommand.SetAndGetSystemTime) System.Threading.Interlocked.Increment(ref seen);
            };
            Communicator.DatagramTraffic += handler;
            try
            {
                var r = Host.Run(script);
                Communicator.FlushEventsAsync().Wait(TimeSpan.FromSeconds(10));
                count = System.Threading.Volatile.Read(ref seen);
                return r;
            }
            finally
            {
                Communicator.DatagramTraffic -= handler;
            }
        }

        [Fact]
        public void Set_EvseSystemTime_warns_before_changing_a_clock_right_in_another_zone()
        {
            using var sim = StartInOtherZone();
            var r = Host.Run("Set-EvseSystemTime -Serial " + SimSerial + " -Confirm:$false -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var warning = Assert.Single(r.Warnings);
            Assert.Contains("+3 h", warning.Message, StringComparison.Ordinal);
            Assert.Contains("-TimeZone", warning.Message, StringComparison.Ordinal);
            Assert.IsType<EvseSystemTime>(Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void Under_WhatIf_the_warning_comes_from_the_last_reading_and_nothing_is_sent()
        {
            using var sim = StartInOtherZone();
            var read = Host.Run("Get-EvseSystemTime -Serial " + SimSerial);
            Assert.Contains(read.Warnings, w => w.Message.Contains("+3 h", StringComparison.Ordinal));
            Assert.NotNull(Assert.IsType<EvseSystemTime>(Assert.Single(read.Output).BaseObject).TimeZoneHint);

            var r = RunCountingClockRequests("Set-EvseSystemTime -Serial " + SimSerial + " -WhatIf", out int clockRequests);
            Assert.Equal(0, clockRequests);
            Assert.Contains(r.Warnings, w => w.Message.Contains("+3 h", StringComparison.Ordinal));
        }

        [Fact]
        public void Under_WhatIf_without_a_reading_nothing_is_sent()
        {
            using var sim = StartInOtherZone();
            var r = RunCountingClockRequests("Set-EvseSystemTime -Serial " + SimSerial + " -WhatIf", out int clockRequests);
            Assert.Equal(0, clockRequests);
            Assert.Empty(r.Errors);
        }
    }
}
