using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>A market the test moves by hand: each <see cref="Set"/> raises QuoteChanged on the test's thread, as a replay does on its own.</summary>
internal sealed class MovingMarketQuotes : IMarketQuotes
{
    private readonly Dictionary<int, MarketQuote> _quotes = new();

    public event Action<MarketQuote>? QuoteChanged;

    public MarketQuote? QuoteOf(int conId)
    {
        lock (_quotes) return _quotes.TryGetValue(conId, out var quote) ? quote : null;
    }

    public void Set(int conId, double? bid, double? ask, double? last = null)
    {
        var quote = new MarketQuote(conId, bid, ask, last, null, SimulatorTesting.Now);
        lock (_quotes) _quotes[conId] = quote;
        QuoteChanged?.Invoke(quote);
    }
}
