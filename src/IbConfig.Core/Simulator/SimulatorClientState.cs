namespace IbConfig.Core.Simulator;

/// <summary>What one connection has asked for that changes later answers (docs/simulator.md, "Contracts and market data").</summary>
internal sealed class SimulatorClientState
{
    /// <summary>reqMarketDataType: 1 real-time (IB's default), 2 frozen, 3 delayed, 4 delayed frozen.</summary>
    public int MarketDataType { get; set; } = 1;
}
