namespace IbConfig.Core.Network;

/// <summary>The stages of a connection check, in order; a failed check names the one that failed.</summary>
public enum ConnectionStage
{
    /// <summary>Name lookup and TCP connect.</summary>
    Tcp,
    /// <summary><c>API\0</c> + version range → server version and connection time.</summary>
    Handshake,
    /// <summary>START_API with the client id.</summary>
    StartApi,
    /// <summary>Managed accounts and the next valid order id, which the server sends unasked after START_API.</summary>
    Accounts,
    /// <summary>REQ_CURRENT_TIME → CURRENT_TIME.</summary>
    ServerTime,
    /// <summary>Account summary and positions (read-only requests).</summary>
    AccountData,
}
