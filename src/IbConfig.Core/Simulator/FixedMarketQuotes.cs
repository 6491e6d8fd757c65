using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>The quotes of the data file's [Contracts] rows, which never move.</summary>
internal sealed class FixedMarketQuotes : IMarketQuotes
{
    private readonly Dictionary<int, SimulatedContract> _contracts;
    private readonly Func<DateTimeOffset> _clock;

    public FixedMarketQuotes(IEnumerable<SimulatedContract> contracts, Func<DateTimeOffset> clock)
    {
        _contracts = contracts.GroupBy(c => c.ConId).ToDictionary(g => g.Key, g => g.First());
        _clock = clock;
    }

    public MarketQuote? QuoteOf(int conId) =>
        _contracts.TryGetValue(conId, out var c) && (c.Bid ?? c.Ask ?? c.Last) is not null
            ? new MarketQuote(conId, c.Bid, c.Ask, c.Last, c.LastSize, _clock())
            : null;

    // Fixed quotes never move, so nobody is ever told.
    public event Action<MarketQuote>? QuoteChanged { add { } remove { } }
}
