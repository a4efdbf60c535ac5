using System;

namespace EmProto.Engine.Tests.Model
{
    public class TimeZoneTests
    {
        [Theory]
        [InlineData("+02:00", 120)]
        [InlineData("-03:30", -210)]
        [InlineData("UTC+05:45", 345)]
        [InlineData("utc", 0)]
        public void Offsets_and_UTC_are_read_and_a_fixed_offset_reads_back_from_its_own_name(string text, int minutes)
        {
            var zone = EvseTimeZones.Find(text)!;
            Assert.Equal(TimeSpan.FromMinutes(minutes), zone.BaseUtcOffset);
            var again = EvseTimeZones.Find(zone.Id)!;
            Assert.Equal(zone.BaseUtcOffset, again.BaseUtcOffset);
        }

        [Fact]
        public void Ids_are_found_and_unknown_text_is_null()
        {
            Assert.Equal(TimeSpan.FromHours(1), EvseTimeZones.Find("Europe/Amsterdam")!.BaseUtcOffset);
            Assert.Same(TimeZoneInfo.Local, EvseTimeZones.Find("Local"));
            Assert.Null(EvseTimeZones.Find("Atlantis/Capital"));
            Assert.Null(EvseTimeZones.Find("  "));
            Assert.Contains("Atlantis", EvseTimeZones.Unknown("Atlantis"), StringComparison.Ordinal);
        }

        [Fact]
        public void An_offset_beyond_fourteen_hours_is_refused()
        {
            Assert.Throws<ArgumentException>(() => EvseTimeZones.Find("+15:00"));
        }
    }
}
