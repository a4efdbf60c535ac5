namespace EmProto.Engine
{
    /// <summary>The kind of an engine failure; maps to a PowerShell ErrorCategory.</summary>
    public enum EvseErrorKind
    {
        /// <summary>No such charger (ObjectNotFound).</summary>
        NotFound,
        /// <summary>Wrong password (AuthenticationError).</summary>
        Authentication,
        /// <summary>No answer within the retry budget (OperationTimeout).</summary>
        Timeout,
        /// <summary>The charger refused the command (DeviceError).</summary>
        Rejected,
        /// <summary>The wear guard refused a start or stop (LimitsExceeded).</summary>
        WearGuard,
        /// <summary>Socket or network trouble (ConnectionError).</summary>
        Connection,
        /// <summary>The charger answered something unexpected (ProtocolError).</summary>
        Protocol,
        /// <summary>A value cannot be sent (InvalidArgument).</summary>
        InvalidArgument,
        /// <summary>Not logged in, or the operation needs a state the charger is not in (InvalidOperation).</summary>
        InvalidOperation,
        /// <summary>The settings store is unreadable or corrupt (ReadError).</summary>
        Store,
        /// <summary>The charger's firmware does not provide this reading or setting.</summary>
        NotSupported,
    }
}
