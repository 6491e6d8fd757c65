using System;
using System.Globalization;

namespace IbConfig.Core.Checks;

/// <summary>
/// A time when the gateway is expected to be down on purpose (its daily auto-restart, IBC's weekly cold restart or
/// closedown), in the gateway machine's local time, so monitoring can mute alerts then.
/// </summary>
public sealed class MaintenanceWindow
{
    public MaintenanceWindow(DayOfWeek? day, TimeSpan start, TimeSpan duration, string reason)
    {
        if (start < TimeSpan.Zero || start >= TimeSpan.FromDays(1)) throw new ArgumentOutOfRangeException(nameof(start), start, "A time of day.");
        Day = day;
        Start = start;
        Duration = duration;
        Reason = reason;
    }

    /// <summary>The day of the week, or null for every day.</summary>
    public DayOfWeek? Day { get; }

    public TimeSpan Start { get; }

    public TimeSpan Duration { get; }

    /// <summary>What causes it: "auto-restart", "IBC cold restart", "IBC closedown".</summary>
    public string Reason { get; }

    /// <summary>The next time the window opens at or after <paramref name="now"/> (local clock), or the one <paramref name="now"/> is in.</summary>
    public DateTime NextStart(DateTime now)
    {
        var candidate = now.Date + Start;
        for (var i = -1; i <= 7; i++)
        {
            var start = candidate.AddDays(i);
            if ((Day is null || start.DayOfWeek == Day) && start + Duration > now) return start;
        }
        throw new InvalidOperationException("Unreachable: every weekday occurs within a week.");
    }

    /// <summary>"daily 23:55-00:05 (auto-restart)" or "Sunday 07:05-07:20 (IBC cold restart)".</summary>
    public override string ToString()
    {
        var end = TimeSpan.FromTicks((Start + Duration).Ticks % TimeSpan.TicksPerDay);
        var day = Day is { } d ? d.ToString() : "daily";
        return string.Format(CultureInfo.InvariantCulture, @"{0} {1:hh\:mm}-{2:hh\:mm} ({3})", day, Start, end, Reason);
    }

    /// <summary>
    /// Reads IBC's <c>ClosedownAt</c>: <c>[day] hh:mm</c>, e.g. <c>Friday 22:00</c>; without a day it means every day.
    /// Day names are English, full or three letters, as IBC accepts them.
    /// </summary>
    public static bool TryParseDayAndTime(string text, out DayOfWeek? day, out TimeSpan time)
    {
        day = null;
        time = default;
        var parts = (text ?? string.Empty).Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2) return false;
        if (parts.Length == 2)
        {
            if (!TryParseDay(parts[0], out var parsed)) return false;
            day = parsed;
        }
        return TimeSpan.TryParseExact(parts[parts.Length - 1], new[] { @"h\:mm", @"hh\:mm" }, CultureInfo.InvariantCulture, out time)
            && time < TimeSpan.FromDays(1);
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        foreach (DayOfWeek candidate in Enum.GetValues(typeof(DayOfWeek)))
        {
            var name = candidate.ToString();
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase) || name.Substring(0, 3).Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }
        day = default;
        return false;
    }
}
