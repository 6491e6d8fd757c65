namespace IbConfig.Core.Simulator;

/// <summary>How the simulator fills the orders of a symbol (docs/simulator.md, "Orders").</summary>
public enum FillRule
{
    /// <summary>A limit order rests until the market crosses its price (BUY when ask ≤ limit, SELL when bid ≥ limit); a market order fills at the quote.</summary>
    OnLimitCross,

    /// <summary>Every order fills as soon as it is placed: a limit order at its limit price, a market order at the quote.</summary>
    Immediate,

    /// <summary>Every order fills as soon as the market has a price, at that price (ask for BUY, bid for SELL), whatever its limit.</summary>
    AtMarket,

    /// <summary>Every order is refused with the rule's IB error code (201 unless told).</summary>
    Reject,

    /// <summary>Orders are accepted and work forever: nothing ever fills.</summary>
    Never,
}
