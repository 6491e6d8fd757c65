using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Network;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// Accounts are present and of the asked trading mode (paper accounts start DU): the bot trades the account it means to.
/// Without -TradingMode, the port's convention is the expectation.
/// </summary>
public sealed class AccountsTradingModeCheck : IbCheck
{
    public override string Id => IbCheckId.AccountsTradingMode;

    public override string Name => "Accounts present and of the trading mode";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        var connection = context.Connection;
        var want = context.Request.TradingMode ?? (connection is null ? null : ConventionalPort.Find(connection.Port)?.TradingMode);
        var expected = want is { } mode ? $"{mode.ToString().ToLowerInvariant()} accounts{(mode == TradingMode.Paper ? " (DU...)" : string.Empty)}" : "managed accounts";
        if (connection is null || connection.StatusValue is not (IbConnectionStatus.Success or IbConnectionStatus.TradingModeMismatch or IbConnectionStatus.NoAccounts))
            return new[] { Skip(expected, "The gateway's accounts were not read (see ApiHandshake).") };
        if (connection.ManagedAccounts.Length == 0)
            return new[] { Fail(expected, "no managed accounts", "live", "Log in to the gateway with the account the bot trades") };
        var actual = $"{string.Join(",", connection.ManagedAccounts)} ({connection.AccountKind?.ToString().ToLowerInvariant() ?? "unknown"})";
        if (want is { } expectedMode && connection.AccountKindValue is { } kind && kind != expectedMode)
        {
            var fix = context.Request.TradingMode is null
                ? $"The port {connection.Port} is conventionally {expectedMode.ToString().ToLowerInvariant()}: log in with a {expectedMode.ToString().ToLowerInvariant()} account or move the API to a {kind.ToString().ToLowerInvariant()} port"
                : $"Log in with a {expectedMode.ToString().ToLowerInvariant()} account (IBC: TradingMode={expectedMode.ToString().ToLowerInvariant()})";
            return new[] { Fail(expected, actual + $": {kind.ToString().ToUpperInvariant()} accounts", "live", fix) };
        }
        return new[] { Pass(expected, actual, "live") };
    }
}
