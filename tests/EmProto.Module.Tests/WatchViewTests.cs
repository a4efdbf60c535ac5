using System;
using System.Collections.Generic;
using System.Linq;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Protocol;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>The layout of Watch-Evse (sparkline, live screen, plain lines, redraw sequences), without a console.</summary>
    public sealed class WatchViewTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        private static WatchRow Charging(int phases = 3, string name = "Garage", EvseErrors errors = EvseErrors.None)
        {
            var history = new PowerHistory();
            for (int s = -60; s <= 0; s++) history.Add(T0.AddSeconds(s), s < -30 ? 3.5 : 11.0);
            return new WatchRow
            {
                Serial = "9181102751219513",
                Name = name,
                Phases = phases,
                Online = true,
                LoggedIn = true,
                LastSeen = T0.AddSeconds(-2),
                State = EvseMetaState.Charging,
                Status = new EvseState
                {
                    Serial = "9181102751219513",
                    ReceivedAt = T0.AddSeconds(-2),
                    State = EvseMetaState.Charging,
                    PowerKW = 11.04,
                    L1Amps = 16, L2Amps = 15.9, L3Amps = 16.1,
                    Phases = phases,
                    Errors = errors,
                },
                SessionKWh = 3.456,
                FullScaleKW = 11.04,
                History = history,
            };
        }

        private static List<string> Screen(IReadOnlyList<WatchRow> rows, int width, int height = 40) =>
            WatchView.Live(rows, T0, null, width, height).Select(l => l.Render(width - 1, color: false)).ToList();

        [Fact]
        public void History_keeps_the_highest_reading_of_each_ten_seconds_oldest_first()
        {
            var h = new PowerHistory();
            h.Add(T0.AddSeconds(-25), 2.0);
            h.Add(T0.AddSeconds(-21), 5.0);
            h.Add(T0.AddSeconds(-20), 1.0);
            h.Add(T0, 7.0);
            // Buckets: [-30 s, -20 s) holds 2 and 5, [-20 s, -10 s) holds 1, [-10 s, 0) nothing, [0, 10 s) holds 7.
            var last = h.Last(5, T0);
            Assert.Equal(new double?[] { null, 5.0, 1.0, null, 7.0 }, last);
        }

        [Fact]
        public void History_forgets_readings_older_than_its_capacity_and_ignores_late_old_ones()
        {
            var h = new PowerHistory();
            h.Add(T0, 4.0);
            var later = T0 + TimeSpan.FromTicks(PowerHistory.BucketLength.Ticks * PowerHistory.Capacity);
            h.Add(later, 6.0);
            h.Add(T0, 9.0);   // older than what now holds its slot: ignored
            Assert.Equal(new double?[] { 6.0 }, h.Last(1, later));
            Assert.All(h.Last(PowerHistory.Capacity, later).Take(PowerHistory.Capacity - 1), v => Assert.Null(v));
        }

        [Fact]
        public void Sparkline_draws_gaps_as_blanks_nothing_as_the_lowest_block_and_full_power_as_the_highest()
        {
            string line = PowerHistory.Sparkline(new double?[] { null, 0, 0.01, 5.5, 11 }, 11);
            Assert.Equal(" \u2581\u2582\u2585\u2588", line);
        }

        [Fact]
        public void Sparkline_scales_to_the_highest_reading_when_the_full_scale_is_unknown_or_exceeded()
        {
            Assert.Equal("\u2588\u2585", PowerHistory.Sparkline(new double?[] { 8, 4 }, 0));
            Assert.Equal("\u2588\u2585", PowerHistory.Sparkline(new double?[] { 8, 4 }, 2));
        }

        [Fact]
        public void The_live_screen_fits_80_columns_and_shows_state_power_sparkline_energy_amps_and_errors()
        {
            var screen = Screen(new[] { Charging(errors: EvseErrors.OverVoltage | EvseErrors.LowVoltage) }, 80);
            Assert.All(screen, l => Assert.True(l.Length < 80, "wider than 79 columns: '" + l + "'"));
            Assert.StartsWith("Watch-Evse  ", screen[0]);
            Assert.Contains("Ctrl+C", screen[0]);
            Assert.Contains("Garage  9181102751219513", screen[2]);
            Assert.Contains("status 2 s old", screen[2]);
            Assert.Matches(@"^  Charging\s+11\.04 kW [ \u2581-\u2588]+\s+3\.46 kWh  L1 16\.0  L2 15\.9  L3 16\.1 A$", screen[3]);
            Assert.Contains("\u2588", screen[3]);
            Assert.Contains("\u2584", screen[3]);   // the 3.5 kW half minute before
            Assert.Equal("  ! errors: OverVoltage, LowVoltage", screen[4]);
        }

        [Fact]
        public void A_wider_window_gets_a_wider_sparkline_that_covers_more_minutes()
        {
            var rows = new[] { Charging() };
            int narrow = WatchView.SparklineWidth(rows, 79), wide = WatchView.SparklineWidth(rows, 119);
            Assert.Equal(40, wide - narrow);
            var at80 = Screen(rows, 80);
            var at120 = Screen(rows, 120);
            Assert.All(at120, l => Assert.True(l.Length < 120, "wider than 119 columns: '" + l + "'"));
            Assert.Equal(at80[3].IndexOf(" kWh", StringComparison.Ordinal) + 40, at120[3].IndexOf(" kWh", StringComparison.Ordinal));
            Assert.Contains("kW graph 2.5 min", at80[0]);
            Assert.Contains("kW graph 9.2 min", at120[0]);
        }

        [Fact]
        public void The_header_with_an_end_time_fits_80_columns_even_for_many_single_phase_chargers()
        {
            var rows = Enumerable.Range(0, 12).Select(i => Charging(phases: 1, name: "Charger" + i)).ToArray();
            var header = WatchView.Live(rows, T0, T0.AddMinutes(5), 80, 40)[0].ToString();
            Assert.True(header.Length < 80, "wider than 79 columns: '" + header + "'");
            Assert.Matches(@"^Watch-Evse  \d\d:\d\d:\d\d  12 chargers  kW graph 5\.5 min  ends \d\d:\d\d:\d\d or Ctrl\+C$", header);
        }

        [Fact]
        public void A_single_phase_charger_shows_L1_only()
        {
            var screen = Screen(new[] { Charging(phases: 1) }, 80);
            Assert.EndsWith("L1 16.0 A", screen[3]);
            Assert.DoesNotContain("L2", screen[3]);
        }

        [Fact]
        public void A_charger_that_is_not_logged_in_says_so_and_shows_no_stale_readings()
        {
            var row = Charging();
            row.LoggedIn = false;
            row.Status = null;
            row.SessionKWh = null;
            var screen = Screen(new[] { row }, 80);
            Assert.EndsWith("not logged in, seen 2 s ago", screen[2]);
            Assert.Matches(@"^  -\s+- kW .*- kWh\s*$", screen[3]);
            Assert.Contains("(not logged in)", WatchView.Plain(row));
        }

        [Fact]
        public void Chargers_that_do_not_fit_the_window_height_are_counted_on_the_last_line()
        {
            var rows = Enumerable.Range(0, 10).Select(i => Charging(name: "Charger" + i)).ToArray();
            var screen = Screen(rows, 80, height: 10);
            Assert.True(screen.Count <= 9, "the screen leaves the last window line free");
            Assert.Matches(@"^\.\.\. \d+ more chargers below", screen[screen.Count - 1]);
        }

        [Fact]
        public void Without_chargers_the_screen_says_how_to_add_them()
        {
            var screen = Screen(Array.Empty<WatchRow>(), 80);
            Assert.Contains("0 chargers", screen[0]);
            Assert.StartsWith("No chargers known yet", screen[2]);
        }

        [Fact]
        public void A_plain_line_holds_the_readings_without_escape_sequences_and_repeats_exactly_when_nothing_changed()
        {
            string line = WatchView.Plain(Charging());
            Assert.Equal("Garage 9181102751219513  Charging  11.04 kW  3.46 kWh  L1 16.0  L2 15.9  L3 16.1 A", line);
            Assert.Equal(line, WatchView.Plain(Charging()));
            var changed = Charging();
            changed.Status!.PowerKW = 7.2;
            Assert.NotEqual(line, WatchView.Plain(changed));
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", WatchView.Timestamp(T0));
        }

        [Fact]
        public void A_line_is_cut_by_its_visible_characters_and_colour_codes_do_not_count()
        {
            var line = new ConsoleLine().Append("abc", "32").Append("defgh");
            Assert.Equal("abcde", line.Render(5, color: false));
            Assert.Equal("\u001b[32mabc\u001b[0mde", line.Render(5, color: true));
            Assert.Equal(8, line.Length);
        }

        [Fact]
        public void Frames_redraw_in_place_and_start_afresh_when_the_window_size_changes()
        {
            var writer = new LiveFrameWriter();
            string first = writer.Frame(new[] { "a", "b", "c" }, 80, 24);
            Assert.Equal("a\u001b[K\r\nb\u001b[K\r\nc\u001b[K\u001b[J", first);
            string second = writer.Frame(new[] { "x", "y" }, 80, 24);
            Assert.StartsWith("\r\u001b[2A", second);   // back to the first line of the three drawn before
            Assert.EndsWith("y\u001b[K\u001b[J", second);  // and what the shorter screen leaves below is cleared
            string wider = writer.Frame(new[] { "z" }, 120, 24);
            Assert.StartsWith("\u001b[2J\u001b[H", wider);
            string shorter = writer.Frame(new[] { "z" }, 120, 10);
            Assert.StartsWith("\u001b[2J\u001b[H", shorter);
            Assert.Equal("\r\n\u001b[?25h", writer.End());
            Assert.Equal("\u001b[?25l", LiveFrameWriter.Begin());
        }
    }
}
