namespace EmProto.Engine.Tests.NetworkFaults
{
    /// <summary>How <see cref="DatagramMutator"/> derived a packet from the seed vectors.</summary>
    public enum MutationKind
    {
        BitFlips,
        ByteChanges,
        Truncation,
        Extension,
        LengthFieldEdit,
        Concatenation,
        RandomBytes,
        CommandChange,
        PayloadScramble,
        Unchanged,
    }
}
