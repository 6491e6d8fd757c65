namespace IbConfig.Core.Protocol;

/// <summary>Why a byte stream could not be read as TWS API frames.</summary>
public enum ProtocolFailure
{
    /// <summary>The peer closed the connection (cleanly or mid-frame).</summary>
    Closed,
    /// <summary>A frame announced a length over the cap; it was rejected without allocating it.</summary>
    FrameTooLarge,
    /// <summary>A frame of length zero, fields without their NUL terminator, or a field that is not what the layout says.</summary>
    Malformed,
    /// <summary>The first bytes look like TLS (16 03 / 15 03) or HTTP: this is not a TWS API port.</summary>
    NotTwsApi,
    /// <summary>The server chose a version outside the range the client asked for (IB's client-side error 506), or redirected (-1).</summary>
    UnsupportedVersion,
}
