using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A reqHistoricalData duration (IB's "durationStr": <c>3600 S</c>, <c>1 D</c>, <c>2 W</c>, <c>1 M</c>, <c>1 Y</c>). S, W,
/// M and Y go back that much calendar time from the end; D counts days that have bars (trading days), as "1 D" on a Monday
/// morning means Friday's session at IB.
/// </summary>
internal sealed class HistoryDuration
{
    private static readonly Regex Pattern = new(@"^\s*(\d{1,7})\s+([SDWMY])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private HistoryDuration(int count, char unit)
    {
        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    /// <summary>S, D, W, M or Y.</summary>
    public char Unit { get; }

    public static HistoryDuration? TryParse(string text, out string why)
    {
        why = "";
        var match = Pattern.Match(text ?? "");
        if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) < 1)
        {
            why = $"duration '{text}' is not a positive number, a space and S, D, W, M or Y, e.g. '3600 S', '1 D', '2 W'";
            return null;
        }
        return new HistoryDuration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), char.ToUpperInvariant(match.Groups[2].Value[0]));
    }

    /// <summary>The calendar start for S, W, M and Y (D is counted in trading days by the caller).</summary>
    public DateTimeOffset StartBefore(DateTimeOffset end) => Unit switch
    {
        'S' => end.AddSeconds(-Count),
        'W' => end.AddDays(-7.0 * Count),
        'M' => end.AddMonths(-Count),
        'Y' => end.AddYears(-Count),
        _ => throw new InvalidOperationException("D durations count trading days."),
    };

    public override string ToString() => $"{Count} {Unit}";
}
