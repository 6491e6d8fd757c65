namespace IbConfig.Core.Watch;

/// <summary>What happened to a watched gateway (docs/monitoring.md, "TWS API notices a watcher sees").</summary>
public enum IbGatewayEventKind
{
    /// <summary>The watcher's API session started and the gateway is logged in (NEXT_VALID_ID arrived).</summary>
    Connected,
    /// <summary>The connection ended (the gateway closed it, or stopped answering); the watcher reconnects.</summary>
    Disconnected,
    /// <summary>A reconnect attempt failed; the message says why and when the next one is.</summary>
    Reconnecting,
    /// <summary>Connected again after a drop; the message says after how long and how many attempts.</summary>
    Reconnected,
    /// <summary>The API answered the handshake but no NEXT_VALID_ID came: up but not logged in.</summary>
    NotLoggedIn,
    /// <summary>2104, 2106, 2158: a data farm connection is OK.</summary>
    FarmConnected,
    /// <summary>2103, 2105, 2157: a data farm connection is broken.</summary>
    FarmDisconnected,
    /// <summary>2107, 2108: a data farm connection is inactive but available on demand.</summary>
    FarmInactive,
    /// <summary>1100: connectivity between IB and the gateway is lost.</summary>
    ConnectivityLost,
    /// <summary>1101: connectivity restored, market data lost (subscriptions must be made again).</summary>
    ConnectivityRestoredDataLost,
    /// <summary>1102: connectivity restored, data kept.</summary>
    ConnectivityRestoredDataKept,
    /// <summary>2110: connectivity between the gateway and IB's server is broken; IB restores it by itself.</summary>
    ApiClientBroken,
    /// <summary>The gateway's clock differs from this computer's by more than the ServerTime check allows.</summary>
    ClockSkew,
    /// <summary>Any other message the gateway sent to every client (id -1).</summary>
    Notice,
}
