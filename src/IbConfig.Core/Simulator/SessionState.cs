namespace IbConfig.Core.Simulator;

/// <summary>Where one client connection is in its life.</summary>
public enum SessionState
{
    /// <summary>Accepted; waiting for the "API\0" handshake or START_API.</summary>
    Handshaking,
    /// <summary>Untrusted peer held without a reply (TWS's accept dialog).</summary>
    Held,
    /// <summary>START_API accepted: accounts, next valid id and farm notices were sent; requests are served.</summary>
    Connected,
    /// <summary>The connection is closed.</summary>
    Closed,
}
