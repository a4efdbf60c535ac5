using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EmProto.PowerShell.Agent
{
    /// <summary>
    /// A plain-text form of an invocation whose parameter values are all simple (text, numbers, switches, durations,
    /// times, lists of text): what a scheduled script's commands carry. It spares a fresh session the first use of
    /// CLIXML (tens of milliseconds of start-up); anything else travels as CLIXML.
    /// Form: entries separated by U+001E; each is kind (C command, P parameter, R preference), U+001F, name, U+001F,
    /// type (s text, b switch, i int, l long, d double, t duration ticks, o time, a list of text), U+001F, value
    /// (a list's items separated by U+001D).
    /// </summary>
    internal static class AgentInvocationText
    {
        private const char Entry = '\u001e', Field = '\u001f', Item = '\u001d';
        private static readonly char[] Separators = { Entry, Field };

        /// <summary>The text form, or null when a value is not simple (or holds a separator).</summary>
        public static string? TryEncode(string command, IDictionary parameters, IDictionary preferences)
        {
            var text = new StringBuilder();
            if (!Append(text, 'C', "Command", command)) return null;
            foreach (DictionaryEntry p in parameters)
            {
                if (!Append(text, 'P', Convert.ToString(p.Key, CultureInfo.InvariantCulture) ?? string.Empty, p.Value)) return null;
            }
            foreach (DictionaryEntry p in preferences)
            {
                if (!Append(text, 'R', Convert.ToString(p.Key, CultureInfo.InvariantCulture) ?? string.Empty, p.Value)) return null;
            }
            return text.ToString();
        }

        private static bool Append(StringBuilder text, char kind, string name, object? value)
        {
            var inv = CultureInfo.InvariantCulture;
            (string Type, string Encoded)? form = value switch
            {
                string s => ("s", s),
                bool b => ("b", b ? "1" : "0"),
                int i => ("i", i.ToString(inv)),
                long l => ("l", l.ToString(inv)),
                double d => ("d", d.ToString("R", inv)),
                TimeSpan t => ("t", t.Ticks.ToString(inv)),
                DateTimeOffset o => ("o", o.ToString("o", inv)),
                // Parameter binding converts the name back to the parameter's enum.
                Enum e => ("s", e.ToString()),
                string[] list when Array.TrueForAll(list, one => one != null && one.IndexOf(Item) < 0) => ("a", string.Join(Item.ToString(), list)),
                _ => null,
            };
            if (form is null) return false;
            var (type, encoded) = form.Value;
            if (name.IndexOfAny(Separators) >= 0 || encoded.IndexOfAny(Separators) >= 0) return false;
            if (text.Length > 0) text.Append(Entry);
            text.Append(kind).Append(Field).Append(name).Append(Field).Append(type).Append(Field).Append(encoded);
            return true;
        }

        /// <summary>Reads the text form back: the command, its parameters and the preferences.</summary>
        /// <exception cref="FormatException">Not an invocation in this form.</exception>
        public static (string Command, Hashtable Parameters, Hashtable Preferences) Decode(string text)
        {
            string? command = null;
            var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
            var preferences = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in (text ?? string.Empty).Split(Entry))
            {
                var f = entry.Split(Field);
                if (f.Length != 4 || f[0].Length != 1) throw new FormatException("A malformed invocation entry.");
                object value = f[2] switch
                {
                    "s" => f[3],
                    "b" => f[3] == "1",
                    "i" => int.Parse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture),
                    "l" => long.Parse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture),
                    "d" => double.Parse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture),
                    "t" => TimeSpan.FromTicks(long.Parse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture)),
                    "o" => DateTimeOffset.Parse(f[3], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    "a" => f[3].Length == 0 ? Array.Empty<string>() : f[3].Split(Item),
                    _ => throw new FormatException("An invocation entry of unknown type '" + f[2] + "'."),
                };
                switch (f[0][0])
                {
                    case 'C':
                        command = value as string;
                        break;
                    case 'P':
                        parameters[f[1]] = value;
                        break;
                    case 'R':
                        preferences[f[1]] = value;
                        break;
                    default:
                        throw new FormatException("An invocation entry of unknown kind '" + f[0] + "'.");
                }
            }
            return (command ?? throw new FormatException("The invocation names no command."), parameters, preferences);
        }

    }
}
