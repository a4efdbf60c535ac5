using System;
using System.Management.Automation;
using EmProto.Engine;

namespace EmProto.PowerShell
{
    /// <summary>Turns engine failures into ErrorRecords with stable ids and the right category.</summary>
    internal static class ErrorRecordFactory
    {
        /// <summary>The PowerShell category of an engine error kind.</summary>
        public static ErrorCategory CategoryOf(EvseErrorKind kind) => kind switch
        {
            EvseErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            EvseErrorKind.Authentication => ErrorCategory.AuthenticationError,
            EvseErrorKind.Timeout => ErrorCategory.OperationTimeout,
            EvseErrorKind.Rejected => ErrorCategory.DeviceError,
            EvseErrorKind.WearGuard => ErrorCategory.LimitsExceeded,
            EvseErrorKind.Connection => ErrorCategory.ConnectionError,
            EvseErrorKind.Protocol => ErrorCategory.ProtocolError,
            EvseErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            EvseErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            EvseErrorKind.Store => ErrorCategory.ReadError,
            EvseErrorKind.NotSupported => ErrorCategory.NotImplemented,
            _ => ErrorCategory.NotSpecified,
        };

        /// <summary>An ErrorRecord for an engine exception; the target is the charger (or what was asked for).</summary>
        public static ErrorRecord FromException(EvseException exception, object? target)
        {
            if (exception == null) throw new ArgumentNullException(nameof(exception));
            var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), target ?? exception.Serial);
            if (exception is EvseWearGuardException)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Wait until the time given, or use -Force." };
            else if (exception is EvseAuthenticationException)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Check the charger's 6-digit password (the PIN set in the EVSEMaster app)." };
            return record;
        }

        /// <summary>
        /// A record for a failure of the known-chargers file (EvseStoreUnreadable, EvseStoreWriteFailed,
        /// EvseStoreLocked); the target is the file's path.
        /// </summary>
        public static ErrorRecord StoreError(EvseException exception, string? path)
        {
            if (exception == null) throw new ArgumentNullException(nameof(exception));
            var category = exception.ErrorId switch
            {
                ErrorIds.StoreWriteFailed => ErrorCategory.WriteError,
                ErrorIds.StoreLocked => ErrorCategory.ResourceBusy,
                _ => ErrorCategory.ReadError,
            };
            return new ErrorRecord(exception, exception.ErrorId, category, path)
            {
                ErrorDetails = new ErrorDetails(exception.Message)
                {
                    RecommendedAction = "Chargers and passwords are kept in memory only until this is fixed. Fix the file or its folder, or choose another with Start-EvseCommunicator -StorePath <file> -Force (or -NoStore).",
                },
            };
        }

        /// <summary>A not-found record for a serial, name or pattern that matched no known charger.</summary>
        public static ErrorRecord NotFound(string what, string value) =>
            new ErrorRecord(
                new EvseException(EvseErrorKind.NotFound, ErrorIds.NotFound, "No known charger has " + what + " '" + value + "'. Find-Evse finds chargers on the network; Connect-Evse -IPAddress adds one by address."),
                ErrorIds.NotFound, ErrorCategory.ObjectNotFound, value);

        /// <summary>An InvalidArgument record for a parameter value that cannot be used (<paramref name="parameter"/>: the parameter's name, when one is to blame).</summary>
        public static ErrorRecord InvalidArgument(string errorId, string message, string? parameter, object? target) =>
            new ErrorRecord(new ArgumentException(message, parameter), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>A timeout record for a wait that ran out.</summary>
        public static ErrorRecord WaitTimeout(string errorId, string message, object? target) =>
            new ErrorRecord(new TimeoutException(message), errorId, ErrorCategory.OperationTimeout, target);
    }
}
