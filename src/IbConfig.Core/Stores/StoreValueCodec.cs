using System;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Reads a store's text into the typed value every store shares (int, bool, TimeSpan, TradingMode, string[]) and writes a
/// typed value back in that store's own form. Validation reuses the jts.ini rules (<see cref="SettingValueParser"/>).
/// </summary>
internal static class StoreValueCodec
{
    /// <summary>The profile XML's "no master API client".</summary>
    public const int NoMasterClient = -1;

    public static (object? Value, string? Problem) Parse(StoreValueKind kind, string text)
    {
        string trimmed = text.Trim();
        switch (kind)
        {
            case StoreValueKind.Bool:
                return SettingValueParser.TryParseBool(trimmed, out bool flag, out string boolError) ? (flag, null) : (null, boolError);
            case StoreValueKind.YesNo:
                if (trimmed.Equals("yes", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) return (true, null);
                if (trimmed.Equals("no", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) return (false, null);
                return (null, $"'{text}' is not yes or no.");
            case StoreValueKind.Port:
                return SettingValueParser.TryParsePort(trimmed, out int port, out string portError) ? (port, null) : (null, portError);
            case StoreValueKind.Count:
                return SettingValueParser.TryParseCount(trimmed, out int count, out string countError) ? (count, null) : (null, countError);
            case StoreValueKind.MasterClientId:
                if (trimmed == "-1") return (NoMasterClient, null);
                return SettingValueParser.TryParseMasterClientId(trimmed, out int id, out string idError) ? (id, null) : (null, idError);
            case StoreValueKind.ProfileTime:
            case StoreValueKind.IbcTime:
            case StoreValueKind.ClockTime:
                return StoreTime.Parse(trimmed) is { } time
                    ? (time, null)
                    : (null, $"'{text}' is not a time of day: use {Example(kind)}.");
            case StoreValueKind.TradingMode:
                return SettingValueParser.TryParseTradingMode(trimmed, out var mode, out _) ? (mode, null) : (null, $"'{text}' is not a trading mode: IBC uses live or paper.");
            case StoreValueKind.AddressList:
                // Valid addresses count even when others are bad, as IB reads them (same rule as jts.ini's TrustedIPs).
                var list = TrustedIpList.Parse(trimmed);
                return (list.Addresses.Select(a => a.Address).ToArray(), list.Rejected.Count == 0 ? null : string.Join(" ", list.Rejected.Select(r => r.Reason)));
            default:
                return (text, null);
        }
    }

    /// <summary>The typed value in the store's own form; a value of the wrong type is an <see cref="IbConfigException"/>.</summary>
    public static string Format(StoreValueKind kind, string setting, object value)
    {
        switch (kind, value)
        {
            case (StoreValueKind.Bool, bool flag): return SettingValueParser.FormatBool(flag);
            case (StoreValueKind.YesNo, bool flag): return flag ? "yes" : "no";
            case (StoreValueKind.Port or StoreValueKind.Count or StoreValueKind.MasterClientId, int number): return number.ToString(CultureInfo.InvariantCulture);
            case (StoreValueKind.ProfileTime, TimeSpan time): return StoreTime.ToProfile(time);
            case (StoreValueKind.IbcTime, TimeSpan time): return StoreTime.ToIbc(time);
            case (StoreValueKind.ClockTime, TimeSpan time): return time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            case (StoreValueKind.TradingMode, TradingMode mode): return mode == TradingMode.Live ? "live" : "paper";
            case (StoreValueKind.AddressList, string[] list): return string.Join(",", list);
            case (StoreValueKind.Text, string text): return text;
            default:
                throw StoreFailure.ValueTypeInvalid(setting, value, kind);
        }
    }

    private static string Example(StoreValueKind kind) => kind switch
    {
        StoreValueKind.ProfileTime => "hh:mm,AM or hh:mm,PM as IB writes it, e.g. 11:59,PM",
        StoreValueKind.IbcTime => "hh:mm AM or hh:mm PM, e.g. 11:55 PM",
        _ => "HH:mm on a 24-hour clock, e.g. 07:05",
    };
}
