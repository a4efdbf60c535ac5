using System;

namespace EmProto.Engine
{
    /// <summary>A start or stop came too soon after the last one; <see cref="AllowedAt"/> says when it will be allowed.</summary>
    [Serializable]
    public class EvseWearGuardException : EvseException
    {
        /// <summary>Creates the exception.</summary>
        public EvseWearGuardException(string message, DateTimeOffset allowedAt, string? serial = null)
            : base(EvseErrorKind.WearGuard, ErrorIds.WearGuard, message, serial)
        {
            AllowedAt = allowedAt;
        }

        /// <summary>The earliest time the command is allowed without -Force.</summary>
        public DateTimeOffset AllowedAt { get; }
    }
}
