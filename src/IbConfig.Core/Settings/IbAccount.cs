using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// What an IB account id says about its trading mode: paper accounts start <c>DU</c> (individual) or <c>DF</c> (advisor
/// master); every other id is a live account. Credentials, not ports, decide live vs paper.
/// </summary>
public static class IbAccount
{
    public static TradingMode TradingModeOf(string accountId) =>
        accountId.StartsWith("DU", StringComparison.OrdinalIgnoreCase) || accountId.StartsWith("DF", StringComparison.OrdinalIgnoreCase)
            ? TradingMode.Paper
            : TradingMode.Live;

    /// <summary>Live when any account is live (the dangerous answer wins); null for no accounts.</summary>
    public static TradingMode? TradingModeOf(IEnumerable<string> accountIds)
    {
        var modes = accountIds.Select(TradingModeOf).ToArray();
        if (modes.Length == 0) return null;
        return modes.Contains(TradingMode.Live) ? TradingMode.Live : TradingMode.Paper;
    }
}
