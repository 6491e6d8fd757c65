using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Reads a contract's bars from CSV (docs/simulator.md, "History"). The first row names the columns, in any order:
/// <c>Time,Open,High,Low,Close,Volume</c>, optionally <c>WAP</c> and <c>Count</c>. Time is ISO-8601 with an explicit
/// offset (<c>2025-11-17T14:30:00Z</c> or <c>2025-11-17T09:30:00-05:00</c>), so a file never depends on the zone of
/// the machine reading it. Rows must go strictly forward in time; the smallest step between two rows is the bar length.
/// Blank lines and lines starting with # are skipped.
/// </summary>
public static class BarSeriesFile
{
    /// <summary>A year of 1-minute bars around the clock is 525,600 rows: well above any test's need, well below a memory problem.</summary>
    public const int MaxBars = 600_000;

    public const long MaxFileLength = 64L * 1024 * 1024;

    private static readonly SimulatorTextFile Format = new(SimulatorFileKind.Bars, MaxFileLength);

    private static readonly string[] Required = { "Time", "Open", "High", "Low", "Close", "Volume" };

    public static BarSeries Read(string path, int conId) => Parse(Format.ReadAllText(path), conId, path);

    public static BarSeries Parse(string text, int conId, string source = "bars")
    {
        var bars = new List<HistoricalBar>();
        Dictionary<string, int>? columns = null;
        var lines = text.Split('\n');
        var shortest = TimeSpan.MaxValue;
        for (var i = 0; i < lines.Length; i++)
        {
            var (number, line) = (i + 1, lines[i].Trim().TrimStart('\uFEFF'));
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (columns is null)
            {
                columns = Format.Header(cells, source, number, Required);
                continue;
            }
            if (bars.Count == MaxBars) throw Format.Invalid(source, number, $"more than {MaxBars} bars; split the series or use longer bars.");
            var bar = ReadBar(cells, columns, source, number);
            if (bars.Count > 0)
            {
                var step = bar.Time - bars[bars.Count - 1].Time;
                if (step <= TimeSpan.Zero)
                    throw Format.Invalid(source, number, $"time {Text(bar.Time)} does not come after the previous row's {Text(bars[bars.Count - 1].Time)}; sort the rows by time and remove duplicates.");
                if (step < shortest) shortest = step;
            }
            bars.Add(bar);
        }
        if (bars.Count == 0) throw Format.Invalid(source, 0, "no bars: give a header row (Time,Open,High,Low,Close,Volume) and at least one bar.");
        // A single bar says nothing about its length: call it a day's bar.
        return new BarSeries(conId, bars, shortest == TimeSpan.MaxValue ? TimeSpan.FromDays(1) : shortest);
    }

    private static HistoricalBar ReadBar(string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        double Price(string column)
        {
            var text = Format.Cell(cells, columns, column, source, line);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsInfinity(value)
                ? value
                : throw Format.Invalid(source, line, $"{column} '{text}' is not a positive number (use a dot for decimals).");
        }
        var time = ReadTime(Format.Cell(cells, columns, "Time", source, line), source, line);
        var (open, high, low, close) = (Price("Open"), Price("High"), Price("Low"), Price("Close"));
        if (high < Math.Max(open, close) || low > Math.Min(open, close))
            throw Format.Invalid(source, line, $"High {high} and Low {low} must hold Open {open} and Close {close}.");
        var volumeText = Format.Cell(cells, columns, "Volume", source, line);
        if (!decimal.TryParse(volumeText, NumberStyles.Number, CultureInfo.InvariantCulture, out var volume) || volume < 0)
            throw Format.Invalid(source, line, $"Volume '{volumeText}' is not a number of 0 or more.");
        double? wap = null;
        if (SimulatorTextFile.Optional(cells, columns, "WAP") is string wapText)
            wap = double.TryParse(wapText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w > 0
                ? w
                : throw Format.Invalid(source, line, $"WAP '{wapText}' is not a positive number.");
        int? count = null;
        if (SimulatorTextFile.Optional(cells, columns, "Count") is string countText)
            count = int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                ? c
                : throw Format.Invalid(source, line, $"Count '{countText}' is not a whole number of 0 or more.");
        return new HistoricalBar(time, open, high, low, close, volume, wap, count);
    }

    private static DateTimeOffset ReadTime(string text, string source, int line)
    {
        // An offset is required: 'Z' or +hh:mm / -hh:mm after the time of day.
        var timePart = text.IndexOf('T') is var t and > 0 ? text.Substring(t) : "";
        var hasOffset = timePart.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || timePart.IndexOf('+') > 0 || timePart.IndexOf('-') > 0;
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw Format.Invalid(source, line, $"Time '{text}' is not ISO-8601 with an offset, e.g. 2025-11-17T14:30:00Z or 2025-11-17T09:30:00-05:00.");
        return time.ToUniversalTime();
    }

    private static string Text(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
