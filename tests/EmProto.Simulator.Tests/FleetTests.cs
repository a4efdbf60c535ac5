using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EmProto.Protocol;
using Xunit;

namespace EmProto.Simulator.Tests
{
    public class FleetTests
    {
        [Fact]
        public async Task A_thousand_chargers_start_announce_to_one_socket_and_stop_cleanly()
        {
            using var app = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            app.Client.ReceiveBufferSize = 4 * 1024 * 1024;
            var seen = new ConcurrentDictionary<EvseSerial, bool>();
            using var cts = new CancellationTokenSource();
            var receiver = Task.Run(async () =>
            {
                while (!cts.IsCancellationRequested)
                {
                    UdpReceiveResult r;
                    try { r = await app.ReceiveAsync(cts.Token); }
                    catch (OperationCanceledException) { return; }
                    if (DatagramCodec.TryDecode(r.Buffer, 0, r.Buffer.Length, out var d, out _) == DecodeError.None && d.Command == EmCommand.Login)
                        seen.TryAdd(d.Serial, true);
                }
            });
            var template = new SimulatorOptions
            {
                AppEndPoint = (IPEndPoint)app.Client.LocalEndPoint!,
                Serial = new EvseSerial(0x1000_0000_0000_0000UL),
                LoginInterval = TimeSpan.FromSeconds(1),
            };
            using var host = new EvseSimulatorHost();
            var chargers = host.StartMany(template, 1000);
            Assert.Equal(1000, chargers.Count);
            Assert.Equal(new EvseSerial(0x1000_0000_0000_03E7UL), chargers[999].Serial);
            Assert.True(SpinWait.SpinUntil(() => seen.Count == 1000, TimeSpan.FromSeconds(60)),
                "Logins arrived from " + seen.Count + " of 1000 chargers within 60 s");
            host.StopAll();
            Assert.Empty(host.Chargers);
            Assert.All(chargers, c => Assert.False(c.IsRunning));
            cts.Cancel();
            await receiver.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
