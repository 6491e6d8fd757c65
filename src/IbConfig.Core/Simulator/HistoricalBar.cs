using System;

namespace IbConfig.Core.Simulator;

/// <summary>One bar of a contract's price history: its start time (UTC), prices, volume and, when known, WAP and trade count.</summary>
public sealed class HistoricalBar
{
    public HistoricalBar(DateTimeOffset time, double open, double high, double low, double close, decimal volume, double? wap = null, int? count = null)
    {
        Time = time.ToUniversalTime();
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        Wap = wap;
        Count = count;
    }

    /// <summary>When the bar starts; it lasts its series' <see cref="BarSeries.BarLength"/>.</summary>
    public DateTimeOffset Time { get; }

    public double Open { get; }

    public double High { get; }

    public double Low { get; }

    public double Close { get; }

    public decimal Volume { get; }

    /// <summary>Volume-weighted average price; unknown when the CSV has no WAP column.</summary>
    public double? Wap { get; }

    /// <summary>Number of trades; unknown when the CSV has no Count column.</summary>
    public int? Count { get; }

    public override string ToString() => $"{Time:yyyy-MM-ddTHH:mm:ssZ} O {Open} H {High} L {Low} C {Close} V {Volume}";
}
