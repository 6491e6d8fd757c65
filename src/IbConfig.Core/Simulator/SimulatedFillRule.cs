using System;

namespace IbConfig.Core.Simulator;

/// <summary>The fill rule of one symbol, or of every symbol without a rule of its own (<see cref="AnySymbol"/>): a data file's [FillRules] row.</summary>
public sealed class SimulatedFillRule
{
    /// <summary>The symbol that stands for every symbol without a rule of its own.</summary>
    public const string AnySymbol = "*";

    /// <summary>IB's "Order rejected - reason:" code, the default code of <see cref="FillRule.Reject"/>.</summary>
    public const int DefaultRejectCode = 201;

    public SimulatedFillRule(string symbol, FillRule rule, int rejectCode = DefaultRejectCode, decimal partialSize = 0)
    {
        Symbol = string.IsNullOrWhiteSpace(symbol) ? throw new ArgumentException("A fill rule needs a symbol, or * for every symbol.", nameof(symbol)) : symbol.Trim().ToUpperInvariant();
        Rule = rule;
        RejectCode = rejectCode > 0 ? rejectCode : throw new ArgumentException($"Reject code {rejectCode} must be a positive IB error code such as 201.", nameof(rejectCode));
        PartialSize = partialSize >= 0 ? partialSize : throw new ArgumentException($"PartialSize {partialSize} must be 0 (fill all at once) or a positive slice size.", nameof(partialSize));
    }

    public string Symbol { get; }

    public FillRule Rule { get; }

    /// <summary>The IB error code <see cref="FillRule.Reject"/> answers with.</summary>
    public int RejectCode { get; }

    /// <summary>The most one fill may take; 0 fills everything at once. A larger order fills in slices, one per fill opportunity.</summary>
    public decimal PartialSize { get; }

    public override string ToString() => $"{Symbol}: {Rule}" + (Rule == FillRule.Reject ? $" {RejectCode}" : "") + (PartialSize > 0 ? $" in slices of {PartialSize}" : "");
}
