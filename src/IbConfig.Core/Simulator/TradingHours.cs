using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A contract's trading or liquid hours as IB writes them (docs/simulator.md, "History"): days separated by ';', each
/// <c>yyyyMMdd:HHmm-yyyyMMdd:HHmm</c> (newer) or <c>yyyyMMdd:HHmm-HHmm[,HHmm-HHmm]</c> (older), or <c>yyyyMMdd:CLOSED</c>,
/// in the contract's time zone. Empty text means "always open".
/// </summary>
internal sealed class TradingHours
{
    private readonly IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> _sessions;

    private TradingHours(IReadOnlyList<(DateTimeOffset, DateTimeOffset)> sessions) => _sessions = sessions;

    public bool AlwaysOpen => _sessions.Count == 0;

    public static TradingHours Parse(string text, TimeZoneInfo zone)
    {
        var sessions = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var day in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(d => d.Trim()))
        {
            var colon = day.IndexOf(':');
            if (colon != 8) throw Bad(day);
            var date = day.Substring(0, 8);
            var rest = day.Substring(9);
            if (rest.Equals("CLOSED", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var range in rest.Split(','))
            {
                var parts = range.Split('-');
                if (parts.Length != 2) throw Bad(day);
                var start = Local(date, parts[0], zone, day);
                var end = parts[1].Contains(':') ? Local(parts[1].Substring(0, 8), parts[1].Substring(9), zone, day) : Local(date, parts[1], zone, day);
                if (end <= start) end = end.AddDays(1); // an older-style range past midnight
                sessions.Add((start, end));
            }
        }
        return new TradingHours(sessions);
    }

    /// <summary>Whether a bar starting at this time lies in a session (start inclusive, end exclusive).</summary>
    public bool Contains(DateTimeOffset time) => AlwaysOpen || _sessions.Any(s => time >= s.Start && time < s.End);

    private static DateTimeOffset Local(string date, string hhmm, TimeZoneInfo zone, string day)
    {
        if (!DateTime.TryParseExact(date + hhmm.Trim(), "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) throw Bad(day);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static ArgumentException Bad(string day) =>
        new($"hours '{day}' are not IB's form yyyyMMdd:HHmm-yyyyMMdd:HHmm (or yyyyMMdd:CLOSED).");
}
