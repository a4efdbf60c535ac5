namespace EmProto.Protocol.Payloads
{
    /// <summary>Set PIN (0x8102): the new 6-character password. Never printed.</summary>
    public sealed class SetPasswordPayload : EmPayload
    {
        /// <summary>The new password.</summary>
        public EmPassword NewPassword { get; set; }

        /// <inheritdoc/>
        public override int Length => 6;

        /// <inheritdoc/>
        public override void Validate()
        {
            if (!NewPassword.IsPresent) throw new System.ArgumentException("NewPassword must be a 6-character password.", nameof(NewPassword));
        }

        /// <inheritdoc/>
        public override void Write(byte[] b, int o)
        {
            Validate();
            NewPassword.Write(b, o);
        }

        internal static SetPasswordPayload Decode(byte[] b, int o, int n) =>
            new SetPasswordPayload { NewPassword = n >= 6 ? EmPassword.Read(b, o) : EmPassword.None };

        /// <inheritdoc/>
        public override string ToString() => "SetPassword ******";
    }
}
