using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using EmProto.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// Lists every cmdlet parameter and every ErrorId that no test mentions. A parameter counts as mentioned
    /// when a test has the cmdlet's name followed on the same line (before a '|' or ';') by -Parameter, or, for a
    /// parameter that takes pipeline input, when a test pipes into the cmdlet. An ErrorId counts when a test
    /// names its value or its ErrorIds constant. What is still missing is written down in tests/coverage-baseline.txt:
    /// the list must not grow beyond it.
    /// </summary>
    public class CoverageCheckTests
    {
        private readonly ITestOutputHelper _output;

        public CoverageCheckTests(ITestOutputHelper output) => _output = output;

        private static string BaselinePath => Path.Combine(RepositoryFiles.Root, "tests", "coverage-baseline.txt");

        /// <summary>The text of every test: tests/**/*.cs and tests/pester/*.ps1, without this checker.</summary>
        private static string TestText()
        {
            var files = RepositoryFiles.Files("tests", "*.cs")
                .Where(f => !f.EndsWith(nameof(CoverageCheckTests) + ".cs", StringComparison.Ordinal))
                .Concat(RepositoryFiles.Files("tests/pester", "*.ps1"));
            return string.Join("\n", files.Select(File.ReadAllText));
        }

        /// <summary>Every exported cmdlet's [Parameter] properties (common parameters are not properties of the classes).</summary>
        private static IEnumerable<(string Cmdlet, string Parameter, bool FromPipeline)> CmdletParameters() =>
            typeof(EvseCharger).Assembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
                .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
                .Where(x => x.Attribute != null)
                .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => (Property: p, Attributes: p.GetCustomAttributes<ParameterAttribute>().ToList()))
                    .Where(p => p.Attributes.Count > 0)
                    .Select(p => (
                        Cmdlet: x.Attribute!.VerbName + "-" + x.Attribute.NounName,
                        Parameter: p.Property.Name,
                        FromPipeline: p.Attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))));

        /// <summary>What no test mentions, one line each: "Cmdlet -Parameter" or "ErrorId EvseSomething".</summary>
        internal static List<string> Unmentioned()
        {
            var text = TestText();
            var missing = new List<string>();
            foreach (var (cmdlet, parameter, fromPipeline) in CmdletParameters().OrderBy(p => p.Cmdlet, StringComparer.Ordinal).ThenBy(p => p.Parameter, StringComparer.Ordinal))
            {
                var named = Regex.IsMatch(text, Regex.Escape(cmdlet) + @"\b[^|;\n]*?\s-" + parameter + @"\b", RegexOptions.IgnoreCase);
                var piped = fromPipeline && Regex.IsMatch(text, @"\|\s*" + Regex.Escape(cmdlet) + @"\b", RegexOptions.IgnoreCase);
                if (!named && !piped) missing.Add(cmdlet + " -" + parameter);
            }
            foreach (var id in RepositoryFiles.ErrorIdConstants.OrderBy(c => c.Value, StringComparer.Ordinal))
            {
                var mentioned = Regex.IsMatch(text, @"\b" + id.Value + @"\b") || Regex.IsMatch(text, @"\bErrorIds\." + id.Key + @"\b");
                if (!mentioned) missing.Add("ErrorId " + id.Value);
            }
            return missing;
        }

        private static HashSet<string> Baseline() =>
            File.Exists(BaselinePath)
                ? File.ReadAllLines(BaselinePath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);

        [Fact]
        public void The_checker_sees_parameters_and_ids()
        {
            var parameters = CmdletParameters().ToList();
            Assert.Contains(parameters, p => p.Cmdlet == "Connect-Evse" && p.Parameter == "Credential");
            Assert.Contains(parameters, p => p.Cmdlet == "Start-EvseCharge" && p.Parameter == "MaxEnergyKWh");
            Assert.DoesNotContain(parameters, p => p.Parameter == "Verbose" || p.Parameter == "WhatIf");
            Assert.Contains(RepositoryFiles.ErrorIdConstants, c => c.Value == "EvseWaitTimeout");
        }

        [Fact]
        public void No_parameter_or_ErrorId_untested_beyond_the_baseline()
        {
            var missing = Unmentioned();
            var baseline = Baseline();
            _output.WriteLine("Parameters and ErrorIds that no test mentions (" + missing.Count + "):");
            foreach (var m in missing) _output.WriteLine("  " + m);
            var stale = baseline.Where(b => !missing.Contains(b)).OrderBy(b => b, StringComparer.Ordinal).ToList();
            if (stale.Count > 0) _output.WriteLine("Tested now, remove from tests/coverage-baseline.txt: " + string.Join(", ", stale));
            var grown = missing.Where(m => !baseline.Contains(m)).ToList();
            Assert.True(grown.Count == 0,
                "No test mentions these (write a test that exercises each; tests/coverage-baseline.txt lists what is known to be missing): " + string.Join(", ", grown));
        }
    }
}
