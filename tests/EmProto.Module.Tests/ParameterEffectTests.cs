using System;
using System.Diagnostics;
using System.Linq;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Protocol;
using EmProto.Simulator;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>Parameters whose effect only shows at the charger: each test checks what the simulator received.</summary>
    public class ParameterEffectTests : CmdletTestBase
    {
        private const string SimSerial = "5e5e000000000042";

        private static string Id(System.Management.Automation.ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

        private SimulatedEvse StartAndConnect()
        {
            var sim = StartSimulator();
            WaitForCharger(SimSerial);
            var r = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.True(r.Errors.Count == 0, "connects: " + string.Join("; ", r.Errors));
            return sim;
        }

        [Fact]
        public void Start_sends_user_id_duration_and_energy_and_Stop_sends_its_user_id()
        {
            using var sim = StartAndConnect();
            var start = Host.Run("Start-EvseCharge -Serial " + SimSerial + " -MaxCurrent 10 -UserId alice -MaxDuration 01:30:00 -MaxEnergyKWh 5.5");
            Assert.True(start.Errors.Count == 0, string.Join("; ", start.Errors));
            var session = Assert.IsType<SimulatedSession>(sim.Session);
            Assert.Equal("alice", session.UserId);
            Assert.Equal(90, session.MaxDurationMinutes);
            Assert.Equal(550, session.MaxEnergyRaw);
            Assert.Equal(10, session.Amps);

            var stop = Host.Run("Stop-EvseCharge -Serial " + SimSerial + " -UserId bob -Force");
            Assert.True(stop.Errors.Count == 0, string.Join("; ", stop.Errors));
            Assert.Equal("bob", Assert.IsType<SimulatedSession>(sim.Session).EndedBy);
        }

        [Fact]
        public void Set_config_writes_language_temperature_unit_and_offline_charge()
        {
            using var sim = StartAndConnect();
            var r = Host.Run("Set-EvseConfig -Serial " + SimSerial + " -Language German -TemperatureUnit Fahrenheit -OfflineCharge Disabled");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(EvseLanguage.German, sim.Language);
            Assert.Equal(TemperatureUnit.Fahrenheit, sim.TemperatureUnit);
            Assert.Equal((byte)OfflineCharge.Disabled, sim.OfflineCharge);
        }

        [Fact]
        public void Connect_takes_a_credential()
        {
            using var sim = StartSimulator();
            WaitForCharger(SimSerial);
            var r = Host.Run("$p = [securestring]::new(); '123456'.ToCharArray() | ForEach-Object { $p.AppendChar($_) }; $c = [pscredential]::new('admin', $p); Connect-Evse -Serial " + SimSerial + " -Credential $c -PassThru");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.True(Assert.IsType<EvseCharger>(r.Output.Single().BaseObject).Connected);
        }

        [Fact]
        public void Connect_Timeout_bounds_the_login_below_the_communicator_budget()
        {
            // The communicator would try for 4 x 20 s; -Timeout 1 gives up long before.
            var restart = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -RetryCount 3 -Timeout 20");
            Assert.Empty(restart.Errors);
            AddSilentCharger();
            var clock = Stopwatch.StartNew();
            var r = Host.Run("Connect-Evse -Serial " + KnownSerial + " -PlainTextPassword 123456 -Timeout 1");
            Assert.Equal(ErrorIds.CommandTimeout, Id(SingleError(r)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "gave up after " + clock.Elapsed);
        }

        [Fact]
        public void Connect_without_any_password_is_EvsePasswordRequired()
        {
            AddSilentCharger();
            var r = Host.Run("Connect-Evse -Serial " + KnownSerial);
            var e = SingleError(r);
            Assert.Equal(ErrorIds.PasswordRequired, Id(e));
            Assert.Equal(0, DatagramsSent);
        }

        [Fact]
        public void An_unknown_time_zone_is_EvseInvalidTimeZone()
        {
            AddSilentCharger();
            var r = Host.Run("Connect-Evse -Serial " + KnownSerial + " -PlainTextPassword 123456 -TimeZone 'Nowhere/Atlantis'");
            var e = SingleError(r);
            Assert.Equal(ErrorIds.InvalidTimeZone, Id(e));
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void A_second_communicator_without_Force_is_EvseCommunicatorRunning()
        {
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore");
            Assert.Equal(ErrorIds.CommunicatorRunning, Id(SingleError(r)));
            Assert.True(Communicator.IsRunning, "the running communicator is kept");
        }

        [Fact]
        public void A_negative_Find_timeout_is_refused_when_binding()
        {
            var r = Host.Run("Find-Evse -Timeout ([timespan]::FromSeconds(-1))");
            Assert.Equal("ParameterArgumentTransformationError", Id(SingleError(r)));
            Assert.Equal(0, DatagramsSent);
        }

        [Fact]
        public void Set_config_without_a_setting_is_EvseNoSetting()
        {
            AddSilentCharger();
            var r = Host.Run("Set-EvseConfig -Serial " + KnownSerial);
            Assert.Equal(ErrorIds.NoSetting, Id(SingleError(r)));
            Assert.Equal(0, DatagramsSent);
        }

        [Fact]
        public void Find_filters_by_name_and_model()
        {
            using var sim = StartAndConnect();
            Host.Run("Get-EvseConfig -Serial " + SimSerial + " -MaxAge 0 | Out-Null");
            var r = Host.Run("@(Find-Evse -Timeout 0 -Name gar*).Count; @(Find-Evse -Timeout 0 -Name Shed).Count; @(Find-Evse -Timeout 0 -Model *).Count; @(Find-Evse -Timeout 0 -Model 'no such model').Count");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(new object[] { 1, 0, 1, 0 }, r.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public void Waiting_for_a_state_that_does_not_come_is_EvseWaitTimeout()
        {
            using var sim = StartAndConnect();
            var clock = Stopwatch.StartNew();
            var r = Host.Run("Wait-Evse -Serial " + SimSerial + " -State Charging -Timeout 1");
            Assert.Equal(ErrorIds.WaitTimeout, Id(SingleError(r)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "gave up after " + clock.Elapsed);
        }

        [Fact]
        public void Waiting_for_a_status_of_a_silent_charger_is_EvseStateTimeout()
        {
            using var sim = StartAndConnect();
            sim.Stop();
            // A status sent just before the stop must not count as the fresh one the wait asks for.
            SettleReceive();
            var r = Host.Run("Get-EvseState -Serial " + SimSerial + " -Wait -Timeout 1");
            Assert.Equal(ErrorIds.StateTimeout, Id(SingleError(r)));
        }

        [Fact]
        public void Invalid_start_values_are_refused_with_their_own_ids()
        {
            using var sim = StartAndConnect();
            var r = Host.Run("Start-EvseCharge -Serial " + SimSerial + " -UserId 'J\u00fcrgen'");
            Assert.Equal(ErrorIds.InvalidUserId, Id(SingleError(r)));
            r = Host.Run("Start-EvseCharge -Serial " + SimSerial + " -ChargeId 'caf\u00e9'");
            Assert.Equal(ErrorIds.InvalidChargeId, Id(SingleError(r)));
            r = Host.Run("Set-EvseConfig -Serial " + SimSerial + " -Name 'G\u00e4rage'");
            Assert.Equal(ErrorIds.InvalidName, Id(SingleError(r)));
            Assert.Null(sim.Session);
        }

        [Fact]
        public void Set_simulator_Clock_sets_the_charger_clock()
        {
            var r = Host.Run("Start-EvseSimulator -Serial 7e5a000000000003 -AppEndPoint 127.0.0.1:9; Set-EvseSimulator -Serial 7e5a000000000003 -Clock '2031-05-06T07:08:09Z' -PassThru");
            try
            {
                Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
                var sim = (SimulatedEvse)r.Output.Last().BaseObject;
                var expected = DateTimeOffset.Parse("2031-05-06T07:08:09Z", System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(sim.Clock - expected, TimeSpan.Zero, TimeSpan.FromMinutes(5));
            }
            finally
            {
                Host.Run("Stop-EvseSimulator -Serial 7e5a000000000003 -Confirm:$false");
            }
        }
    }
}
