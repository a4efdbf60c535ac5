using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>
    /// Lays out what Watch-Evse shows: the live screen (a header, then two or three lines per charger, as wide
    /// as the window) and the plain lines written when the output is not a console. Pure functions of snapshots.
    /// </summary>
    internal static class WatchView
    {
        /// <summary>Characters before the sparkline on a charger's reading line: indent, state, power.</summary>
        private const int StateWidth = 10;

        /// <summary>The narrowest sparkline drawn.</summary>
        private const int MinSparkline = 4;

        private const string Green = "32", Red = "31", Yellow = "33", Cyan = "36", Dim = "90", Bold = "1";

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        /// <summary>
        /// The lines of the live screen for a window of <paramref name="width"/> × <paramref name="height"/>; each line
        /// has fewer visible characters than the width (the last column stays free so no terminal wraps).
        /// </summary>
        public static IReadOnlyList<ConsoleLine> Live(IReadOnlyList<WatchRow> rows, DateTimeOffset now, DateTimeOffset? endsAt, int width, int height)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            int usable = Math.Max(1, width - 1);
            int sparkWidth = SparklineWidth(rows, usable);
            var lines = new List<ConsoleLine>();

            var header = new ConsoleLine()
                .Append("Watch-Evse", Bold)
                .Append("  " + now.ToLocalTime().ToString("HH:mm:ss", Inv))
                .Append("  " + rows.Count.ToString(Inv) + (rows.Count == 1 ? " charger" : " chargers"))
                .Append("  kW graph " + SpanText(TimeSpan.FromTicks(PowerHistory.BucketLength.Ticks * sparkWidth)))
                .Append(endsAt.HasValue ? "  ends " + endsAt.Value.ToLocalTime().ToString("HH:mm:ss", Inv) + " or Ctrl+C" : "  Ctrl+C ends", Dim);
            lines.Add(header);
            lines.Add(new ConsoleLine().Append(new string('\u2500', usable), Dim));

            if (rows.Count == 0)
            {
                lines.Add(new ConsoleLine().Append("No chargers known yet: Find-Evse or Connect-Evse -IPAddress adds them, and they show here.", Dim));
                return lines;
            }

            int room = Math.Max(3, height - 1);
            for (int i = 0; i < rows.Count; i++)
            {
                var block = Block(rows[i], now, usable, sparkWidth);
                bool last = i == rows.Count - 1;
                // Keep one line free for the note about the chargers that do not fit.
                if (lines.Count + block.Count > room - (last ? 0 : 1))
                {
                    int more = rows.Count - i;
                    lines.Add(new ConsoleLine().Append("... " + more.ToString(Inv) + " more " + (more == 1 ? "charger" : "chargers") +
                        " below: make the window taller, or pick chargers with -Name or -Serial.", Dim));
                    break;
                }
                lines.AddRange(block);
            }
            return lines;
        }

        /// <summary>One charger as a plain line (without the time stamp): the same line again means nothing changed.</summary>
        public static string Plain(WatchRow row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            var sb = new StringBuilder();
            sb.Append(row.Name.Length > 0 ? row.Name + " " + row.Serial : row.Serial);
            sb.Append("  ").Append(StateText(row));
            var s = row.Status;
            if (s != null)
            {
                sb.Append("  ").Append(s.PowerKW.ToString("0.00", Inv)).Append(" kW");
                sb.Append("  ").Append(row.SessionKWh.HasValue ? row.SessionKWh.Value.ToString("0.00", Inv) + " kWh" : "no session");
                sb.Append("  ").Append(Amps(row, s, compact: true));
                if (s.HasError) sb.Append("  errors: ").Append(s.Errors.ToString());
            }
            string? note = Note(row);
            if (note != null) sb.Append("  (").Append(note).Append(')');
            return sb.ToString();
        }

        /// <summary>The time stamp that starts a plain line: the host's local time.</summary>
        public static string Timestamp(DateTimeOffset now) => now.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", Inv);

        /// <summary>The sparkline width that fills a line of <paramref name="usable"/> characters.</summary>
        internal static int SparklineWidth(IReadOnlyList<WatchRow> rows, int usable)
        {
            int amps = AmpsWidth(false);
            foreach (var row in rows)
            {
                if (row.Phases > 1) amps = AmpsWidth(true);
            }
            // "  " state " " power(6) " kW " [spark] " " energy(7) " kWh" "  " amps
            int fixedWidth = 2 + StateWidth + 1 + 6 + 4 + 1 + 7 + 4 + 2 + amps;
            return Math.Max(MinSparkline, Math.Min(PowerHistory.Capacity, usable - fixedWidth));
        }

        private static List<ConsoleLine> Block(WatchRow row, DateTimeOffset now, int usable, int sparkWidth)
        {
            var block = new List<ConsoleLine>(3);

            string status = Status(row, now);
            var title = new ConsoleLine().Append(row.Title, Bold);
            if (row.Name.Length > 0) title.Append("  " + row.Serial);
            if (row.Phases > 1) title.Append("  3-phase", Dim);
            int statusColumn = usable - status.Length;
            title.PadTo(statusColumn, 2).Append(status, row.Status == null ? Yellow : Dim);
            block.Add(title);

            var s = row.Status;
            var readings = new ConsoleLine().Append("  ").Append(Fit(StateText(row), StateWidth), row.Status != null || !row.Online ? StateColor(row.State) : Dim).Append(" ");
            readings.Append(s != null ? s.PowerKW.ToString("0.00", Inv).PadLeft(6) : "     -").Append(" kW ");
            readings.Append(PowerHistory.Sparkline(row.History.Last(sparkWidth, now), row.FullScaleKW), row.State == EvseMetaState.Charging ? Green : null);
            readings.Append(" ").Append(row.SessionKWh.HasValue ? row.SessionKWh.Value.ToString("0.00", Inv).PadLeft(7) : "      -").Append(" kWh");
            readings.Append("  ").Append(s != null ? Amps(row, s, compact: false) : string.Empty);
            block.Add(readings);

            if (s != null && s.HasError) block.Add(new ConsoleLine().Append("  ! errors: " + s.Errors, Red));
            return block;
        }

        private static string Status(WatchRow row, DateTimeOffset now)
        {
            string? note = Note(row);
            if (note != null) return row.LastSeen.HasValue && !row.Removed ? note + ", seen " + Age(now - row.LastSeen.Value) + " ago" : note;
            return "status " + Age(now - row.Status!.ReceivedAt) + " old";
        }

        /// <summary>Why there are no live readings (offline, not logged in, ...), or null when there are.</summary>
        private static string? Note(WatchRow row)
        {
            if (row.Removed) return "removed";
            if (!row.Online) return "offline";
            if (!row.LoggedIn) return "not logged in";
            if (row.Status == null) return "waiting for its status";
            return null;
        }

        /// <summary>The state, when it is live (or the charger is offline); '-' when the last known state may be stale.</summary>
        private static string StateText(WatchRow row) => row.Status != null || (!row.Online && !row.Removed) ? row.State.ToString() : "-";

        private static string Amps(WatchRow row, EvseState s, bool compact)
        {
            string Format(double v) => compact ? v.ToString("0.0", Inv) : v.ToString("0.0", Inv).PadLeft(4);
            if (row.Phases > 1) return "L1 " + Format(s.L1Amps) + "  L2 " + Format(s.L2Amps) + "  L3 " + Format(s.L3Amps) + " A";
            return "L1 " + Format(s.L1Amps) + " A";
        }

        private static int AmpsWidth(bool threePhase) => threePhase ? "L1 00.0  L2 00.0  L3 00.0 A".Length : "L1 00.0 A".Length;

        private static string? StateColor(EvseMetaState state) => state switch
        {
            EvseMetaState.Charging => Green,
            EvseMetaState.Error => Red,
            EvseMetaState.Offline => Dim,
            EvseMetaState.Unknown => Dim,
            EvseMetaState.PluggedIn => Cyan,
            EvseMetaState.Finished => Cyan,
            EvseMetaState.Reserved => Yellow,
            _ => null,
        };

        private static string Fit(string text, int width) => text.Length >= width ? text.Substring(0, width) : text.PadRight(width);

        /// <summary>A short age: '4 s', '12 min', '3 h', '2 d'.</summary>
        internal static string Age(TimeSpan age)
        {
            if (age < TimeSpan.Zero) age = TimeSpan.Zero;
            if (age.TotalSeconds < 100) return ((int)age.TotalSeconds).ToString(Inv) + " s";
            if (age.TotalMinutes < 100) return ((int)age.TotalMinutes).ToString(Inv) + " min";
            if (age.TotalHours < 48) return ((int)age.TotalHours).ToString(Inv) + " h";
            return ((int)age.TotalDays).ToString(Inv) + " d";
        }

        private static string SpanText(TimeSpan span) =>
            span.TotalSeconds < 120 ? ((int)span.TotalSeconds).ToString(Inv) + " s" : (span.TotalMinutes).ToString("0.#", Inv) + " min";
    }
}
