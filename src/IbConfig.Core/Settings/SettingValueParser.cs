using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IbConfig.Core.Settings;

/// <summary>
/// Parses and formats setting values the way jts.ini holds them, with messages that say what is wrong and what is valid.
/// Each TryParse returns false with <c>error</c> set; the message starts with the offending text.
/// </summary>
public static class SettingValueParser
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    /// <summary>The guide's range: 0 lets any client id connect as master, 1–9999 names one.</summary>
    public const int MaxMasterClientId = 9999;

    private static readonly Regex TimePattern = new(@"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", RegexOptions.CultureInvariant);

    public static bool TryParsePort(string text, out int port, out string error)
    {
        error = "";
        if (TryParseInt(text, out port) && port >= MinPort && port <= MaxPort) return true;
        error = $"'{text}' is not a TCP port: use a whole number from {MinPort} to {MaxPort} ({ConventionalPort.Describe()}).";
        return false;
    }

    public static bool TryParseMasterClientId(string text, out int id, out string error)
    {
        error = "";
        if (TryParseInt(text, out id) && id >= 0 && id <= MaxMasterClientId) return true;
        error = $"'{text}' is not a master API client id: use 0 (any client may act as master) or a client id from 1 to {MaxMasterClientId}.";
        return false;
    }

    public static bool TryParseCount(string text, out int count, out string error)
    {
        error = "";
        if (TryParseInt(text, out count) && count >= 0) return true;
        error = $"'{text}' is not a count: use a whole number, 0 or more.";
        return false;
    }

    public static bool TryParseBool(string text, out bool value, out string error)
    {
        error = "";
        if (string.Equals(text?.Trim(), "true", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
        if (string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase)) { value = false; return true; }
        value = false;
        error = $"'{text}' is not true or false.";
        return false;
    }

    /// <summary>A time of day, <c>HH:mm</c> or <c>HH:mm:ss</c> on a 24-hour clock (23:55 for the guide's 11:55 PM).</summary>
    public static bool TryParseTime(string text, out TimeSpan time, out string error)
    {
        error = "";
        time = default;
        var match = TimePattern.Match(text?.Trim() ?? "");
        if (match.Success)
        {
            var hours = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var seconds = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            if (hours < 24 && minutes < 60 && seconds < 60)
            {
                time = new TimeSpan(hours, minutes, seconds);
                return true;
            }
        }
        error = $"'{text}' is not a time of day: use HH:mm or HH:mm:ss on a 24-hour clock, e.g. 23:55 for 11:55 PM.";
        return false;
    }

    /// <summary>jts.ini's <c>[Logon] tradingMode</c>: <c>p</c> (paper) or <c>l</c> (live); "paper" and "live" are accepted too.</summary>
    public static bool TryParseTradingMode(string text, out TradingMode mode, out string error)
    {
        error = "";
        switch (text?.Trim().ToLowerInvariant())
        {
            case "p":
            case "paper":
                mode = TradingMode.Paper;
                return true;
            case "l":
            case "live":
                mode = TradingMode.Live;
                return true;
        }
        mode = default;
        error = $"'{text}' is not a trading mode: jts.ini uses p (paper) or l (live).";
        return false;
    }

    public static string FormatBool(bool value) => value ? "true" : "false";

    public static string FormatTime(TimeSpan time) => time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    public static string FormatTradingMode(TradingMode mode) => mode == TradingMode.Live ? "l" : "p";

    private static bool TryParseInt(string text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
