using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace EmProto.PowerShell
{
    /// <summary>
    /// The one wildcard matcher of the module, for serials, names and models: PowerShell wildcards, case
    /// insensitive; a value matches when any pattern matches. It remembers which patterns matched, so a
    /// pattern without wildcards that matched nothing can be reported (EvseNotFound). Thread-safe.
    /// </summary>
    internal sealed class WildcardFilter
    {
        private readonly List<KeyValuePair<string, WildcardPattern>> _patterns = new List<KeyValuePair<string, WildcardPattern>>();
        private readonly HashSet<string> _matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private WildcardFilter(IEnumerable<string> values)
        {
            foreach (var v in values)
            {
                if (v == null) continue;
                string text = v.Trim();
                _patterns.Add(new KeyValuePair<string, WildcardPattern>(text, Pattern(text)));
            }
        }

        /// <summary>A filter of these patterns; null when none are given (everything matches).</summary>
        public static WildcardFilter? From(IEnumerable<string>? values)
        {
            if (values == null) return null;
            var filter = new WildcardFilter(values);
            return filter._patterns.Count == 0 ? null : filter;
        }

        /// <summary>The module's wildcard pattern for a text: case insensitive.</summary>
        public static WildcardPattern Pattern(string text) => WildcardPattern.Get(text ?? string.Empty, WildcardOptions.IgnoreCase);

        /// <summary>True when the text holds wildcard characters (*, ?, [ ]).</summary>
        public static bool HasWildcards(string text) => text != null && WildcardPattern.ContainsWildcardCharacters(text);

        /// <summary>True when no filter is given or any pattern matches <paramref name="value"/>.</summary>
        public static bool Matches(WildcardFilter? filter, string? value) => filter == null || filter.IsMatch(value);

        /// <summary>True when any pattern matches <paramref name="value"/> (and remembers which).</summary>
        public bool IsMatch(string? value)
        {
            string text = value ?? string.Empty;
            bool any = false;
            foreach (var p in _patterns)
            {
                if (!p.Value.IsMatch(text)) continue;
                any = true;
                lock (_matched) _matched.Add(p.Key);
            }
            return any;
        }

        /// <summary>The patterns without wildcards that matched nothing so far (to report as not found).</summary>
        public IReadOnlyList<string> UnmatchedLiterals()
        {
            var list = new List<string>();
            lock (_matched)
            {
                foreach (var p in _patterns)
                {
                    if (!HasWildcards(p.Key) && !_matched.Contains(p.Key)) list.Add(p.Key);
                }
            }
            return list;
        }
    }
}
