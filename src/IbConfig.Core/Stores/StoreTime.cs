using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IbConfig.Core.Stores;

/// <summary>
/// The clock-time formats of the three stores: jts.ini's guide keys <c>23:55:00</c>, the profile XML's
/// <c>11:59,PM</c> and IBC's <c>11:55 PM</c>. Each is read into one time of day so the stores can be compared.
/// </summary>
public static class StoreTime
{
    private static readonly Regex Clock = new(@"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:[,\s]\s*)?([AaPp][Mm])?\s*$", RegexOptions.CultureInvariant);

    /// <summary>The time of day, or null when the text is not a clock time in any store's format.</summary>
    public static TimeSpan? Parse(string text)
    {
        var m = Clock.Match(text);
        if (!m.Success) return null;
        int hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int second = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups[4].Success)
        {
            if (hour < 1 || hour > 12) return null;
            bool pm = char.ToUpperInvariant(m.Groups[4].Value[0]) == 'P';
            hour = hour % 12 + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59) return null;
        return new TimeSpan(hour, minute, second);
    }

    /// <summary>The profile XML's form, as IB writes it: <c>11:59,PM</c>.</summary>
    public static string ToProfile(TimeSpan time) => TwelveHour(time, ",");

    /// <summary>IBC's form: <c>11:55 PM</c>.</summary>
    public static string ToIbc(TimeSpan time) => TwelveHour(time, " ");

    private static string TwelveHour(TimeSpan time, string separator)
    {
        int hour = time.Hours % 12 == 0 ? 12 : time.Hours % 12;
        return string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}{2}{3}", hour, time.Minutes, separator, time.Hours < 12 ? "AM" : "PM");
    }
}
