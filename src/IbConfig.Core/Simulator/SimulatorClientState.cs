namespace IbConfig.Core.Simulator;

/// <summary>What one connection is and has asked for that changes later answers and pushes (docs/simulator.md).</summary>
internal sealed class SimulatorClientState
{
    /// <summary>The client id given at START_API; orders are this client's.</summary>
    public int ClientId { get; set; }

    /// <summary>reqMarketDataType: 1 real-time (IB's default), 2 frozen, 3 delayed, 4 delayed frozen.</summary>
    public int MarketDataType { get; set; } = 1;

    /// <summary>The account reqAccountUpdates subscribed to (portfolio and account values are pushed after fills), or null.</summary>
    public string? AccountUpdates { get; set; }

    /// <summary>Whether reqPositions is subscribed (position changes are pushed after fills) until cancelPositions.</summary>
    public bool PositionsSubscribed { get; set; }
}
