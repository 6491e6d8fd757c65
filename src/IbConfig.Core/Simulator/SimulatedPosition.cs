using System;
using System.Globalization;

namespace IbConfig.Core.Simulator;

/// <summary>One position reported by reqPositions (POSITION_DATA, version 3 layout).</summary>
public sealed class SimulatedPosition
{
    public SimulatedPosition(string account, string symbol, decimal quantity, double averageCost)
    {
        Account = SimulatedAccount.ValidateId(account);
        Symbol = string.IsNullOrWhiteSpace(symbol) ? throw new ArgumentException("A position needs a symbol.", nameof(symbol)) : symbol.Trim();
        Quantity = quantity;
        AverageCost = averageCost;
    }

    public string Account { get; }

    public string Symbol { get; }

    public decimal Quantity { get; }

    public double AverageCost { get; }

    public int ConId { get; set; }

    public string SecType { get; set; } = "STK";

    public string Currency { get; set; } = "USD";

    /// <summary>IB usually reports positions with an empty exchange.</summary>
    public string Exchange { get; set; } = "";

    public string LastTradeDateOrContractMonth { get; set; } = "";

    public double Strike { get; set; }

    /// <summary>Option right (C/P), empty for stocks.</summary>
    public string Right { get; set; } = "";

    public string Multiplier { get; set; } = "";

    /// <summary>Defaults to the symbol, as IB reports for stocks.</summary>
    public string? LocalSymbol { get; set; }

    /// <summary>Defaults to the symbol, as IB reports for stocks.</summary>
    public string? TradingClass { get; set; }

    public override string ToString() =>
        $"{Account} {Symbol} {Quantity.ToString(CultureInfo.InvariantCulture)} @ {AverageCost.ToString(CultureInfo.InvariantCulture)}";
}
