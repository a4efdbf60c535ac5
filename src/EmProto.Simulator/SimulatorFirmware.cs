namespace EmProto.Simulator
{
    /// <summary>
    /// Which charger firmware a simulated charger behaves like (PROTOCOL.md, "Firmware variance").
    /// Real chargers differ in which optional commands they answer and in the forms of their
    /// payloads; a profile makes the simulator show one such firmware on the wire.
    /// </summary>
    public enum SimulatorFirmware
    {
        /// <summary>
        /// Answers every request (0x8005, 0x8006, 0x800D, brightness, weekly schedule included);
        /// status 25 bytes (33 with three phases), charging status 74, version 37, name 32; finished
        /// sessions as 0x000A records. The default.
        /// </summary>
        Full = 0,

        /// <summary>
        /// Like the Telestar EC311S the seed library was developed on: silently ignores 0x8005, 0x8006,
        /// 0x800D, brightness (0x8162) and the weekly schedule (0x810E); pushes the charging status (5)
        /// with every status push (4) while a session is charging or planned, and once right after a
        /// login; status 25 bytes, version 37, name 32; finished sessions as record 9
        /// (CurrentChargeRecord, acknowledged with 0x8009), never 0x000A.
        /// </summary>
        Telestar = 1,

        /// <summary>
        /// Like the Besen BS20: status 40 bytes (phase count at byte 33), charging status 80, version 36,
        /// name 16; answers 0x8006 with 6 and 0x800D with 0x000D; sends 0x000A records resent until
        /// acknowledged with 0x800A; answers brightness (0x8162) and the weekly schedule (0x810E).
        /// </summary>
        BS20 = 2,
    }
}
