using System;
using System.Collections.Generic;

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

    /// <summary>A yes/no switch of IBC that names a password without holding one.</summary>
    public const string DismissPasswordExpiryWarning = "DismissPasswordExpiryWarning";
}
