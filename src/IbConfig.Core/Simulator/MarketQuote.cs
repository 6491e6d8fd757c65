using System;

namespace IbConfig.Core.Simulator;

/// <summary>One contract's quote at one moment of the simulated market; an unset price means the market has none.</summary>
internal sealed class MarketQuote
{
    public MarketQuote(int conId, double? bid, double? ask, double? last, decimal? lastSize, DateTimeOffset time)
    {
        ConId = conId;
        Bid = bid;
        Ask = ask;
        Last = last;
        LastSize = lastSize;
        Time = time;
    }

    public int ConId { get; }

    public double? Bid { get; }

    public double? Ask { get; }

    public double? Last { get; }

    public decimal? LastSize { get; }

    public DateTimeOffset Time { get; }
}
