using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Simulator;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// Discovery with real broadcasts: a simulated charger in one network namespace announces itself
    /// to the veth subnet's broadcast address; a communicator with the module's default socket settings
    /// (0.0.0.0:28376, broadcast enabled) in the other namespace finds it, logs in and controls it.
    /// </summary>
    public class RealBroadcastTests
    {
        private readonly ITestOutputHelper _output;

        public RealBroadcastTests(ITestOutputHelper output) => _output = output;

        [SkippableFact]
        public void A_charger_broadcasting_on_a_private_veth_link_is_discovered_with_the_default_socket_settings()
        {
            string? why = NetworkNamespaces.WhyUnavailable();
            Skip.If(why != null, "Skipped: " + why + ".");
            string? leftA = null, leftB = null;
            try
            {
                using var link = new NetworkNamespaces();
                leftA = link.NamespaceA;
                leftB = link.NamespaceB;
                Broadcast_discovery_login_and_control(link);
            }
            finally
            {
                // Nothing is left behind, whatever happened above.
                var left = NetworkNamespaces.OwnedByThisProcess();
                Assert.True(left.Count == 0, "network namespaces left behind: " + string.Join(", ", left));
            }
            Assert.NotNull(leftA);
            Assert.NotNull(leftB);
        }

        [SkippableFact]
        public void Namespaces_left_by_a_test_host_that_died_are_deleted_by_the_next_run()
        {
            string? why = NetworkNamespaces.WhyUnavailable();
            Skip.If(why != null, "Skipped: " + why + ".");
            // As if a test host with a pid that no longer exists had been killed while its link was up.
            string stale = NetworkNamespaces.Prefix + "999999999-1-123456-a";
            var add = System.Diagnostics.Process.Start("ip", "netns add " + stale);
            Assert.True(add.WaitForExit(30_000) && add.ExitCode == 0, "the stale namespace was created for the test");
            try
            {
                Assert.True(System.IO.File.Exists("/var/run/netns/" + stale));
                var removed = NetworkNamespaces.RemoveStale();
                Assert.Contains(stale, removed);
                Assert.False(System.IO.File.Exists("/var/run/netns/" + stale), stale + " was deleted");
                // A namespace of a live test host (this one) is never touched.
                using var link = new NetworkNamespaces();
                Assert.DoesNotContain(link.NamespaceA, NetworkNamespaces.RemoveStale());
                Assert.True(System.IO.File.Exists("/var/run/netns/" + link.NamespaceA));
            }
            finally
            {
                System.Diagnostics.Process.Start("ip", "netns del " + stale)?.WaitForExit(30_000);
            }
        }

        private void Broadcast_discovery_login_and_control(NetworkNamespaces link)
        {
            var defaults = new CommunicatorOptions();
            Assert.Equal(IPAddress.Any, defaults.LocalAddress);
            Assert.Equal(CommunicatorOptions.DefaultPort, defaults.Port);
            Assert.True(defaults.EnableBroadcast);
            Assert.Null(defaults.StorePath);

            var communicator = NetworkNamespaces.Inside(link.NamespaceA, () =>
            {
                var c = new EvseCommunicator(defaults);
                c.Start();
                return c;
            });
            var host = new EvseSimulatorHost(TimeProvider.System);
            try
            {
                Assert.Equal(new IPEndPoint(IPAddress.Any, CommunicatorOptions.DefaultPort), communicator.LocalEndPoint);
                var serial = new EvseSerial(0x5e5e0000000000d1UL);
                var sim = NetworkNamespaces.Inside(link.NamespaceB, () => host.Start(new SimulatorOptions
                {
                    Serial = serial,
                    Password = "123456",
                    PluggedIn = true,
                    AllowNetworkEndPoints = true,
                    AppEndPoint = new IPEndPoint(IPAddress.Parse(link.Broadcast), CommunicatorOptions.DefaultPort),
                    LocalEndPoint = new IPEndPoint(IPAddress.Parse(link.AddressB), 0),
                    LoginInterval = TimeSpan.FromMilliseconds(300),
                }));

                Evse? evse = null;
                Assert.True(SpinWait.SpinUntil(() => (evse = communicator.GetEvse(serial.ToString())) != null && evse.Info.Brand.Length > 0, TimeSpan.FromSeconds(30)),
                    "the charger's broadcast Login reached the communicator in the other namespace");
                Assert.Equal(IPAddress.Parse(link.AddressB), evse!.EndPoint!.Address);
                Assert.Equal(sim.LocalEndPoint!.Port, evse.EndPoint.Port);
                Assert.Equal("EmProto", evse.Info.Brand);

                // Over the same link: log in (the charger answers to the broadcast address) and control it.
                Wait(evse.LoginAsync("123456"));
                Assert.True(evse.IsLoggedIn);
                Wait(evse.SetNameAsync("Veth"));
                Assert.Equal("Veth", sim.Name);
                _output.WriteLine("discovered " + serial + " at " + evse.EndPoint + " from the broadcasts to " + link.Broadcast + "; logins sent " + sim.Counters.LoginsSent);
            }
            finally
            {
                host.Dispose();
                communicator.Dispose();
            }
        }

        [Fact]
        public void The_simulator_leaves_loopback_only_when_told_to()
        {
            var options = new SimulatorOptions { AppEndPoint = new IPEndPoint(IPAddress.Parse("10.231.77.255"), CommunicatorOptions.DefaultPort) }; // the veth link's broadcast address, inside the test's own network namespaces
            var error = Assert.Throws<ArgumentException>(() => options.Validate());
            Assert.Contains("loopback", error.Message);
            options.LocalEndPoint = new IPEndPoint(IPAddress.Parse("10.231.77.2"), 0);
            options.AllowNetworkEndPoints = true;
            options.Validate();
        }

        private static void Wait(Task task)
        {
            Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the command finished");
        }
    }
}
