using System;

namespace EmProto.Engine
{
    /// <summary>
    /// An engine failure with a stable <see cref="ErrorId"/> (e.g. EvseCommandTimeout) and a
    /// <see cref="Kind"/> that maps to a PowerShell error category. Messages never hold secrets.
    /// </summary>
    [Serializable]
    public class EvseException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public EvseException(EvseErrorKind kind, string errorId, string message, string? serial = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
            Serial = serial;
        }

        /// <summary>The kind of failure.</summary>
        public EvseErrorKind Kind { get; }

        /// <summary>Stable error id.</summary>
        public string ErrorId { get; }

        /// <summary>The charger concerned, when there is one.</summary>
        public string? Serial { get; }
    }
}
