using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A reqHistoricalData bar size (IB's "barSizeSetting": <c>1 secs</c>, <c>5 mins</c>, <c>1 hour</c>, <c>1 day</c>,
/// <c>1 week</c>, <c>1 month</c>). Intraday sizes are a fixed length counted from the contract's local midnight; a day,
/// week (from Monday) or month is a calendar period in the contract's time zone.
/// </summary>
internal sealed class HistoryBarSize
{
    private static readonly Regex Pattern = new(@"^\s*(\d{1,5})\s+(sec|secs|min|mins|hour|hours|day|days|week|weeks|month|months)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private HistoryBarSize(string text, TimeSpan length, HistoryPeriod period)
    {
        Text = text;
        Length = length;
        Period = period;
    }

    public string Text { get; }

    /// <summary>The bar's length; for a calendar period its shortest (a day, 7 days, 28 days).</summary>
    public TimeSpan Length { get; }

    public HistoryPeriod Period { get; }

    public bool IsIntraday => Period == HistoryPeriod.Intraday;

    /// <summary>The bar size, or null (with why) when IB would not accept it.</summary>
    public static HistoryBarSize? TryParse(string text, out string why)
    {
        why = "";
        var match = Pattern.Match(text ?? "");
        if (!match.Success)
        {
            why = $"bar size '{text}' is not a number and a unit, e.g. '1 min', '5 mins', '1 hour', '1 day'";
            return null;
        }
        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value.ToLowerInvariant().TrimEnd('s');
        if (n < 1) why = $"bar size '{text}' must be at least 1";
        else if (unit is "day" or "week" or "month" && n != 1) why = $"bar size '{text}': IB has 1 day, 1 week and 1 month only";
        if (why.Length > 0) return null;
        return unit switch
        {
            "sec" => new HistoryBarSize(text!.Trim(), TimeSpan.FromSeconds(n), HistoryPeriod.Intraday),
            "min" => new HistoryBarSize(text!.Trim(), TimeSpan.FromMinutes(n), HistoryPeriod.Intraday),
            "hour" => new HistoryBarSize(text!.Trim(), TimeSpan.FromHours(n), HistoryPeriod.Intraday),
            "day" => new HistoryBarSize(text!.Trim(), TimeSpan.FromDays(1), HistoryPeriod.Day),
            "week" => new HistoryBarSize(text!.Trim(), TimeSpan.FromDays(7), HistoryPeriod.Week),
            _ => new HistoryBarSize(text!.Trim(), TimeSpan.FromDays(28), HistoryPeriod.Month),
        };
    }

    /// <summary>The start of the bar holding <paramref name="time"/>, in the contract's zone.</summary>
    public DateTimeOffset BucketOf(DateTimeOffset time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone).DateTime;
        var start = Period switch
        {
            HistoryPeriod.Intraday => local.Date.AddTicks((local - local.Date).Ticks / Length.Ticks * Length.Ticks),
            HistoryPeriod.Day => local.Date,
            HistoryPeriod.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => new DateTime(local.Year, local.Month, 1),
        };
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }
}
