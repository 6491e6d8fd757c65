using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The shape the simulator's data and scenario files share: ini-style [Sections] of comma-separated rows whose first row
/// names the columns. Reads them size-capped and reports bad rows with the file, the line and a fix, under the ids
/// <see cref="SimulatorFailure"/> gives its kind (SimulatorDataInvalid, SimulatorScenarioNotFound, ...).
/// </summary>
internal sealed class SimulatorTextFile
{
    /// <summary>These files are a few hundred lines; anything this large is the wrong file.</summary>
    public const long MaxFileLength = 1024 * 1024;

    private readonly SimulatorFileKind _kind;
    private readonly long _maxLength;

    public SimulatorTextFile(SimulatorFileKind kind, long maxLength = MaxFileLength)
    {
        _kind = kind;
        _maxLength = maxLength;
    }

    public string ReadAllText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw SimulatorFailure.FileNotFound(_kind, path);
            if (info.Length > _maxLength) throw Invalid(path, 0, $"the file is {info.Length} bytes; a {SimulatorFailure.NounOf(_kind)} is at most {_maxLength}.");
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SimulatorFailure.FileUnreadable(_kind, path, ex);
        }
    }

    /// <summary>
    /// The data rows of a file, each with its lower-case section name, the columns its section's first row named (null for
    /// a section listed without required columns, whose rows are plain lists) and its line number. Blank lines and # or ;
    /// comments are skipped; an unknown section or a row before any section is an error naming the sections allowed.
    /// </summary>
    public IEnumerable<(string Section, Dictionary<string, int>? Columns, string[] Cells, int Number)> Rows(
        string text, string source, IReadOnlyDictionary<string, string[]?> sections)
    {
        var allowed = string.Join(", ", sections.Keys.Select(k => $"[{char.ToUpperInvariant(k[0])}{k.Substring(1)}]"));
        string? section = null;
        Dictionary<string, int>? columns = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var (number, line) = (i + 1, lines[i].Trim().TrimStart('\uFEFF'));
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                if (line[line.Length - 1] != ']') throw Invalid(source, number, $"'{line}' is not a section header like [Positions].");
                section = line.Substring(1, line.Length - 2).Trim().ToLowerInvariant();
                if (!sections.ContainsKey(section)) throw Invalid(source, number, $"unknown section [{line.Substring(1, line.Length - 2)}]; use {allowed}.");
                columns = null;
                continue;
            }
            if (section is null) throw Invalid(source, number, $"a row before any section; start with {allowed}.");
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (sections[section] is string[] required && columns is null)
            {
                columns = Header(cells, source, number, required);
                continue;
            }
            yield return (section, columns, cells, number);
        }
    }

    public Dictionary<string, int> Header(string[] cells, string source, int line, params string[] required)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Length; i++)
            if (cells[i].Length > 0 && !columns.ContainsKey(cells[i])) columns[cells[i]] = i;
        var missing = required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
            throw Invalid(source, line, $"the section's first row must name its columns; missing {string.Join(", ", missing)} (e.g. '{string.Join(",", required)}').");
        return columns;
    }

    public string Cell(string[] cells, Dictionary<string, int> columns, string name, string source, int line) =>
        Optional(cells, columns, name) ?? throw Invalid(source, line, $"the {name} column is empty.");

    public static string? Optional(string[] cells, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;

    /// <summary>Adds the file and line to a validation error raised while building a row.</summary>
    public T Wrap<T>(string source, int line, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (IbConfigException ex) when (ex.ErrorId != SimulatorFailure.InvalidId(_kind))
        {
            throw Invalid(source, line, ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, line, ex.Message);
        }
    }

    public IbConfigException Invalid(string source, int line, string what) => SimulatorFailure.FileInvalid(_kind, source, line, what);
}
