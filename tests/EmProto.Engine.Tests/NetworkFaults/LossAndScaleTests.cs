using EmProto.Engine.Tests.Loopback;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EmProto.Protocol;

namespace EmProto.Engine.Tests.NetworkFaults
{
    public class LossAndScaleTests
    {
        [Theory]
        [InlineData(11)]
        [InlineData(42)]
        public void Every_operation_succeeds_with_20_percent_loss_and_5_percent_duplication(int seed)
        {
            // Fake time: a lost datagram costs a second of fake time, not a real-time budget that a
            // loaded machine could miss (the rig moves the clock only once the traffic has settled).
            using var rig = new LoopbackRig(fakeTime: true, configure: o =>
            {
                o.RetryCount = 12;
                o.WearGuardInterval = TimeSpan.Zero;
            });
            var sim = rig.Charger(o =>
            {
                o.PluggedIn = true;
                o.Faults.InboundLossRatio = 0.2;
                o.Faults.OutboundLossRatio = 0.2;
                o.Faults.DuplicateRatio = 0.05;
                o.Faults.Seed = seed;
                o.LoginInterval = TimeSpan.FromMilliseconds(200);
            });
            var evse = rig.Connect(sim);
            var config = rig.Run(evse.GetConfigAsync(TimeSpan.Zero));
            Assert.Equal(sim.ConfiguredAmps, config.MaxCurrent);
            rig.Run(evse.SetNameAsync("Lossy"));
            rig.Run(evse.SetMaxCurrentAsync(12));
            rig.Run(evse.SetLanguageAsync(EvseLanguage.French));
            Assert.InRange(rig.Run(evse.GetSystemTimeAsync()).Skew.TotalSeconds, -5, 5);
            rig.Run(evse.SetSystemTimeAsync());
            var start = rig.Run(evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 12, ChargeId = "LOSSY" + seed }));
            LoopbackRig.WaitUntil(() => sim.State == CurrentState.Charging, "the simulator charges");
            Assert.Equal(1, sim.Counters.ChargeStarts);
            rig.Run(evse.StopChargeAsync());
            LoopbackRig.WaitUntil(() => sim.State != CurrentState.Charging, "the simulator stops");
            Assert.Equal("Lossy", sim.Name);
            Assert.Equal(12, sim.ConfiguredAmps);
            Assert.True(sim.Counters.PacketsLost > 0, "the fault injection lost packets");
            Assert.True(rig.Communicator.Counters.Snapshot().Retries > 0, "the engine had to retry");
        }

        [Fact]
        public void Eight_threads_drive_the_same_and_different_chargers_at_once()
        {
            using var rig = new LoopbackRig();
            var sims = Enumerable.Range(0, 4).Select(i => rig.Charger(serial: 0x5e5e000000000100UL + (ulong)i)).ToList();
            var evses = sims.Select(rig.Connect).ToList();
            var work = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
            {
                var evse = evses[t % evses.Count];
                for (int i = 0; i < 5; i++)
                {
                    await evse.GetConfigAsync(TimeSpan.Zero);
                    await evse.SetMaxCurrentAsync(6 + ((t + i) % 10));
                    await evse.GetSystemTimeAsync();
                    await evse.SetNameAsync("T" + t + "-" + i);
                }
            })).ToArray();
            rig.Run(Task.WhenAll(work));
            foreach (var (sim, evse) in sims.Zip(evses))
            {
                Assert.True(evse.IsLoggedIn);
                Assert.StartsWith("T", sim.Name);
            }
            Assert.Equal(0, rig.Communicator.Counters.Snapshot().Timeouts);
        }

        [Fact]
        public void Two_hundred_chargers_share_one_communicator()
        {
            using var rig = new LoopbackRig(configure: o => o.RetryCount = 8);
            var sims = rig.Host.StartMany(new Simulator.SimulatorOptions { Serial = new EvseSerial(0x5e5e000000010000UL), AppEndPoint = rig.AppEndPoint, Password = "123456" }, 200);
            LoopbackRig.WaitUntil(() => rig.Communicator.GetEvses().Count >= 200, "all 200 chargers are discovered", 60);
            var logins = rig.Communicator.GetEvses().Select(e => e.LoginAsync("123456")).ToArray();
            rig.Run(Task.WhenAll(logins));
            Assert.All(rig.Communicator.GetEvses(), e => Assert.True(e.IsLoggedIn));
            LoopbackRig.WaitUntil(() => sims.All(s => s.IsRegistered), "every simulator registers the app", 60);
            var stats = rig.Communicator.Counters.Snapshot();
            long unsolicited = stats.DroppedByReason.TryGetValue("Unsolicited", out var u) ? u : 0;
            Assert.True(stats.Dropped == unsolicited, "drops other than late duplicates: " + string.Join(", ", stats.DroppedByReason.Select(kv => kv.Key + "=" + kv.Value)));
        }
    }
}
