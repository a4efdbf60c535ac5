using System;
using System.Linq;
using Xunit;

namespace EmProto.Module.Tests
{
    public sealed class DurationTransformationTests : IDisposable
    {
        private readonly ModuleHost _host = new ModuleHost();

        public void Dispose() => _host.Dispose();

        private ModuleHost.Result Transform(string argument) => _host.Run(
            "function T { param([EmProto.PowerShell.Transformations.DurationTransformation()] [TimeSpan] $D) $D }; T " + argument);

        [Theory]
        [InlineData("90", 90.0)]
        [InlineData("'90'", 90.0)]
        [InlineData("2.5", 2.5)]
        [InlineData("([long]120)", 120.0)]
        [InlineData("'00:01:30'", 90.0)]
        [InlineData("([TimeSpan]::FromMinutes(2))", 120.0)]
        [InlineData("'1.00:00:00'", 86400.0)]
        public void Accepts_TimeSpans_TimeSpan_strings_and_seconds(string argument, double seconds)
        {
            var r = Transform(argument);
            Assert.Empty(r.Errors);
            Assert.Equal(TimeSpan.FromSeconds(seconds), (TimeSpan)r.Output.Single().BaseObject);
        }

        [Theory]
        [InlineData("-5", "must not be negative")]
        [InlineData("'-00:00:05'", "must not be negative")]
        [InlineData("'soon'", "is not a duration")]
        public void Rejects_negative_and_unreadable_values_with_a_clear_message(string argument, string messagePart)
        {
            var r = Transform(argument);
            var error = Assert.Single(r.Errors);
            Assert.Contains(messagePart, error.Exception.Message, StringComparison.Ordinal);
        }
    }
}
