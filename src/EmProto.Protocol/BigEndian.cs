namespace EmProto.Protocol
{
    /// <summary>Big-endian reads and writes on byte arrays (the wire order of every EM integer).</summary>
    internal static class BigEndian
    {
        public static ushort U16(byte[] b, int o) => (ushort)((b[o] << 8) | b[o + 1]);

        public static uint U32(byte[] b, int o) => ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];

        public static EmTimestamp Time(byte[] b, int o) => new EmTimestamp(U32(b, o));

        public static void PutTime(byte[] b, int o, EmTimestamp v) => Put32(b, o, v.Raw);

        public static void Put16(byte[] b, int o, ushort v)
        {
            b[o] = (byte)(v >> 8);
            b[o + 1] = (byte)v;
        }

        public static void Put32(byte[] b, int o, uint v)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }
    }
}
