using System;
using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The replay's path through a bar (docs/simulator.md, "Replay clock"): four equal steps, at 0, ¼, ½ and ¾ of the bar,
/// priced open, one extreme, the other extreme, close. Whether the high or the low comes first is drawn from the seed,
/// the contract and the bar's time, so one seed always walks the same path, whatever order or pace the clock moves in.
/// Every price of the market (quotes, partial bars, real-time bars) is read off this one path.
/// </summary>
internal sealed class BarWalk
{
    public const int StepsPerBar = 4;

    private readonly int _seed;

    public BarWalk(int seed) => _seed = seed;

    /// <summary>One step of the path: when, the contract's price from then on, and the volume traded at it.</summary>
    public readonly struct Step
    {
        public Step(DateTimeOffset time, double price, decimal volume)
        {
            Time = time;
            Price = price;
            Volume = volume;
        }

        public DateTimeOffset Time { get; }

        public double Price { get; }

        public decimal Volume { get; }
    }

    public Step StepOf(BarSeries series, int barIndex, int step)
    {
        var bar = series.Bars[barIndex];
        var highFirst = (Mix(_seed, series.ConId, bar.Time.UtcTicks) & 1) == 0;
        var price = step switch
        {
            0 => bar.Open,
            1 => highFirst ? bar.High : bar.Low,
            2 => highFirst ? bar.Low : bar.High,
            _ => bar.Close,
        };
        var share = decimal.Floor(bar.Volume / StepsPerBar);
        var volume = step == StepsPerBar - 1 ? bar.Volume - share * (StepsPerBar - 1) : share;
        return new Step(bar.Time + TimeSpan.FromTicks(series.BarLength.Ticks * step / StepsPerBar), price, volume);
    }

    /// <summary>The step in force at a time: the latest at or before it (a gap between bars keeps the last close); null before the series.</summary>
    public Step? At(BarSeries series, DateTimeOffset time)
    {
        var index = series.IndexAtOrBefore(time);
        if (index < 0) return null;
        var into = (time - series.Bars[index].Time).Ticks;
        var step = into >= series.BarLength.Ticks ? StepsPerBar - 1 : (int)(into * StepsPerBar / series.BarLength.Ticks);
        return StepOf(series, index, step);
    }

    /// <summary>The steps after <paramref name="from"/> up to and including <paramref name="to"/>, in time order.</summary>
    public IEnumerable<Step> Between(BarSeries series, DateTimeOffset from, DateTimeOffset to)
    {
        for (var i = Math.Max(0, series.IndexAtOrBefore(from)); i < series.Bars.Count && series.Bars[i].Time <= to; i++)
            for (var k = 0; k < StepsPerBar; k++)
            {
                var step = StepOf(series, i, k);
                if (step.Time > to) break;
                if (step.Time > from) yield return step;
            }
    }

    /// <summary>
    /// The bars of the series that start before <paramref name="end"/> (and not before <paramref name="from"/> when given);
    /// the one running at <paramref name="end"/> is cut there (the steps walked so far), as a gateway's history includes
    /// the bar still in progress.
    /// </summary>
    public IEnumerable<HistoricalBar> BarsBefore(BarSeries series, DateTimeOffset end, DateTimeOffset? from = null)
    {
        var first = from is DateTimeOffset start ? series.IndexAtOrBefore(start - TimeSpan.FromTicks(1)) + 1 : 0;
        for (var i = first; i < series.Bars.Count && series.Bars[i].Time < end; i++)
        {
            var bar = series.Bars[i];
            if (bar.Time + series.BarLength <= end)
            {
                yield return bar;
                continue;
            }
            var steps = new List<Step>();
            for (var k = 0; k < StepsPerBar; k++)
            {
                var step = StepOf(series, i, k);
                if (step.Time >= end && k > 0) break;
                steps.Add(step);
            }
            yield return Combine(bar.Time, steps, steps[0].Price);
        }
    }

    /// <summary>A bar of the path over [from, to): it opens at the price in force at <paramref name="from"/>; null before the series.</summary>
    public HistoricalBar? Window(BarSeries series, DateTimeOffset from, DateTimeOffset to)
    {
        if (At(series, from) is not Step opening) return null;
        var steps = new List<Step>();
        foreach (var step in Between(series, from - TimeSpan.FromTicks(1), to - TimeSpan.FromTicks(1))) steps.Add(step);
        return Combine(from, steps, opening.Price);
    }

    private static HistoricalBar Combine(DateTimeOffset time, IReadOnlyList<Step> steps, double open)
    {
        double high = open, low = open, close = open, weighted = 0;
        decimal volume = 0;
        foreach (var step in steps)
        {
            high = Math.Max(high, step.Price);
            low = Math.Min(low, step.Price);
            close = step.Price;
            volume += step.Volume;
            weighted += step.Price * (double)step.Volume;
        }
        var wap = volume > 0 ? weighted / (double)volume : close;
        return new HistoricalBar(time, open, high, low, close, volume, Math.Round(wap, 6), steps.Count);
    }

    /// <summary>A fixed integer hash (not string.GetHashCode, which changes per process).</summary>
    private static int Mix(int seed, int conId, long ticks)
    {
        unchecked
        {
            var h = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)conId * 0xC2B2AE3D27D4EB4FUL ^ (ulong)ticks * 0x165667B19E3779F9UL;
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
