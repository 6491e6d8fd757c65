namespace IbConfig.Core.Network;

/// <summary>
/// What a TCP connect to a port found. The names match what a TWS API client reports: Refused is IB's client-side
/// error 502 ("couldn't connect to TWS"), TimedOut is a firewall or a silent host (docs/tws-protocol.md, "What a diagnosis must tell apart").
/// </summary>
public enum PortStatus
{
    /// <summary>The three-way handshake completed: something listens.</summary>
    Open,

    /// <summary>The host answered with a reset: nothing listens on that port.</summary>
    Refused,

    /// <summary>No answer within the time-out: a firewall drops the packets, the host is silent, or its backlog is full.</summary>
    TimedOut,

    /// <summary>No route to the host or network (or another local network failure).</summary>
    Unreachable,

    /// <summary>The computer name did not resolve to an address (within the time-out).</summary>
    NameNotResolved,
}
