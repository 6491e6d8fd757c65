namespace IbConfig.Core.Protocol;

/// <summary>Ids of the client → server messages IbConfig sends (docs/tws-protocol.md, "Requests IbConfig sends"). No order message is here, on purpose.</summary>
public enum ClientMessageId
{
    ReqIds = 8,
    ReqManagedAccounts = 17,
    ReqCurrentTime = 49,
    ReqPositions = 61,
    ReqAccountSummary = 62,
    CancelAccountSummary = 63,
    CancelPositions = 64,
    StartApi = 71,
}
