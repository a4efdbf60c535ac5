using System;

namespace EmProto.Engine
{
    /// <summary>The charger refused the password.</summary>
    [Serializable]
    public class EvseAuthenticationException : EvseException
    {
        /// <summary>Creates the exception.</summary>
        public EvseAuthenticationException(string message, string? serial = null)
            : base(EvseErrorKind.Authentication, ErrorIds.AuthenticationFailed, message, serial)
        {
        }
    }
}
