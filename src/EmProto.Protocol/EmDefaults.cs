namespace EmProto.Protocol
{
    /// <summary>Defaults users search for, each written once.</summary>
    public static class EmDefaults
    {
        /// <summary>The user id starts and stops carry unless told otherwise (shown in the charger's history).</summary>
        public const string UserId = "emproto";
    }
}
