using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// The socket port is set and is the conventional one for the trading mode. A live port (7496, 4001) when paper was asked
/// is a failure: the guide warns that the wrong port "can result in real trades".
/// </summary>
public sealed class SocketPortCheck : IbCheck
{
    public override string Id => IbCheckId.SocketPort;

    public override string Name => "Socket port set and right for the trading mode";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        var asked = context.Request.TradingMode;
        var expected = asked is { } mode ? $"a {mode.ToString().ToLowerInvariant()} port ({string.Join(" or ", ConventionalPort.PortsFor(null, mode))})" : "a port set (7497/4002 paper, 7496/4001 live)";
        var value = context.Settings?.Get("SocketPort");
        var configured = context.Settings?.SocketPort;
        var port = context.Request.Port ?? configured;
        if (port is null) return new[] { NotSet(context, expected, "SocketPort", SettingsFix.Set(SettingDefinition.SocketPort, ConventionalPort.PortsFor(null, TradingMode.Paper)[0])) };

        var source = context.Request.Port is not null && configured != context.Request.Port ? "-Port" : SourceOf(value, context);
        var conventional = ConventionalPort.Find(port.Value);
        var actual = conventional?.ToString() ?? $"{port} (not one of IB's conventional ports)";
        if (context.Request.Port is { } testing && configured is { } set && set != testing)
            actual += $"; the settings say {set}";

        if (asked is { } want && conventional is not null && conventional.TradingMode != want)
        {
            var fix = ConventionalPort.PortsFor(conventional.Product, want)[0];
            return new[]
            {
                Fail(expected, actual + (want == TradingMode.Paper ? ": a LIVE port when paper was asked" : ": a paper port when live was asked"),
                    source, SettingsFix.Set(SettingDefinition.SocketPort, fix), context),
            };
        }
        if (asked is null && conventional?.TradingMode == TradingMode.Live)
            return new[] { Warn(expected, actual + ": orders placed here are real", source, "Test-IbApiConfiguration -TradingMode Live, if live is intended") };
        if (context.Settings?.TradingModeValue is { } lastLogin && conventional is not null && conventional.TradingMode != lastLogin)
            return new[] { Warn(expected, actual + $"; the last login was {lastLogin.ToString().ToLowerInvariant()}", source, "Check which account the gateway logs in to") };
        if (context.Request.Port is { } tested && configured is { } setting && setting != tested)
            return new[] { Warn(expected, actual, source, SettingsFix.Set(SettingDefinition.SocketPort, tested), context) };
        return new[] { Pass(expected, actual, source) };
    }
}
