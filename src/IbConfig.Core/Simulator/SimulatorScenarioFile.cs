using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Reads a scenario file: the simulator data file's shape (sections of comma-separated rows, the first row naming the
/// columns in any order). Its [Faults] section holds one fault per row (docs/simulator.md, "Scenario files"):
/// <code>
/// [Faults]
/// At,Kind,Code,Duration,ClientIdHold,Requests,ClientIds,Count
/// 5s,Notice,2103
/// 8s,Notice,2104
/// 10s,Pacing,162,,,REQ_HISTORICAL_DATA,,1
/// 30s,NightlyRestart,,3s,20s
/// </code>
/// Times are seconds (<c>5</c>, <c>1.5s</c>), milliseconds (<c>250ms</c>) or <c>hh:mm:ss</c>; lists inside a cell are
/// separated by spaces or |. At is counted from the simulator's start; leave it empty to play the fault at once.
/// </summary>
public static class SimulatorScenarioFile
{
    private static readonly SimulatorTextFile Format = new(SimulatorFileKind.Scenario);

    private static readonly IReadOnlyDictionary<string, string[]?> Sections = new Dictionary<string, string[]?> { ["faults"] = new[] { "Kind" } };

    public static SimulatorScenario Read(string path) => Parse(Format.ReadAllText(path), path);

    public static SimulatorScenario Parse(string text, string source = "scenario")
    {
        var faults = new List<SimulatorFault>();
        foreach (var (_, columns, cells, number) in Format.Rows(text, source, Sections))
            faults.Add(Format.Wrap(source, number, () => ReadFault(cells, columns!, source, number).Validate()));
        return new SimulatorScenario(faults);
    }

    private static SimulatorFault ReadFault(string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        string? Get(string column) => SimulatorTextFile.Optional(cells, columns, column);
        var kindText = Format.Cell(cells, columns, "Kind", source, line);
        if (!Enum.TryParse<SimulatorFaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(typeof(SimulatorFaultKind), kind))
            throw Format.Invalid(source, line, $"Kind '{kindText}' is not one of {string.Join(", ", Enum.GetNames(typeof(SimulatorFaultKind)))}.");
        return new SimulatorFault
        {
            KindValue = kind,
            AtValue = Get("At") is string at ? ParseSpan(at, "At", source, line) : null,
            Code = Get("Code") is string code ? ParseWhole(code, "Code", source, line) : null,
            DurationValue = Get("Duration") is string duration ? ParseSpan(duration, "Duration", source, line) : TimeSpan.Zero,
            ClientIdHoldValue = Get("ClientIdHold") is string hold ? ParseSpan(hold, "ClientIdHold", source, line) : TimeSpan.Zero,
            Requests = List(Get("Requests")).Select(SimulatorFault.ParseRequest).ToList(),
            ClientIds = List(Get("ClientIds")).Select(id => ParseWhole(id, "ClientIds", source, line)).ToList(),
            Count = Get("Count") is string count ? ParseWhole(count, "Count", source, line) : null,
            Farm = Get("Farm"),
            Text = Get("Text"),
        };
    }

    /// <summary>A time span as a scenario writes it: <c>5</c> or <c>1.5s</c> (seconds), <c>250ms</c>, or <c>hh:mm:ss</c>.</summary>
    public static TimeSpan? TryParseSpan(string text)
    {
        text = text.Trim();
        if (text.Contains(':')) return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        var scale = 1000.0;
        if (text.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) (text, scale) = (text.Substring(0, text.Length - 2), 1.0);
        else if (text.EndsWith("s", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - 1);
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value * scale < TimeSpan.MaxValue.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(value * scale)
            : null;
    }

    private static TimeSpan ParseSpan(string text, string column, string source, int line) =>
        TryParseSpan(text) ?? throw Format.Invalid(source, line, $"{column} '{text}' is not a time: write seconds (5, 1.5s), milliseconds (250ms) or hh:mm:ss.");

    private static int ParseWhole(string text, string column, string source, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Format.Invalid(source, line, $"{column} '{text}' is not a whole number.");

    private static IEnumerable<string> List(string? cell) => (cell ?? "").Split(new[] { ' ', '|' }, StringSplitOptions.RemoveEmptyEntries);
}
