using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using EmProto.Simulator;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.Reliability2
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
            using var link = new NetworkNamespaces();
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
