using System;
using System.Threading.Tasks;
using EmProto.Engine.Tests.Loopback;
using EmProto.Protocol;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>
    /// 30 % loss in both directions, 10 % duplication and 10 % reordering on the simulator's side: every
    /// command either succeeds within its retry budget or fails with a timeout — never a wrong result,
    /// never a charge started twice.
    /// </summary>
    public class LossAndDisorderTests
    {
        private readonly ITestOutputHelper _output;

        public LossAndDisorderTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData(3)]
        [InlineData(17)]
        [InlineData(29)]
        public void Commands_succeed_or_time_out_and_never_start_twice_under_loss_duplication_and_reordering(int seed)
        {
            // Fake time: each attempt waits 1 s of fake time, and the rig moves the clock only once the
            // loopback traffic has settled, so a loaded machine delays the test instead of failing it.
            using var rig = new LoopbackRig(fakeTime: true, configure: o =>
            {
                o.RetryCount = 14;
                o.WearGuardInterval = TimeSpan.Zero;
            });
            var sim = rig.Charger(o =>
            {
                o.PluggedIn = true;
                o.Faults.InboundLossRatio = 0.3;
                o.Faults.OutboundLossRatio = 0.3;
                o.Faults.DuplicateRatio = 0.1;
                o.Faults.ReorderRatio = 0.1;
                o.Faults.HoldTime = TimeSpan.FromMilliseconds(100);
                o.Faults.Seed = seed;
                o.LoginInterval = TimeSpan.FromMilliseconds(200);
            });
            var evse = rig.Discover(sim);
            Attempt(rig, () => evse.LoginAsync("123456"));

            int timeouts = 0, starts = 0;
            for (int cycle = 0; cycle < 4; cycle++)
            {
                int amps = 6 + ((seed + cycle * 5) % 20);
                string name = "Loss" + seed + "c" + cycle;
                if (Attempt(rig, () => evse.SetMaxCurrentAsync(amps), ref timeouts)) Assert.Equal(amps, sim.ConfiguredAmps);
                if (Attempt(rig, () => evse.SetNameAsync(name), ref timeouts)) Assert.Equal(name, sim.Name);
                EvseConfig? config = null;
                if (Attempt(rig, async () => config = await evse.GetConfigAsync(TimeSpan.Zero), ref timeouts))
                {
                    // What is read back is what the charger holds — never an older answer that arrived late.
                    Assert.Equal(sim.ConfiguredAmps, config!.MaxCurrent);
                    Assert.Equal(sim.Name, config.Name);
                }

                long before = sim.Counters.ChargeStarts;
                string chargeId = "L" + seed + "C" + cycle;
                ChargeStartResult? started = null;
                bool ok = Attempt(rig, async () => started = await evse.StartChargeAsync(new ChargeStartOptions { MaxCurrent = 10, ChargeId = chargeId }), ref timeouts);
                if (ok)
                {
                    starts++;
                    Assert.Equal(chargeId, started!.ChargeId);
                    LoopbackRig.WaitUntil(() => sim.State == CurrentState.Charging, "the simulator charges");
                    Assert.Equal(before + 1, sim.Counters.ChargeStarts);
                }
                else
                {
                    // A start that timed out may have reached the charger once, never twice.
                    Assert.InRange(sim.Counters.ChargeStarts - before, 0, 1);
                }
                if (sim.State == CurrentState.Charging || sim.Counters.ChargeStarts > before)
                {
                    bool stopped = Attempt(rig, () => evse.StopChargeAsync(), ref timeouts);
                    if (stopped) LoopbackRig.WaitUntil(() => sim.State != CurrentState.Charging, "the simulator stops");
                    else LoopbackRig.WaitUntil(() => StopWithRetries(rig, evse, sim), "the charge is stopped");
                }
                Assert.True(sim.Counters.ChargeStarts - before <= 1, "one StartChargeAsync started " + (sim.Counters.ChargeStarts - before) + " charges");
            }

            var stats = rig.Communicator.Counters.Snapshot();
            _output.WriteLine("seed " + seed + ": starts " + starts + "/4, timeouts " + timeouts + ", retries " + stats.Retries + ", lost " + sim.Counters.PacketsLost +
                ", duplicated " + sim.Counters.PacketsDuplicated + ", reordered " + sim.Counters.PacketsReordered + ", charger starts " + sim.Counters.ChargeStarts + ", refused " + sim.Counters.ChargeStartsRefused);
            Assert.True(starts >= 3, "most starts succeed within the retry budget (" + starts + " of 4; " + timeouts + " timeouts)");
            Assert.True(sim.Counters.PacketsLost > 0 && sim.Counters.PacketsDuplicated > 0 && sim.Counters.PacketsReordered > 0,
                "the faults were injected: lost " + sim.Counters.PacketsLost + ", duplicated " + sim.Counters.PacketsDuplicated + ", reordered " + sim.Counters.PacketsReordered);
            Assert.True(rig.Communicator.Counters.Snapshot().Retries > 0, "the engine had to retry");
            // The session stays up: the engine still holds it (or takes it back at once with the stored password).
            Attempt(rig, () => evse.EnsureLoggedInAsync());
            Assert.True(evse.IsLoggedIn);
        }

        private static bool StopWithRetries(LoopbackRig rig, Evse evse, Simulator.SimulatedEvse sim)
        {
            int ignored = 0;
            if (sim.State != CurrentState.Charging) return true;
            Attempt(rig, () => evse.StopChargeAsync(), ref ignored);
            return sim.State != CurrentState.Charging;
        }

        private static void Attempt(LoopbackRig rig, Func<Task> command)
        {
            int timeouts = 0;
            Assert.True(Attempt(rig, command, ref timeouts), "the command succeeded within its retry budget");
        }

        /// <summary>Runs a command: true when it succeeded, false when it timed out; any other failure fails the test.</summary>
        private static bool Attempt(LoopbackRig rig, Func<Task> command, ref int timeouts)
        {
            try
            {
                rig.Run(command());
                return true;
            }
            catch (EvseTimeoutException)
            {
                timeouts++;
                return false;
            }
        }
    }
}
