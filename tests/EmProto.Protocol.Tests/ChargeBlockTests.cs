using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Protocol.Tests
{
    /// <summary>The blocks a ChargeStart, the charging status and a charge record share: one layout, read and written alike.</summary>
    public class ChargeBlockTests
    {
        private static readonly ChargeTerms Terms = new ChargeTerms
        {
            StartType = 2, ChargeType = 11, MaxDurationMinutes = 0x0102, MaxEnergyRaw = 0x0304, Param3 = 0x0506,
        };

        private static readonly ChargeTotals Totals = new ChargeTotals
        {
            Seconds = 0x01020304, StartMeterRaw = 0x05060708, EndMeterRaw = 0x090a0b0c, ChargedEnergyRaw = 0x0d0e0f10,
            ChargePriceRaw = 0x11121314, FeeType = 0x15, ChargeFeeRaw = 0x1617,
        };

        private const string TermsHex = "020b010203040506";
        private const string TotalsHex = "0102030405060708090a0b0c0d0e0f1011121314151617";

        private static byte[] Payload(EmPayload payload)
        {
            var bytes = new byte[payload.Length];
            payload.Write(bytes, 0);
            return bytes;
        }

        private static T Decode<T>(EmCommand command, byte[] bytes) where T : EmPayload
        {
            Assert.Equal(DecodeError.None, DatagramCodec.TryDecodePayload(command, bytes, 0, bytes.Length, out var payload));
            return Assert.IsType<T>(payload);
        }

        [Fact]
        public void The_terms_stand_in_the_same_eight_bytes_in_a_start_a_charging_status_and_a_record()
        {
            Assert.Equal(TermsHex, HexText.ToHex(Payload(new ChargeStartPayload { Terms = Terms }), 38, ChargeTerms.Length));
            Assert.Equal(TermsHex, HexText.ToHex(Payload(new ChargingStatusPayload { Terms = Terms }), 18, ChargeTerms.Length));
            Assert.Equal(TermsHex, HexText.ToHex(Payload(new ChargeRecordPayload { Terms = Terms }), 50, ChargeTerms.Length));
        }

        [Fact]
        public void The_totals_stand_in_the_same_23_bytes_in_a_charging_status_and_a_record()
        {
            Assert.Equal(TotalsHex, HexText.ToHex(Payload(new ChargingStatusPayload { Totals = Totals }), 51, ChargeTotals.Length));
            Assert.Equal(TotalsHex, HexText.ToHex(Payload(new ChargeRecordPayload { Totals = Totals }), 72, ChargeTotals.Length));
        }

        [Fact]
        public void The_named_properties_read_and_write_the_shared_blocks()
        {
            var status = Decode<ChargingStatusPayload>(EmCommand.SingleAcChargingStatusPublicAuto, Payload(new ChargingStatusPayload { Terms = Terms, Totals = Totals }));
            Assert.Equal(Terms, status.Terms);
            Assert.Equal(0x0102, status.MaxDurationMinutes);
            Assert.Equal(0x0506, status.Param3Raw);
            Assert.Equal(0x090a0b0cu, status.CurrentMeterRaw);
            Assert.Equal(0x01020304u, status.DurationSeconds);

            var record = new ChargeRecordPayload { Param1 = 7, StopMeterRaw = 9, ChargedSeconds = 11 };
            Assert.Equal(7, record.Terms.MaxDurationMinutes);
            Assert.Equal(9u, record.Totals.EndMeterRaw);
            Assert.Equal(11u, record.Totals.Seconds);
        }

        [Fact]
        public void New_payloads_start_with_the_default_terms_no_limits()
        {
            Assert.Equal(ChargeTerms.Default, new ChargeStartPayload().Terms);
            Assert.Equal(ChargeTerms.Default, new ChargingStatusPayload().Terms);
            Assert.Equal(ChargeTerms.Default, new ChargeRecordPayload().Terms);
            Assert.Equal(0xFFFF, ChargeTerms.Default.MaxDurationMinutes);
            Assert.Null(ChargeTerms.Default.MaxEnergyKWh);
        }
    }
}
