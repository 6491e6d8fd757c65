using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Network;

/// <summary>
/// The configured socket port as the default to probe: the effective settings of this machine's stores (IBC over the
/// profile XML over jts.ini), falling back to IB's conventional ports when no store sets a usable port, when the settings
/// cannot be read, or when the configured port is a conventional one of another product or trading mode than asked.
/// </summary>
public sealed class SettingsPortSource : IDefaultPortSource
{
    private readonly Func<SettingsStoreSet?> _openStores;
    private readonly IDefaultPortSource _fallback;

    /// <param name="openStores">Opens this machine's stores, or returns null when there are none.</param>
    /// <param name="fallback">Where the ports come from when the settings give none.</param>
    public SettingsPortSource(Func<SettingsStoreSet?> openStores, IDefaultPortSource fallback)
    {
        _openStores = openStores;
        _fallback = fallback;
    }

    public DefaultPorts GetDefaultPorts(IbProduct? product, TradingMode? tradingMode)
    {
        var configured = ConfiguredPort();
        if (configured is null || !Fits(configured.TypedValue as int?, product, tradingMode)) return _fallback.GetDefaultPorts(product, tradingMode);
        return new DefaultPorts(new[] { (int)configured.TypedValue! }, $"the configured port, {configured.Source}");
    }

    private SettingValue? ConfiguredPort()
    {
        try
        {
            var port = _openStores()?.Effective().Get(SettingDefinition.SocketPort.Name);
            return port is { IsValid: true, TypedValue: int } ? port : null;
        }
        catch (Exception ex) when (ex is IbConfigException or IOException or UnauthorizedAccessException)
        {
            // A default must never fail the probe: an unreadable store just means "no configured port".
            return null;
        }
    }

    /// <summary>An unconventional port fits any filter; a conventional one only its own product and trading mode.</summary>
    private static bool Fits(int? port, IbProduct? product, TradingMode? tradingMode)
    {
        if (port is null) return false;
        var meaning = ConventionalPort.Find(port.Value);
        return meaning is null ||
               ((product is null || meaning.Product == product) && (tradingMode is null || meaning.TradingMode == tradingMode));
    }

    /// <summary>The configured port of this machine's stores, looked up afresh on every call (the files may change).</summary>
    public static SettingsPortSource ForThisMachine() => new(
        () => OpenStores(ConfigLocator.ForThisMachine().FindFirstExisting(),
                         IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows))),
        new ConventionalPortSource());

    /// <summary>The stores of one jts.ini (may be null) and the first existing IBC config.ini; null when neither exists.</summary>
    public static SettingsStoreSet? OpenStores(string? jtsIniPath, IEnumerable<string> ibcCandidates)
    {
        var ibc = new List<string>(ibcCandidates);
        if (jtsIniPath is null && !ibc.Exists(File.Exists)) return null;
        return SettingsStoreSet.Open(jtsIniPath, null, null, ibc);
    }
}
