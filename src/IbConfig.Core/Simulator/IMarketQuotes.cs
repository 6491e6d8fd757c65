using System;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The market the simulator's orders trade against: the newest quote of each contract, and a signal each time one moves.
/// The fixed quotes of the data file's [Contracts] rows are one source (<see cref="FixedMarketQuotes"/>); a replay of bar
/// series moves them over time.
/// </summary>
internal interface IMarketQuotes
{
    /// <summary>The newest quote of a contract, or null when the simulator has no price for it.</summary>
    MarketQuote? QuoteOf(int conId);

    /// <summary>Raised after a contract's quote moved. Handlers run on the mover's thread: they must be quick and must not throw.</summary>
    event Action<MarketQuote>? QuoteChanged;
}
