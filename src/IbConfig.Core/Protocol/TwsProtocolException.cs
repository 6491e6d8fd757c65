using System;

namespace IbConfig.Core.Protocol;

/// <summary>The peer's bytes broke the TWS API framing or a message layout.</summary>
public sealed class TwsProtocolException : Exception
{
    public TwsProtocolException(ProtocolFailure failure, string message) : base(message) => Failure = failure;

    public ProtocolFailure Failure { get; }
}
