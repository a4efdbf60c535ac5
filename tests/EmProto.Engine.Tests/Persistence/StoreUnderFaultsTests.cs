using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using EmProto.Engine.Persistence;
using Xunit.Abstractions;

namespace EmProto.Engine.Tests.Persistence
{
    public sealed class StoreUnderFaultsTests : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "emproto-faults-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _output;

        public StoreUnderFaultsTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(_dir);
        }

        private string StorePath => Path.Combine(_dir, "evses.json");

        public void Dispose() => Directory.Delete(_dir, true);

        [Fact]
        public void A_writer_killed_at_random_moments_leaves_the_old_or_the_new_store_never_a_broken_one()
        {
            // The test relies on kills that land in the middle of a save (the writer's last line is
            // "saving i", no "saved i" after it): it keeps killing until that happened RequiredMidSaveKills
            // times, and fails if MaxIterations kills were not enough.
            const int RequiredMidSaveKills = 12;
            const int MaxIterations = 72;
            const string Prefix = "a0000000";
            var random = new DeterministicRandom(424242);
            int committed = -1; // chargers 0..committed are in the file
            int killedMidSave = 0, landed = 0, iteration = 0;

            for (; iteration < MaxIterations && killedMidSave < RequiredMidSaveKills; iteration++)
            {
                int first = committed + 1;
                int lastSaved = committed;
                using (var child = ChildProcess.Store(StorePath, first, 100_000, Prefix))
                {
                    if (random.Next(4) == 0)
                    {
                        // Anywhere from runtime start-up through loading to the first saves.
                        Thread.Sleep(random.Next(400)); // the seeded kill moment, not a wait for a condition
                    }
                    else
                    {
                        int target = first + random.Next(10);
                        var line = child.WaitForLine(l => l.StartsWith("saving ", StringComparison.Ordinal) && Index(l) >= target, Patience);
                        Assert.True(line != null, "Iteration " + iteration + ": the writer did not reach save " + target + ": " + string.Join(" | ", child.Lines.TakeLast(5)));
                        Thread.SpinWait(random.Next(200_000)); // the seeded kill moment: inside this save or a later one
                    }
                    child.KillHard();
                    Assert.True(child.WaitForExit(Patience), "Iteration " + iteration + ": the killed writer did not exit.");
                    var lines = child.Lines;
                    Assert.False(lines.Any(l => l.StartsWith("problem", StringComparison.Ordinal) || l.StartsWith("stderr", StringComparison.Ordinal)),
                        "Iteration " + iteration + ": the writer could not use the store left by the previous kill: " + string.Join(" | ", lines));
                    foreach (var l in lines) if (l.StartsWith("saved ", StringComparison.Ordinal)) lastSaved = Index(l);
                    if (lines.Length > 0 && lines[lines.Length - 1].StartsWith("saving ", StringComparison.Ordinal)) killedMidSave++;
                }

                List<StoredEvse> stored;
                try
                {
                    stored = EvseStore.Load(StorePath);
                }
                catch (EvseException ex)
                {
                    throw new Xunit.Sdk.XunitException("Iteration " + iteration + ": the store is corrupt after a kill: " + ex.Message);
                }
                var indexes = stored.Select(s => Convert.ToInt32(s.Serial.Substring(8), 16)).OrderBy(i => i).ToArray();
                int highest = indexes.Length == 0 ? -1 : indexes[indexes.Length - 1];
                Assert.True(indexes.SequenceEqual(Enumerable.Range(0, highest + 1)), "Iteration " + iteration + ": chargers missing from the store: " + string.Join(",", indexes));
                Assert.True(highest == lastSaved || highest == lastSaved + 1,
                    "Iteration " + iteration + ": the store holds chargers 0.." + highest + " but the last completed save was " + lastSaved + " (old or new content expected).");
                if (highest == lastSaved + 1) landed++;
                committed = highest;
            }
            _output.WriteLine(iteration + " kill -9 iterations; " + (committed + 1) + " saves committed; killed with a save in progress " + killedMidSave + " times, of which the save had landed " + landed + " times");
            Assert.True(killedMidSave >= RequiredMidSaveKills,
                "only " + killedMidSave + " of " + iteration + " kills landed in the middle of a save (" + RequiredMidSaveKills + " needed): the test did not exercise what it checks");

            // What the kills left behind (lock file, temp files) does not stop the next writer.
            using (var last = ChildProcess.Store(StorePath, committed + 1, 1, Prefix))
            {
                Assert.True(last.WaitForExit(Patience), "The final writer did not finish.");
                Assert.True(last.ExitCode == 0, "The final writer failed: " + string.Join(" | ", last.Lines));
            }
            Assert.Equal(committed + 2, EvseStore.Load(StorePath).Count);
        }

        [Fact]
        public void Two_processes_saving_at_once_keep_every_one_of_each_others_chargers()
        {
            const int Saves = 60;
            using var one = ChildProcess.Store(StorePath, 0, Saves, "a0000000");
            using var two = ChildProcess.Store(StorePath, 0, Saves, "b0000000");
            Assert.True(one.WaitForExit(TimeSpan.FromSeconds(120)), "The first writer did not finish.");
            Assert.True(two.WaitForExit(TimeSpan.FromSeconds(120)), "The second writer did not finish.");
            Assert.True(one.ExitCode == 0, "The first writer failed: " + string.Join(" | ", one.Lines.TakeLast(5)));
            Assert.True(two.ExitCode == 0, "The second writer failed: " + string.Join(" | ", two.Lines.TakeLast(5)));

            var serials = new HashSet<string>(EvseStore.Load(StorePath).Select(s => s.Serial), StringComparer.Ordinal);
            var missing = new List<string>();
            for (int i = 0; i < Saves; i++)
            {
                foreach (var prefix in new[] { "a0000000", "b0000000" })
                {
                    var serial = prefix + i.ToString("x8", CultureInfo.InvariantCulture);
                    if (!serials.Contains(serial)) missing.Add(serial);
                }
            }
            Assert.True(missing.Count == 0, missing.Count + " chargers were lost by concurrent saves (a writer overwrote what the other had just saved): " + string.Join(", ", missing));
            Assert.Equal(2 * Saves, serials.Count);
        }

        private static int Index(string line) => int.Parse(line.Substring(line.IndexOf(' ', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
    }
}
