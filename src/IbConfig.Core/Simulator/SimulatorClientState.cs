using System.Collections.Concurrent;

namespace IbConfig.Core.Simulator;

/// <summary>What one connection is and has asked for that changes later answers and pushes (docs/simulator.md).</summary>
internal sealed class SimulatorClientState
{
    /// <summary>The client id given at START_API; orders are this client's.</summary>
    public int ClientId { get; set; }

    /// <summary>Live subscriptions of each kind a connection may hold; IB's own limit on market data lines is 100 by default.</summary>
    public const int MaxStreams = 100;

    /// <summary>reqMarketDataType: 1 real-time (IB's default), 2 frozen, 3 delayed, 4 delayed frozen.</summary>
    public int MarketDataType { get; set; } = 1;

    /// <summary>The account reqAccountUpdates subscribed to (portfolio and account values are pushed after fills), or null.</summary>
    public string? AccountUpdates { get; set; }

    /// <summary>Whether reqPositions is subscribed (position changes are pushed after fills) until cancelPositions.</summary>
    public bool PositionsSubscribed { get; set; }

    /// <summary>Streaming reqMktData: request id → contract, until cancelMktData.</summary>
    public ConcurrentDictionary<int, SimulatedContract> TickStreams { get; } = new();

    /// <summary>reqHistoricalData with keepUpToDate: request id → subscription, until cancelHistoricalData.</summary>
    public ConcurrentDictionary<int, HistoryStream> HistoryStreams { get; } = new();

    /// <summary>reqRealTimeBars: request id → subscription, until cancelRealTimeBars.</summary>
    public ConcurrentDictionary<int, HistoryStream> RealTimeBarStreams { get; } = new();

    /// <summary>Ends the subscription a cancel names (CANCEL_MKT_DATA 2, CANCEL_HISTORICAL_DATA 25, CANCEL_REAL_TIME_BARS 51).</summary>
    public void Cancel(int messageId, int reqId)
    {
        switch (messageId)
        {
            case 2: TickStreams.TryRemove(reqId, out _); break;
            case 25: HistoryStreams.TryRemove(reqId, out _); break;
            case 51: RealTimeBarStreams.TryRemove(reqId, out _); break;
        }
    }
}
