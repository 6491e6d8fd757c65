using System;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A contract the simulator knows (a data file's [Contracts] row): answers reqContractDetails, reqMatchingSymbols and
/// reqMktData. Its quote (bid, ask, last, sizes, volume, close) is what market data reports; unset values send no tick.
/// </summary>
public sealed class SimulatedContract
{
    public SimulatedContract(int conId, string symbol)
    {
        ConId = conId > 0 ? conId : throw new ArgumentException($"ConId {conId} must be a positive whole number.", nameof(conId));
        Symbol = string.IsNullOrWhiteSpace(symbol) ? throw new ArgumentException("A contract needs a symbol.", nameof(symbol)) : symbol.Trim().ToUpperInvariant();
    }

    public int ConId { get; }

    public string Symbol { get; }

    public string SecType { get; set; } = "STK";

    /// <summary>The exchange IB quotes it on; requests may also name SMART.</summary>
    public string Exchange { get; set; } = "SMART";

    public string PrimaryExchange { get; set; } = "";

    public string Currency { get; set; } = "USD";

    public double MinTick { get; set; } = 0.01;

    public string LongName { get; set; } = "";

    /// <summary>IB's trading-hours text, e.g. <c>20251117:0400-20251117:2000;20251118:0400-20251118:2000</c>.</summary>
    public string TradingHours { get; set; } = "";

    public string LiquidHours { get; set; } = "";

    /// <summary>IB's time-zone id for the hours, e.g. US/Eastern.</summary>
    public string TimeZoneId { get; set; } = "US/Eastern";

    public double? Bid { get; set; }

    public double? Ask { get; set; }

    public double? Last { get; set; }

    public decimal? BidSize { get; set; }

    public decimal? AskSize { get; set; }

    public decimal? LastSize { get; set; }

    public decimal? Volume { get; set; }

    public double? Close { get; set; }

    /// <summary>Whether a request's contract fields name this contract: by conId when given, else by symbol, type and currency
    /// (an empty field matches anything; SMART matches every exchange, as IB routes it).</summary>
    public bool Matches(int conId, string symbol, string secType, string exchange, string currency)
    {
        if (conId > 0) return conId == ConId;
        return string.Equals(symbol.Trim(), Symbol, StringComparison.OrdinalIgnoreCase)
               && (secType.Length == 0 || string.Equals(secType, SecType, StringComparison.OrdinalIgnoreCase))
               && (currency.Length == 0 || string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
               && (exchange.Length == 0 || exchange.Equals("SMART", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(exchange, Exchange, StringComparison.OrdinalIgnoreCase) || string.Equals(exchange, PrimaryExchange, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => $"{Symbol} {SecType} {Currency} (conId {ConId})";
}
