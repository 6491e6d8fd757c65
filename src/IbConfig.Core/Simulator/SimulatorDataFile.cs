using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Reads the simulator's data file: ini-style sections holding comma-separated rows, readable with the netstandard2.0 BCL
/// alone (no JSON reader there) and easy to write by hand. Each section's first row names its columns, in any order:
/// <code>
/// [Accounts]                      one id per row (optional: accounts also come from the other sections)
/// DU123456
/// [Summary]
/// Account,Tag,Value,Currency      Currency is the account's base currency (optional, USD)
/// DU123456,NetLiquidation,125000.50,USD
/// [Positions]
/// Account,Symbol,Quantity,AverageCost,SecType,Currency,Exchange,ConId
/// DU123456,AAPL,100,150.25,STK,USD,NASDAQ,265598
/// </code>
/// Blank lines and lines starting with # or ; are ignored. There is no quoting: a value cannot contain a comma.
/// </summary>
public static class SimulatorDataFile
{
    /// <summary>A data file is a few lines; anything this large is the wrong file.</summary>
    public const long MaxFileLength = 1024 * 1024;

    public static SimulatorData Read(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new IbConfigException("SimulatorDataNotFound", IbErrorKind.ObjectNotFound, $"The simulator data file '{path}' does not exist.", path);
            if (info.Length > MaxFileLength) throw Invalid(path, 0, $"the file is {info.Length} bytes; a data file is at most {MaxFileLength}.");
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IbConfigException("SimulatorDataUnreadable", IbErrorKind.ReadError, $"Cannot read the simulator data file '{path}': {ex.Message}", path, ex);
        }
        return Parse(text, path);
    }

    public static SimulatorData Parse(string text, string source = "data")
    {
        var accounts = new List<SimulatedAccount>();
        var positions = new List<SimulatedPosition>();
        SimulatedAccount AccountFor(string id, string? currency, int line)
        {
            var existing = accounts.FirstOrDefault(a => string.Equals(a.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                existing = Wrap(source, line, () => new SimulatedAccount(id, currency ?? "USD"));
                accounts.Add(existing);
            }
            else if (!string.IsNullOrWhiteSpace(currency) && !string.Equals(existing.Currency, currency!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(source, line, $"account {existing.Id} has base currency {existing.Currency} already, not {currency.Trim()}.");
            }
            return existing;
        }

        string? section = null;
        Dictionary<string, int>? columns = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                if (line[line.Length - 1] != ']') throw Invalid(source, number, $"'{line}' is not a section header like [Positions].");
                section = line.Substring(1, line.Length - 2).Trim().ToLowerInvariant();
                if (section is not ("accounts" or "summary" or "positions"))
                    throw Invalid(source, number, $"unknown section [{line.Substring(1, line.Length - 2)}]; use [Accounts], [Summary] or [Positions].");
                columns = null;
                continue;
            }
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            switch (section)
            {
                case null:
                    throw Invalid(source, number, "a row before any section; start with [Accounts], [Summary] or [Positions].");
                case "accounts":
                    foreach (var id in cells.Where(c => c.Length > 0)) AccountFor(id, null, number);
                    break;
                case "summary" when columns is null:
                    columns = Header(cells, source, number, "Account", "Tag", "Value");
                    break;
                case "summary":
                    var account = AccountFor(Cell(cells, columns, "Account", source, number), Optional(cells, columns, "Currency"), number);
                    Wrap(source, number, () => account.SetValue(Cell(cells, columns, "Tag", source, number), Cell(cells, columns, "Value", source, number)));
                    break;
                case "positions" when columns is null:
                    columns = Header(cells, source, number, "Account", "Symbol", "Quantity");
                    break;
                case "positions":
                    var owner = AccountFor(Cell(cells, columns, "Account", source, number), null, number);
                    positions.Add(Wrap(source, number, () => ReadPosition(owner.Id, cells, columns, source, number)));
                    break;
            }
        }
        return new SimulatorData(accounts, positions);
    }

    private static SimulatedPosition ReadPosition(string account, string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        var quantityText = Cell(cells, columns, "Quantity", source, line);
        if (!decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            throw Invalid(source, line, $"Quantity '{quantityText}' is not a number (use a dot for decimals).");
        var averageCost = 0.0;
        var costText = Optional(cells, columns, "AverageCost");
        if (costText is not null && !double.TryParse(costText, NumberStyles.Float, CultureInfo.InvariantCulture, out averageCost))
            throw Invalid(source, line, $"AverageCost '{costText}' is not a number (use a dot for decimals).");
        var position = new SimulatedPosition(account, Cell(cells, columns, "Symbol", source, line), quantity, averageCost);
        var conId = Optional(cells, columns, "ConId");
        if (conId is not null)
            position.ConId = int.TryParse(conId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw Invalid(source, line, $"ConId '{conId}' is not a whole number.");
        position.SecType = Optional(cells, columns, "SecType") ?? position.SecType;
        position.Currency = Optional(cells, columns, "Currency") ?? position.Currency;
        position.Exchange = Optional(cells, columns, "Exchange") ?? position.Exchange;
        position.LocalSymbol = Optional(cells, columns, "LocalSymbol");
        position.TradingClass = Optional(cells, columns, "TradingClass");
        return position;
    }

    private static Dictionary<string, int> Header(string[] cells, string source, int line, params string[] required)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Length; i++)
            if (cells[i].Length > 0 && !columns.ContainsKey(cells[i])) columns[cells[i]] = i;
        var missing = required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
            throw Invalid(source, line, $"the section's first row must name its columns; missing {string.Join(", ", missing)} (e.g. '{string.Join(",", required)}').");
        return columns;
    }

    private static string Cell(string[] cells, Dictionary<string, int> columns, string name, string source, int line) =>
        Optional(cells, columns, name) ?? throw Invalid(source, line, $"the {name} column is empty.");

    private static string? Optional(string[] cells, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;

    /// <summary>Adds the file and line to a validation error raised while building a row.</summary>
    private static T Wrap<T>(string source, int line, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (IbConfigException ex) when (ex.ErrorId != "SimulatorDataInvalid")
        {
            throw Invalid(source, line, ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, line, ex.Message);
        }
    }

    private static IbConfigException Invalid(string source, int line, string what) =>
        new("SimulatorDataInvalid", IbErrorKind.InvalidData, line > 0 ? $"{source}, line {line}: {what}" : $"{source}: {what}", source);
}
