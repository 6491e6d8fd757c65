namespace IbConfig.Core.Network;

/// <summary>
/// What <see cref="ConnectionVerifier"/> found, from the guide's troubleshooting (docs/tws-protocol.md, "What a diagnosis
/// must tell apart"). about_IbConfig maps them onto the client-side codes IB's own clients report (502, 504, 506, 507).
/// </summary>
public enum IbConnectionStatus
{
    /// <summary>Handshake, accounts, server time and (unless skipped) account data all answered.</summary>
    Success,
    /// <summary>Nothing listens on the port (IB 502): gateway not running, API disabled or wrong port.</summary>
    Refused,
    /// <summary>No answer in time: a firewall or a silent host at connect, or a gateway that stopped answering later.</summary>
    TimedOut,
    /// <summary>No route to the host.</summary>
    Unreachable,
    /// <summary>The computer name did not resolve.</summary>
    NameNotResolved,
    /// <summary>The socket opened, then closed before the server's version (or right after start-API): address not trusted or localhost-only.</summary>
    ClosedDuringHandshake,
    /// <summary>Connected but no reply at all: TWS is showing the "Accept incoming connection" dialog.</summary>
    AwaitingAcceptance,
    /// <summary>Error 326: another client holds this client id.</summary>
    ClientIdInUse,
    /// <summary>Handshake fine but no next valid id: the gateway runs but is not logged in, or a dialog is pending.</summary>
    NotLoggedIn,
    /// <summary>The gateway is logged in but reported no managed accounts.</summary>
    NoAccounts,
    /// <summary>The server chose a version outside v100..193 or redirected (IB 506).</summary>
    UnsupportedVersion,
    /// <summary>The reply broke the framing or a message layout (IB 507).</summary>
    ProtocolError,
    /// <summary>The port answered with text (HTTP, SSH…): another service, not the TWS API.</summary>
    NotTwsApi,
    /// <summary>The port answered with a TLS record: it expects a TLS client, while the TWS API socket is plain TCP.</summary>
    TlsDetected,
    /// <summary>Live accounts where paper was expected (or on a paper port), or paper accounts where live was expected.</summary>
    TradingModeMismatch,
    /// <summary>The gateway answered a request (account data) with an error for it.</summary>
    RequestRejected,
    /// <summary>The gateway closed an established session (after the accounts arrived).</summary>
    ConnectionLost,
}
