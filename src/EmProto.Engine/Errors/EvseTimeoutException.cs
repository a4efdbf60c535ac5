using System;

namespace EmProto.Engine
{
    /// <summary>No answer within the retry budget.</summary>
    [Serializable]
    public class EvseTimeoutException : EvseException
    {
        /// <summary>Creates the exception.</summary>
        public EvseTimeoutException(string message, string? serial = null)
            : base(EvseErrorKind.Timeout, ErrorIds.CommandTimeout, message, serial)
        {
        }
    }
}
