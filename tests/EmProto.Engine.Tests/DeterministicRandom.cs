namespace EmProto.Engine.Tests
{
    /// <summary>xorshift64*: a seeded, allocation-free generator whose sequence never changes between runtimes.</summary>
    public struct DeterministicRandom
    {
        private ulong _state;

        public DeterministicRandom(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        public ulong NextUInt64()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545F4914F6CDD1DUL;
        }

        /// <summary>0 ≤ result &lt; max.</summary>
        public int Next(int max) => (int)((NextUInt64() >> 33) % (ulong)max);

        public byte NextByte() => (byte)(NextUInt64() >> 56);

        public bool Chance(int percent) => Next(100) < percent;
    }
}
