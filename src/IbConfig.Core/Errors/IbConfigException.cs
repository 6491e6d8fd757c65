using System;

namespace IbConfig.Core.Errors;

/// <summary>
/// A failure Core reports to its callers with a stable id (PascalCase, e.g. <c>LivePortRefused</c>), a kind, the object it
/// concerns, and a message that says what to do. The cmdlets turn it into an ErrorRecord; Core never sees PowerShell.
/// </summary>
public sealed class IbConfigException : Exception
{
    public IbConfigException(string errorId, IbErrorKind kind, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    /// <summary>Stable id; becomes the first part of the ErrorRecord's FullyQualifiedErrorId.</summary>
    public string ErrorId { get; }

    public IbErrorKind Kind { get; }

    /// <summary>The path, address or value the failure concerns.</summary>
    public object? Target { get; }
}
