using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The standard tags of reqAccountSummary (IB's AccountSummaryTags), each with the value a fresh paper account shows and
/// whether it is a money amount (sent with the account's currency) or a plain figure (sent with an empty currency).
/// </summary>
public static class AccountSummaryTag
{
    private static readonly (string Tag, string Value, bool IsMoney)[] Table =
    {
        ("AccountType", "INDIVIDUAL", false),
        ("NetLiquidation", "1000000.00", true),
        ("TotalCashValue", "1000000.00", true),
        ("SettledCash", "1000000.00", true),
        ("AccruedCash", "0.00", true),
        ("BuyingPower", "4000000.00", true),
        ("EquityWithLoanValue", "1000000.00", true),
        ("PreviousEquityWithLoanValue", "1000000.00", true),
        ("GrossPositionValue", "0.00", true),
        ("RegTEquity", "1000000.00", true),
        ("RegTMargin", "0.00", true),
        ("SMA", "1000000.00", true),
        ("InitMarginReq", "0.00", true),
        ("MaintMarginReq", "0.00", true),
        ("AvailableFunds", "1000000.00", true),
        ("ExcessLiquidity", "1000000.00", true),
        ("Cushion", "1", false),
        ("FullInitMarginReq", "0.00", true),
        ("FullMaintMarginReq", "0.00", true),
        ("FullAvailableFunds", "1000000.00", true),
        ("FullExcessLiquidity", "1000000.00", true),
        ("LookAheadNextChange", "0", false),
        ("LookAheadInitMarginReq", "0.00", true),
        ("LookAheadMaintMarginReq", "0.00", true),
        ("LookAheadAvailableFunds", "1000000.00", true),
        ("LookAheadExcessLiquidity", "1000000.00", true),
        ("HighestSeverity", "0", false),
        ("DayTradesRemaining", "-1", false),
        ("Leverage", "0", false),
    };

    private static readonly Dictionary<string, (string Tag, string Value, bool IsMoney)> ByName =
        Table.ToDictionary(t => t.Tag, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every standard tag, in IB's order.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Tag).ToArray();

    /// <summary>The tag's canonical spelling when it is standard, else null (IB ignores tags it does not know).</summary>
    public static string? Canonical(string tag) => ByName.TryGetValue(tag.Trim(), out var t) ? t.Tag : null;

    /// <summary>The value a fresh simulated paper account reports for a standard tag.</summary>
    public static string DefaultValue(string tag) => ByName[tag].Value;

    /// <summary>True when the tag is a money amount reported in the account's currency.</summary>
    public static bool IsMoney(string tag) => ByName[tag].IsMoney;
}
