using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Stores;

/// <summary>
/// The keys of IBC's <c>config.ini</c> that IbConfig reads and writes (docs/ib-settings.md, section 3), and the rule that
/// tells a credential key from the rest. Credential values never leave <see cref="IbcConfig"/>.
/// </summary>
public static class IbcKeys
{
    public const string ReadOnlyApi = "ReadOnlyApi";
    public const string OverrideTwsApiPort = "OverrideTwsApiPort";
    public const string OverrideTwsMasterClientID = "OverrideTwsMasterClientID";
    public const string TrustedTwsApiClientIPs = "TrustedTwsApiClientIPs";
    public const string AcceptIncomingConnectionAction = "AcceptIncomingConnectionAction";
    public const string AutoRestartTime = "AutoRestartTime";
    public const string AutoLogoffTime = "AutoLogoffTime";
    public const string ColdRestartTime = "ColdRestartTime";
    public const string ClosedownAt = "ClosedownAt";
    public const string TradingMode = "TradingMode";
    public const string BypassOrderPrecautions = "BypassOrderPrecautions";
    public const string AllowBlindTrading = "AllowBlindTrading";
    public const string ExistingSessionDetectedAction = "ExistingSessionDetectedAction";
    public const string CommandServerPort = "CommandServerPort";
    public const string ControlFrom = "ControlFrom";

    /// <summary>IBC's other order-precaution switches (all yes/no): each skips one of TWS's confirmation dialogs.</summary>
    public static IReadOnlyList<string> OtherBypassKeys { get; } = new[]
    {
        "BypassBondWarning",
        "BypassNegativeYieldToWorstConfirmation",
        "BypassCalledBondWarning",
        "BypassSameActionPairTradeWarning",
        "BypassPriceBasedVolatilityRiskWarning",
        "BypassUSStocksMarketDataInSharesWarning",
        "BypassRedirectOrderWarning",
        "BypassNoOverfillProtectionPrecaution",
    };

    /// <summary>
    /// True for IBC's login keys (<c>IbLoginId</c>, <c>IbPassword</c>, <c>FIXLoginId</c>, <c>FIXPassword</c>) and anything
    /// else that names a password or login id (IBC adds such keys over time, e.g. <c>PaperTradingIbPassword</c>).
    /// </summary>
    public static bool IsCredential(string key) =>
        (key.IndexOf("Password", StringComparison.OrdinalIgnoreCase) >= 0
         || key.IndexOf("LoginId", StringComparison.OrdinalIgnoreCase) >= 0
         || key.IndexOf("Secret", StringComparison.OrdinalIgnoreCase) >= 0)
        && !string.Equals(key, DismissPasswordExpiryWarning, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for a key a backup must not copy the value of: a credential key (<see cref="IsCredential"/>), in any case, and
    /// a misspelling of one (a key IBC ignores may still hold the password someone meant to set there).
    /// </summary>
    public static bool MayHoldCredential(string key)
    {
        if (string.Equals(key, DismissPasswordExpiryWarning, StringComparison.OrdinalIgnoreCase)) return false;
        if (IsCredential(key)) return true;
        var letters = new string(key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        if (letters.Contains("passw") || letters.Contains("pwd") || letters.Contains("passwd") || letters.Contains("pswd")) return true;
        return CredentialKeys.Any(k => EditDistance(letters, k) <= 2);
    }

    private static readonly string[] CredentialKeys = { "ibloginid", "ibpassword", "fixloginid", "fixpassword" };

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return 3;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>A yes/no switch of IBC that names a password without holding one.</summary>
    public const string DismissPasswordExpiryWarning = "DismissPasswordExpiryWarning";
}
