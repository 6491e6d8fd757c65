namespace IbConfig.Core.Protocol;

/// <summary>Ids of the server → client messages (tws-protocol.md, "Replies"). 61–64 clash with request ids: direction decides.</summary>
public enum ServerMessageId
{
    Error = 4,
    NextValidId = 9,
    ManagedAccounts = 15,
    CurrentTime = 49,
    PositionData = 61,
    PositionEnd = 62,
    AccountSummary = 63,
    AccountSummaryEnd = 64,
}
