using System;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Settings;

/// <summary>The failures of a requested setting change: a value that does not parse, a refused port, time or address.</summary>
public static class SettingFailure
{
    public static IbConfigException NameUnknown(string name, System.Collections.Generic.IEnumerable<string> known) =>
        new("SettingNameUnknown", IbErrorKind.InvalidArgument,
            $"'{name}' is not a setting IbConfig knows. Use one of: {string.Join(", ", known)}.", name);

    public static IbConfigException NotWritable(SettingDefinition setting) =>
        new("SettingNotWritable", IbErrorKind.InvalidArgument,
            $"{setting.Name} is not changed by Set-IbApiSetting ({setting.Description}). Change it in the gateway's GUI.", setting.Name);

    /// <summary>The setting's own parser says what is wrong with <paramref name="text"/> and which form to use.</summary>
    public static IbConfigException ValueInvalid(SettingDefinition setting, string text) =>
        new("SettingValueInvalid", IbErrorKind.InvalidArgument, setting.TryParse(text, out _, out var problem) ? $"{text} is not a valid {setting.Name}." : problem, text);

    public static IbConfigException LivePortRefused(int port) =>
        new("LivePortRefused", IbErrorKind.SecurityError,
            $"Port {ConventionalPort.Find(port)?.ToString() ?? port.ToString()} is a live-trading port: a bot connected to it can place real trades. " +
            $"Pass -AllowLivePort if you mean it; paper trading uses {string.Join(" or ", ConventionalPort.PortsFor(null, TradingMode.Paper))}.", port);

    public static IbConfigException LogoffNotBeforeRestart(TimeSpan logoff, TimeSpan restart) =>
        new("AutoLogoffNotBeforeRestart", IbErrorKind.InvalidArgument,
            $"Auto-logoff ({SettingValueParser.FormatTime(logoff)}) must come before auto-restart ({SettingValueParser.FormatTime(restart)}), " +
            "so the gateway logs off cleanly first (the guide: logoff 23:50, restart 23:55). Pass an earlier -AutoLogoffTime.", SettingValueParser.FormatTime(logoff));

    /// <summary>The address parser says what is wrong with <paramref name="entry"/> and what IB accepts.</summary>
    public static IbConfigException TrustedIpInvalid(string entry) =>
        new("TrustedIpInvalid", IbErrorKind.InvalidArgument, TrustedIpAddress.TryParse(entry, out _, out var problem) ? $"{entry} cannot be trusted." : problem, entry);

    public static IbConfigException TrustedIpNeedsForce(TrustedIpAddress address, string danger) =>
        new("TrustedIpNeedsForce", IbErrorKind.SecurityError, $"{danger} Pass -Force if you really mean to trust it.", address.Address);

    public static IbConfigException LoopbackRemovalRefused(string what) =>
        new("LoopbackRemovalRefused", IbErrorKind.InvalidOperation,
            $"{what} would stop clients on this machine (bots connecting to 127.0.0.1) from being trusted. Pass -Force if you really mean it.",
            TrustedIpAddress.Loopback.Address);
}
