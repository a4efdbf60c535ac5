using System;
using System.Collections.Generic;
using System.Globalization;

namespace EmProto.Benchmarks.Scenarios
{
    /// <summary>The "--name value" options of a scenario command line.</summary>
    public sealed class ScenarioArgs
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Parses arguments after the scenario name; a "--flag" without value is "true".</summary>
        public ScenarioArgs(IReadOnlyList<string> args, int start)
        {
            for (int i = start; i < args.Count; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException("Unexpected argument '" + args[i] + "'.");
                string name = args[i].Substring(2);
                bool hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                _values[name] = hasValue ? args[++i] : "true";
            }
        }

        /// <summary>A string option.</summary>
        public string Get(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

        /// <summary>An integer option.</summary>
        public int GetInt(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        /// <summary>A switch.</summary>
        public bool Has(string name) => _values.ContainsKey(name);
    }
}
