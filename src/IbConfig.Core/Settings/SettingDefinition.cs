using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IbConfig.Core.Settings;

/// <summary>
/// One API setting IbConfig knows: its name, where each jts.ini layout keeps it, and how its text parses and formats.
/// Where a setting has keys in both layouts the real one (what IB reads) comes first and wins. The guide-layout names of
/// the settings the seed guide shows only as GUI checkboxes (download open orders, ...) are IbConfig's own choice,
/// documented in about_IbConfig.
/// </summary>
public sealed class SettingDefinition
{
    private delegate bool Parser(string text, out object? value, out string error);

    private readonly Parser _parse;
    private readonly Func<object, string> _format;

    private SettingDefinition(string name, Type valueType, string description, bool isWritable, Parser parse, Func<object, string> format, params JtsIniKey[] keys)
    {
        Name = name;
        ValueType = valueType;
        Description = description;
        IsWritable = isWritable;
        Keys = keys;
        _parse = parse;
        _format = format;
    }

    public string Name { get; }

    /// <summary>The type of <see cref="SettingValue.Value"/>: int, bool, TimeSpan, TradingMode or string[].</summary>
    public Type ValueType { get; }

    public string Description { get; }

    /// <summary>True when Set-IbApiSetting can change it (the others are facts IB records, like the last trading mode).</summary>
    public bool IsWritable { get; }

    /// <summary>Where jts.ini keeps it; the real layout's key first.</summary>
    public IReadOnlyList<JtsIniKey> Keys { get; }

    private const string Gateway = "IBGateway";
    private const string Startup = "Startup";
    private const string Logon = "Logon";

    private static JtsIniKey Guide(string section, string key) => new(section, key, JtsIniLayout.Guide);

    private static JtsIniKey Real(string section, string key) => new(section, key, JtsIniLayout.Real);

    private static SettingDefinition Flag(string name, string key, string description) =>
        new(name, typeof(bool), description, true, ParseBool, v => SettingValueParser.FormatBool((bool)v), Guide(Gateway, key));

    public static SettingDefinition SocketPort { get; } = new("SocketPort", typeof(int),
        "The API socket port (TWS 7497 paper / 7496 live, IB Gateway 4002 / 4001).", true, ParsePort, FormatInt, Guide(Gateway, "s.SocketPort"));

    public static SettingDefinition ApiEnabled { get; } = Flag("ApiEnabled", "s.ApiEnabled", "Enable ActiveX and Socket Clients: without it every API connection fails.");

    public static SettingDefinition ReadOnlyApi { get; } = Flag("ReadOnlyApi", "s.ReadOnlyApi", "Read-Only API: clients cannot place orders.");

    public static SettingDefinition TrustedIps { get; } = new("TrustedIps", typeof(string[]),
        "Addresses whose API connections are accepted without a prompt.", false, ParseTrustedIps, v => string.Join(",", (string[])v),
        Real(Gateway, "TrustedIPs"), Guide(Gateway, "s.TrustedIPs"));

    public static SettingDefinition MasterClientId { get; } = new("MasterClientId", typeof(int),
        "Master API client id: 0 lets any client id connect as master, 1-9999 names one.", true, ParseClientId, FormatInt, Guide(Gateway, "s.MasterClientId"));

    public static SettingDefinition SocketPortSecurityLevel { get; } = new("SocketPortSecurityLevel", typeof(int),
        "The guide's socket port security level (0 by default).", true, ParseCount, FormatInt, Guide(Gateway, "s.SocketPortSecurityLevel"));

    public static SettingDefinition DownloadOpenOrders { get; } = Flag("DownloadOpenOrders", "s.DownloadOpenOrders", "Download open orders on connection.");

    public static SettingDefinition AllowAccountRequests { get; } = Flag("AllowAccountRequests", "s.AllowAccountRequests", "Allow API account and financial information requests.");

    public static SettingDefinition ExposeTradingSchedule { get; } = Flag("ExposeTradingSchedule", "s.ExposeTradingSchedule", "Expose entire trading schedule to the API.");

    public static SettingDefinition NegativeAutoOrderIds { get; } = Flag("NegativeAutoOrderIds", "s.NegativeAutoOrderIds", "Use negative numbers to bind automatic orders.");

    public static SettingDefinition BypassOrderPrecautions { get; } = Flag("BypassOrderPrecautions", "s.BypassOrderPrecautions", "Bypass order precautions for API orders.");

