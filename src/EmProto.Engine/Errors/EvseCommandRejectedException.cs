using System;

namespace EmProto.Engine
{
    /// <summary>The charger refused a command; <see cref="Reason"/> names why, <see cref="Code"/> keeps its number.</summary>
    [Serializable]
    public class EvseCommandRejectedException : EvseException
    {
        /// <summary>Creates the exception.</summary>
        public EvseCommandRejectedException(string errorId, string reason, int code, string message, string? serial = null)
            : base(EvseErrorKind.Rejected, errorId, message, serial)
        {
            Reason = reason;
            Code = code;
        }

        /// <summary>The charger's reason, by name (e.g. NotPluggedIn, TooFarAhead).</summary>
        public string Reason { get; }

        /// <summary>The charger's reason code.</summary>
        public int Code { get; }
    }
}
