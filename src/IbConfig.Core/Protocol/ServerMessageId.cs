namespace IbConfig.Core.Protocol;

/// <summary>
/// Ids of the server → client messages (docs/tws-protocol.md, "Replies IbConfig reads"), plus the account-update and end-of-list replies the
/// simulator sends to ib_insync/ib_async's start-up requests. 61–64 clash with request ids: direction decides.
/// </summary>
public enum ServerMessageId
{
    TickPrice = 1,
    TickSize = 2,
    Error = 4,
    AccountValue = 6,
    PortfolioValue = 7,
    AccountUpdateTime = 8,
    NextValidId = 9,
    ContractData = 10,
    ManagedAccounts = 15,
    HistoricalData = 17,
    CurrentTime = 49,
    RealTimeBars = 50,
    ContractDataEnd = 52,
    OpenOrderEnd = 53,
    AccountDownloadEnd = 54,
    ExecutionDataEnd = 55,
    TickSnapshotEnd = 57,
    MarketDataType = 58,
    PositionData = 61,
    PositionEnd = 62,
    AccountSummary = 63,
    AccountSummaryEnd = 64,
    AccountUpdateMulti = 73,
    AccountUpdateMultiEnd = 74,
    SymbolSamples = 79,
    HeadTimestamp = 88,
    HistoricalDataUpdate = 90,
    CompletedOrdersEnd = 102,
}
