using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The replay clock (docs/simulator.md, "Replay clock"): simulated time that starts at <see cref="Start"/> and runs at
/// <see cref="Speed"/> times real time (0: only when <see cref="Advance"/> moves it), and the market it drives. Each
/// contract with a bar series is quoted from the series' walk (<see cref="BarWalk"/>): last is the walked price, bid and
/// ask one minimum tick either side. Every step the clock passes raises <see cref="QuoteChanged"/>, in time order, so
/// the same data, seed and start give the same quotes however the clock is moved. Contracts without a series keep the
/// data file's fixed quote.
/// </summary>
internal sealed class MarketReplay : IMarketQuotes
{
    /// <summary>Quotes one catch-up emits at most: a jump across more steps sends only the latest ones.</summary>
    public const int MaxStepsPerCatchUp = 100_000;

    /// <summary>How often a running clock (speed above 0) moves the market.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<int, BarSeries> _series;
    private readonly Dictionary<int, SimulatedContract> _contracts;
    private readonly FixedMarketQuotes _fixed;
    private readonly Stopwatch _running = new();
    private readonly object _gate = new();
    private long _advancedTicks;
    private DateTimeOffset _emittedUntil;

    public MarketReplay(IReadOnlyList<SimulatedContract> contracts, IEnumerable<BarSeries> series, DateTimeOffset start, double speed, int seed)
    {
        _contracts = contracts.GroupBy(c => c.ConId).ToDictionary(g => g.Key, g => g.First());
        _series = series.ToDictionary(s => s.ConId);
        Start = start.ToUniversalTime();
        Speed = speed;
        Walk = new BarWalk(seed);
        _emittedUntil = Start;
        _fixed = new FixedMarketQuotes(contracts, () => Now);
    }

    public DateTimeOffset Start { get; }

    /// <summary>Simulated seconds per real second; 0 leaves the clock to <see cref="Advance"/>.</summary>
    public double Speed { get; }

    public BarWalk Walk { get; }

    /// <summary>The simulated time now.</summary>
    public DateTimeOffset Now => Start + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks) + (long)(_running.Elapsed.Ticks * Speed));

    /// <summary>Raised for every step the clock passes, in time order, on the thread that moved the clock.</summary>
    public event Action<MarketQuote>? QuoteChanged;

    /// <summary>Raised after each move of the market, with the simulated times it moved from and to.</summary>
    public event Action<DateTimeOffset, DateTimeOffset>? Advanced;

    public BarSeries? SeriesOf(int conId) => _series.TryGetValue(conId, out var s) ? s : null;

    public IReadOnlyCollection<BarSeries> Series => _series.Values;

    public MarketQuote? QuoteOf(int conId)
    {
        DateTimeOffset at;
        lock (_gate) at = _emittedUntil;
        return _series.TryGetValue(conId, out var series) && Walk.At(series, at) is BarWalk.Step step
            ? QuoteFor(conId, step)
            : _fixed.QuoteOf(conId);
    }

    /// <summary>Moves the clock forward (any speed) and the market with it.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw SimulatorFailure.ReplayBackwards(by);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
        CatchUp();
    }

    /// <summary>Runs the clock in real time until stopped (nothing to run at speed 0).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Speed <= 0) return;
        _running.Start();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(Interval, stopping).ConfigureAwait(false);
                CatchUp();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            _running.Stop();
        }
    }

    /// <summary>Emits every step between the last emitted time and now, oldest first, under one lock so moves never interleave.</summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            var from = _emittedUntil;
            var to = Now;
            if (to <= from) return;
            var steps = _series.Values
                .SelectMany(s => Walk.Between(s, from, to).Select(step => (s.ConId, Step: step)))
                .OrderBy(x => x.Step.Time).ThenBy(x => x.ConId)
                .ToList();
            _emittedUntil = to;
            foreach (var (conId, step) in steps.Skip(Math.Max(0, steps.Count - MaxStepsPerCatchUp)))
                QuoteChanged?.Invoke(QuoteFor(conId, step));
            Advanced?.Invoke(from, to);
        }
    }

    private MarketQuote QuoteFor(int conId, BarWalk.Step step)
    {
        var tick = _contracts.TryGetValue(conId, out var c) && c.MinTick > 0 ? c.MinTick : 0.01;
        var last = RoundToTick(step.Price, tick);
        return new MarketQuote(conId, RoundToTick(last - tick, tick), RoundToTick(last + tick, tick), last, step.Volume, step.Time);
    }

    public static double RoundToTick(double price, double tick) => Math.Round(Math.Round(price / tick) * tick, 8);
}
