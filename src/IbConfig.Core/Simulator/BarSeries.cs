using System;
using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A contract's bars in time order, all of one length (the smallest step between two bars): what history, real-time bars
/// and the replay clock are made from (docs/simulator.md, "History").
/// </summary>
public sealed class BarSeries
{
    public BarSeries(int conId, IReadOnlyList<HistoricalBar> bars, TimeSpan barLength)
    {
        if (bars.Count == 0) throw new ArgumentException("A bar series needs at least one bar.", nameof(bars));
        if (barLength <= TimeSpan.Zero) throw new ArgumentException("A bar series needs a positive bar length.", nameof(barLength));
        ConId = conId;
        Bars = bars;
        BarLength = barLength;
    }

    public int ConId { get; }

    public IReadOnlyList<HistoricalBar> Bars { get; }

    public TimeSpan BarLength { get; }

    public DateTimeOffset Start => Bars[0].Time;

    /// <summary>When the last bar ends.</summary>
    public DateTimeOffset End => Bars[Bars.Count - 1].Time + BarLength;

    /// <summary>The index of the last bar starting at or before <paramref name="time"/>, or -1 when every bar starts later.</summary>
    public int IndexAtOrBefore(DateTimeOffset time)
    {
        int low = 0, high = Bars.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (Bars[middle].Time <= time)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    public override string ToString() => $"conId {ConId}: {Bars.Count} bar(s) of {BarLength} from {Start:yyyy-MM-ddTHH:mm:ssZ}";
}
