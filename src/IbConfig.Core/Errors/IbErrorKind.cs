namespace IbConfig.Core.Errors;

/// <summary>What kind of failure an <see cref="IbConfigException"/> reports; the cmdlet layer maps it onto an ErrorCategory.</summary>
public enum IbErrorKind
{
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    PermissionDenied,
    ResourceBusy,
    ResourceUnavailable,
    ConnectionError,
    OperationTimeout,
    SecurityError,
    InvalidOperation,
    NotImplemented,
    ReadError,
    WriteError,
    InvalidResult,
}
