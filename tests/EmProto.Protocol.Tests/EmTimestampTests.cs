using System;
using Xunit;

namespace EmProto.Protocol.Tests
{
    public class EmTimestampTests
    {
        private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

        private static uint ExpectedRaw(DateTimeOffset instant, TimeSpan localOffset) =>
            checked((uint)(instant.ToUnixTimeSeconds() + (long)localOffset.TotalSeconds - 8 * 3600));

        [Fact]
        public void Protocol_example_in_UTC_encodes_as_0x67C28640()
        {
            var t = EmTimestamp.FromInstant(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
            Assert.Equal(0x67C28640u, t.Raw);
            Assert.Equal("0x67c28640", t.ToString());
            Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), t.ToInstant(TimeZoneInfo.Utc));
            Assert.Equal(new DateTime(2025, 3, 1, 12, 0, 0), t.WallClock);
        }

        [Fact]
        public void Amsterdam_summer_time_uses_UTC_plus_2()
        {
            var instant = new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);
            var t = EmTimestamp.FromInstant(instant, Amsterdam);
            Assert.Equal(ExpectedRaw(instant, TimeSpan.FromHours(2)), t.Raw);
            Assert.Equal(new DateTime(2025, 7, 1, 12, 0, 0), t.WallClock);
            var back = t.ToInstant(Amsterdam);
            Assert.Equal(instant, back);
            Assert.Equal(TimeSpan.FromHours(2), back.Offset);
        }

        [Fact]
        public void Amsterdam_winter_time_uses_UTC_plus_1()
        {
            var instant = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
            var t = EmTimestamp.FromInstant(instant, Amsterdam);
            Assert.Equal(ExpectedRaw(instant, TimeSpan.FromHours(1)), t.Raw);
            Assert.Equal(new DateTime(2025, 1, 15, 11, 0, 0), t.WallClock);
            var back = t.ToInstant(Amsterdam);
            Assert.Equal(instant, back);
            Assert.Equal(TimeSpan.FromHours(1), back.Offset);
        }

        [Fact]
        public void Ambiguous_fall_back_hour_decodes_to_the_earlier_instant()
        {
            // 2025-10-26 02:30 happens twice in Amsterdam: 00:30Z (CEST) and 01:30Z (CET).
            var earlier = new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero);
            var later = new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.Zero);
            var a = EmTimestamp.FromInstant(earlier, Amsterdam);
            var b = EmTimestamp.FromInstant(later, Amsterdam);
            Assert.Equal(a, b);
            Assert.Equal(new DateTime(2025, 10, 26, 2, 30, 0), a.WallClock);
            var decoded = b.ToInstant(Amsterdam);
            Assert.Equal(earlier, decoded);
            Assert.Equal(TimeSpan.FromHours(2), decoded.Offset);
        }

        [Fact]
        public void Wall_clock_in_the_spring_forward_gap_decodes_with_the_offset_before_the_gap()
        {
            // 2025-03-30 02:30 does not exist in Amsterdam (02:00 CET jumps to 03:00 CEST).
            var wallSeconds = (long)(new DateTime(2025, 3, 30, 2, 30, 0) - new DateTime(1970, 1, 1)).TotalSeconds - 8 * 3600;
            var t = new EmTimestamp((uint)wallSeconds);
            Assert.True(Amsterdam.IsInvalidTime(t.WallClock));
            var decoded = t.ToInstant(Amsterdam);
            // The documented rule: the offset in force before the gap (+01:00) -> 01:30Z, shown as 03:30+02:00.
            Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), decoded);
            Assert.Equal(TimeSpan.FromHours(2), decoded.Offset);
            Assert.Equal(new DateTime(2025, 3, 30, 3, 30, 0), decoded.DateTime);
        }

        [Theory]
        [InlineData("UTC")]
        [InlineData("Europe/Amsterdam")]
        [InlineData("America/New_York")]
        [InlineData("Australia/Sydney")]
        [InlineData("Australia/Lord_Howe")]
        [InlineData("Asia/Kolkata")]
        [InlineData("America/St_Johns")]
        [InlineData("Pacific/Chatham")]
        public void Instants_over_a_year_round_trip(string zoneId)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            int checkedCount = 0, ambiguous = 0;
            for (var instant = start; instant < start.AddYears(1); instant = instant.AddMinutes(17))
            {
                var offset = zone.GetUtcOffset(instant.UtcDateTime);
                var t = EmTimestamp.FromInstant(instant, zone);
                Assert.Equal(ExpectedRaw(instant, offset), t.Raw);
                Assert.Equal(instant.ToOffset(offset).DateTime, t.WallClock);
                var decoded = t.ToInstant(zone);
                Assert.Equal(zone.GetUtcOffset(decoded.UtcDateTime), decoded.Offset);
                if (decoded != instant)
                {
                    // Only the second pass through a repeated hour may differ: it decodes to the earlier instant.
                    Assert.True(zone.IsAmbiguousTime(t.WallClock), zoneId + ": " + instant.ToString("o") + " decoded to " + decoded.ToString("o"));
                    Assert.True(decoded < instant && instant - decoded <= TimeSpan.FromHours(1), zoneId + ": " + instant.ToString("o") + " decoded to " + decoded.ToString("o") + ", not the earlier occurrence");
                    Assert.Equal(t, EmTimestamp.FromInstant(decoded, zone));
                    ambiguous++;
                }
                checkedCount++;
            }
            Assert.True(checkedCount > 30000);
            bool dstIn2025 = zone.GetUtcOffset(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)) != zone.GetUtcOffset(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc));
            Assert.True(dstIn2025 == (ambiguous > 0), zoneId + ": " + ambiguous + " instants in a repeated hour.");
        }

        [Fact]
        public void China_standard_time_makes_the_raw_value_plain_Unix_seconds()
        {
            var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            var instant = new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);
            Assert.Equal((uint)instant.ToUnixTimeSeconds(), EmTimestamp.FromInstant(instant, shanghai).Raw);
        }

        [Fact]
        public void Zero_decodes_to_null_and_out_of_range_instants_are_rejected()
        {
            Assert.True(new EmTimestamp(0).IsZero);
            Assert.Null(new EmTimestamp(0).ToInstantOrNull(TimeZoneInfo.Utc));
            Assert.NotNull(new EmTimestamp(1).ToInstantOrNull(TimeZoneInfo.Utc));
            Assert.Throws<ArgumentOutOfRangeException>(() => EmTimestamp.FromInstant(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
            Assert.Throws<ArgumentOutOfRangeException>(() => EmTimestamp.FromInstant(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
            Assert.Equal(uint.MaxValue, EmTimestamp.FromInstant(DateTimeOffset.FromUnixTimeSeconds(uint.MaxValue + 8L * 3600), TimeZoneInfo.Utc).Raw);
        }

        [Fact]
        public void Every_raw_value_decodes_without_throwing_in_a_DST_zone()
        {
            foreach (uint raw in new[] { 0u, 1u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, uint.MaxValue })
            {
                var decoded = new EmTimestamp(raw).ToInstant(Amsterdam);
                Assert.Equal(Amsterdam.GetUtcOffset(decoded.UtcDateTime), decoded.Offset);
            }
        }
    }
}
