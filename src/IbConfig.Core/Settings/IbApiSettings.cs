using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// The API settings as one typed object (what Get-IbApiSetting returns): each property is the value that counts, and
/// <see cref="Values"/> holds every value with its source, including those it overrode. <see cref="Port"/> and
/// <see cref="Path"/> let it pipe by property name into Set-IbApiSetting and the port probes.
/// </summary>
public sealed class IbApiSettings
{
    private readonly Dictionary<string, SettingValue> _byName;

    public IbApiSettings(string? path, JtsIniLayout layout, IEnumerable<SettingValue> values, IEnumerable<string> profileDirectories, IEnumerable<SettingWarning> warnings)
    {
        Path = path;
        LayoutValue = layout;
        Values = values.ToArray();
        ProfileDirectories = profileDirectories.ToArray();
        Warnings = warnings.ToArray();
        _byName = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Values) _byName[value.Name] = value;
    }

    /// <summary>The settings file these values were read from.</summary>
    public string? Path { get; }

    public string Layout => LayoutValue.ToString();

    internal JtsIniLayout LayoutValue { get; }

    public int? SocketPort => Typed<int>(SettingDefinition.SocketPort);

    /// <summary>The API port (= <see cref="SocketPort"/>), under the name the port probes bind to.</summary>
    public int? Port => SocketPort;

    public bool? ApiEnabled => Typed<bool>(SettingDefinition.ApiEnabled);

    public bool? ReadOnlyApi => Typed<bool>(SettingDefinition.ReadOnlyApi);

    /// <summary>"Allow connections from localhost only": kept only in the profile XML.</summary>
    public bool? AllowOnlyLocalhost => Get("AllowOnlyLocalhost")?.TypedValue as bool?;

    /// <summary>The trusted addresses that count (normalised); empty when none are set.</summary>
    public string[] TrustedIps => Get(SettingDefinition.TrustedIps.Name)?.TypedValue as string[] ?? Array.Empty<string>();

    public int? MasterClientId => Typed<int>(SettingDefinition.MasterClientId);

    public int? SocketPortSecurityLevel => Typed<int>(SettingDefinition.SocketPortSecurityLevel);

    public bool? DownloadOpenOrders => Typed<bool>(SettingDefinition.DownloadOpenOrders);

    public bool? AllowAccountRequests => Typed<bool>(SettingDefinition.AllowAccountRequests);

    public bool? ExposeTradingSchedule => Typed<bool>(SettingDefinition.ExposeTradingSchedule);

    public bool? NegativeAutoOrderIds => Typed<bool>(SettingDefinition.NegativeAutoOrderIds);

    public bool? BypassOrderPrecautions => Typed<bool>(SettingDefinition.BypassOrderPrecautions);

    public int? MarketDataLines => Typed<int>(SettingDefinition.MarketDataLines);

    public string? AutoRestartTime => AutoRestartTimeValue?.ToString("c");

    internal TimeSpan? AutoRestartTimeValue => Typed<TimeSpan>(SettingDefinition.AutoRestartTime);

    public string? AutoLogoffTime => AutoLogoffTimeValue?.ToString("c");

    internal TimeSpan? AutoLogoffTimeValue => Typed<TimeSpan>(SettingDefinition.AutoLogoffTime);

    public bool? ApiOnly => Typed<bool>(SettingDefinition.ApiOnly);

    /// <summary>IB Gateway's LocalServerPort: not the API port (see about_IbConfig).</summary>
    public int? LocalServerPort => Typed<int>(SettingDefinition.LocalServerPort);

    /// <summary>The trading mode of the last login ([Logon] tradingMode).</summary>
    public string? TradingMode => TradingModeValue?.ToString();

    internal TradingMode? TradingModeValue => Typed<TradingMode>(SettingDefinition.TradingMode);

    /// <summary>The per-user profile folders jts.ini names ([Logon] UserNameToDirectory and [settings]).</summary>
    public string[] ProfileDirectories { get; }

    /// <summary>Every value that counts, with its source (and what it overrode).</summary>
    public SettingValue[] Values { get; }

    public SettingWarning[] Warnings { get; }

    /// <summary>Which store's values these are: Effective (all stores merged), JtsIni, ProfileXml or Ibc.</summary>
    public string View { get; init; } = "JtsIni";

    /// <summary>The profile XML read for these values (ibg.xml / tws.xml), if any; pipes into Set-IbApiSetting -Profile.</summary>
    public string? ProfilePath { get; init; }

    /// <summary>IBC's config.ini read for these values, if any; pipes into Set-IbApiSetting -IbcConfigPath.</summary>
    public string? IbcConfigPath { get; init; }

    /// <summary>Settings on which the stores disagree, each with every value, the one that counts and why.</summary>
    public IbSettingConflict[] Conflicts { get; init; } = Array.Empty<IbSettingConflict>();

    /// <summary>The value of a setting by name, or null when no store sets it.</summary>
    public SettingValue? Get(string name) => _byName.TryGetValue(name, out var value) ? value : null;

    private T? Typed<T>(SettingDefinition definition) where T : struct => Get(definition.Name)?.TypedValue is T value ? value : null;

    public override string ToString() => $"{Path}: {string.Join(", ", Values.Select(v => v.Name + "=" + v.DisplayValue))}";
}