    public static SettingDefinition MarketDataLines { get; } = new("MarketDataLines", typeof(int),
        "Market data lines (100 by default).", true, ParseCount, FormatInt, Guide(Gateway, "s.MarketDataLines"));

    public static SettingDefinition AutoRestartTime { get; } = new("AutoRestartTime", typeof(TimeSpan),
        "Auto restart time of day (the guide: 23:55).", true, ParseTime, v => SettingValueParser.FormatTime((TimeSpan)v), Guide(Startup, "s.AutoRestartTime"));

    public static SettingDefinition AutoLogoffTime { get; } = new("AutoLogoffTime", typeof(TimeSpan),
        "Auto logoff time of day, before the restart (the guide: 23:50).", true, ParseTime, v => SettingValueParser.FormatTime((TimeSpan)v), Guide(Startup, "s.AutoLogoffTime"));

    public static SettingDefinition ApiOnly { get; } = new("ApiOnly", typeof(bool),
        "IB Gateway's API-only mode.", false, ParseBool, v => SettingValueParser.FormatBool((bool)v), Real(Gateway, "ApiOnly"));

    public static SettingDefinition LocalServerPort { get; } = new("LocalServerPort", typeof(int),
        "IB Gateway's local server port: NOT the API socket port (only the FIX gateway's).", false, ParsePort, FormatInt, Real(Gateway, "LocalServerPort"));

    public static SettingDefinition TradingMode { get; } = new("TradingMode", typeof(TradingMode),
        "The trading mode of the last login (p = paper, l = live).", false, ParseTradingMode, v => SettingValueParser.FormatTradingMode((TradingMode)v), Real(Logon, "tradingMode"));

    /// <summary>Every setting, in the order the guide presents them.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } = new[]
    {
        SocketPort, ApiEnabled, ReadOnlyApi, TrustedIps, MasterClientId, SocketPortSecurityLevel, DownloadOpenOrders,
        AllowAccountRequests, ExposeTradingSchedule, NegativeAutoOrderIds, BypassOrderPrecautions, MarketDataLines,
        AutoRestartTime, AutoLogoffTime, ApiOnly, LocalServerPort, TradingMode,
    };

    /// <summary>The setting of that name (case-insensitive), or null.</summary>
    public static SettingDefinition? Find(string name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses text as this setting's value; the error names the setting.</summary>
    public bool TryParse(string text, out object? value, out string error)
    {
        if (_parse(text, out value, out error)) return true;
        error = $"{Name}: {error}";
        return false;
    }

    /// <summary>The value as jts.ini holds it ("true", "23:55:00", "p", "127.0.0.1,10.0.0.5").</summary>
    public string Format(object value) => _format(value);

    public override string ToString() => Name;

    private static string FormatInt(object value) => ((int)value).ToString(CultureInfo.InvariantCulture);

    private static bool ParsePort(string text, out object? value, out string error) => Box(SettingValueParser.TryParsePort(text, out var v, out error), v, out value);

    private static bool ParseClientId(string text, out object? value, out string error) => Box(SettingValueParser.TryParseMasterClientId(text, out var v, out error), v, out value);

    private static bool ParseCount(string text, out object? value, out string error) => Box(SettingValueParser.TryParseCount(text, out var v, out error), v, out value);

    private static bool ParseBool(string text, out object? value, out string error) => Box(SettingValueParser.TryParseBool(text, out var v, out error), v, out value);

    private static bool ParseTime(string text, out object? value, out string error) => Box(SettingValueParser.TryParseTime(text, out var v, out error), v, out value);

    private static bool ParseTradingMode(string text, out object? value, out string error) => Box(SettingValueParser.TryParseTradingMode(text, out var v, out error), v, out value);

    /// <summary>Valid addresses become the value; bad entries make it invalid but the good ones still count (as IB reads them).</summary>
    private static bool ParseTrustedIps(string text, out object? value, out string error)
    {
        var list = TrustedIpList.Parse(text);
        value = list.Addresses.Select(a => a.Address).ToArray();
        error = string.Join(" ", list.Rejected.Select(r => r.Reason));
        return list.Rejected.Count == 0;
    }

    private static bool Box<T>(bool ok, T parsed, out object? value)
    {
        value = ok ? parsed : null;
        return ok;
    }
}
