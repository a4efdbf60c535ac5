using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;

namespace EmProto.Benchmarks
{
    /// <summary>
    /// Datagrams to measure with. The first three are real captures, copied from
    /// tests/vectors/captured.tsv (Besen BS20, serial 9181102751219513); no charge record
    /// was captured, so that one is built with the codec: 97 bytes plus 29 power-sample slots, the
    /// size of the one record seen in the wild.
    /// </summary>
    public static class Vectors
    {
        public const string LoginHex = "0601005f009181102751219513ffffffffffff000101424553454e000000000000000000000042533230000000000000000000000000432e333235322e31313241303038000000001b80205757572e455653452e434f4d00000000122f0f02";
        public const string StatusHex = "06010032009181102751219513ffffffffffff000401092e00000000000000024081589258920102020d000000000b7b0f02";
        public const string ChargingStatusHex = "06010063009181102751219513ffffffffffff0005010d313634393435333532383631383234390101ffffffffffff62505578383630303739373938353738393234330d62505578000000490002407b0002408000000005000000050100641ac10f02";

        public static byte[] Login => Parse(LoginHex);

        public static byte[] Status => Parse(StatusHex);

        public static byte[] ChargingStatus => Parse(ChargingStatusHex);

        public static byte[] ChargeRecord
        {
            get
            {
                var slots = new ushort[29];
                for (int i = 0; i < 20; i++) slots[i] = (ushort)(3000 + 17 * i);
                var record = new ChargeRecordPayload
                {
                    StartUserId = "8600797985789243",
                    EndUserId = "Power Down",
                    ChargeId = "1649455421288096",
                    StopReason = 0xFF,
                    HasStopCharge = 2,
                    StartDate = new EmTimestamp(0x62505CDD),
                    StopDate = new EmTimestamp(0x62505CDD + 49320),
                    ChargedSeconds = 49320,
                    StartMeterRaw = 147579,
                    StopMeterRaw = 150321,
                    ChargedEnergyRaw = 2742,
                    DeclaredSampleCount = 41,
                    Slots = slots,
                };
                var datagram = new Datagram(EvseSerial.Parse("9181102751219513"), EmPassword.None, EmCommand.UploadLocalChargeRecord, record);
                return DatagramCodec.Encode(datagram);
            }
        }

        private static byte[] Parse(string hex) => HexText.TryParse(hex, out var reason) ?? throw new FormatException(reason);
    }
}
