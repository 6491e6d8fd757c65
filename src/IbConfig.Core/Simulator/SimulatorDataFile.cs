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
    private static readonly SimulatorTextFile Format = new("SimulatorData", "simulator data file");

    public static SimulatorData Read(string path) => Parse(Format.ReadAllText(path), path);

    public static SimulatorData Parse(string text, string source = "data")
    {
        var accounts = new List<SimulatedAccount>();
        var positions = new List<SimulatedPosition>();
        SimulatedAccount AccountFor(string id, string? currency, int line)
        {
            var existing = accounts.FirstOrDefault(a => string.Equals(a.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                existing = Format.Wrap(source, line, () => new SimulatedAccount(id, currency ?? "USD"));
                accounts.Add(existing);
            }
            else if (!string.IsNullOrWhiteSpace(currency) && !string.Equals(existing.Currency, currency!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw Format.Invalid(source, line, $"account {existing.Id} has base currency {existing.Currency} already, not {currency.Trim()}.");
            }
            return existing;
        }

        string? section = null;
        Dictionary<string, int>? columns = null;
        foreach (var (number, line) in SimulatorTextFile.Lines(text))
        {
            if (Format.SectionName(line, source, number) is string name)
            {
                section = name;
                if (section is not ("accounts" or "summary" or "positions"))
                    throw Format.Invalid(source, number, $"unknown section [{line.Substring(1, line.Length - 2)}]; use [Accounts], [Summary] or [Positions].");
                columns = null;
                continue;
            }
            var cells = SimulatorTextFile.Cells(line);
            switch (section)
            {
                case null:
                    throw Format.Invalid(source, number, "a row before any section; start with [Accounts], [Summary] or [Positions].");
                case "accounts":
                    foreach (var id in cells.Where(c => c.Length > 0)) AccountFor(id, null, number);
                    break;
                case "summary" when columns is null:
                    columns = Format.Header(cells, source, number, "Account", "Tag", "Value");
                    break;
                case "summary":
                    var account = AccountFor(Format.Cell(cells, columns, "Account", source, number), SimulatorTextFile.Optional(cells, columns, "Currency"), number);
                    Format.Wrap(source, number, () => account.SetValue(Format.Cell(cells, columns, "Tag", source, number), Format.Cell(cells, columns, "Value", source, number)));
                    break;
                case "positions" when columns is null:
                    columns = Format.Header(cells, source, number, "Account", "Symbol", "Quantity");
                    break;
                case "positions":
                    var owner = AccountFor(Format.Cell(cells, columns, "Account", source, number), null, number);
                    positions.Add(Format.Wrap(source, number, () => ReadPosition(owner.Id, cells, columns, source, number)));
                    break;
            }
        }
        return new SimulatorData(accounts, positions);
    }

    private static SimulatedPosition ReadPosition(string account, string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        var quantityText = Format.Cell(cells, columns, "Quantity", source, line);
        if (!decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            throw Format.Invalid(source, line, $"Quantity '{quantityText}' is not a number (use a dot for decimals).");
        var averageCost = 0.0;
        var costText = SimulatorTextFile.Optional(cells, columns, "AverageCost");
        if (costText is not null && !double.TryParse(costText, NumberStyles.Float, CultureInfo.InvariantCulture, out averageCost))
            throw Format.Invalid(source, line, $"AverageCost '{costText}' is not a number (use a dot for decimals).");
        var position = new SimulatedPosition(account, Format.Cell(cells, columns, "Symbol", source, line), quantity, averageCost);
        var conId = SimulatorTextFile.Optional(cells, columns, "ConId");
        if (conId is not null)
            position.ConId = int.TryParse(conId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw Format.Invalid(source, line, $"ConId '{conId}' is not a whole number.");
        position.SecType = SimulatorTextFile.Optional(cells, columns, "SecType") ?? position.SecType;
        position.Currency = SimulatorTextFile.Optional(cells, columns, "Currency") ?? position.Currency;
        position.Exchange = SimulatorTextFile.Optional(cells, columns, "Exchange") ?? position.Exchange;
        position.LocalSymbol = SimulatorTextFile.Optional(cells, columns, "LocalSymbol");
        position.TradingClass = SimulatorTextFile.Optional(cells, columns, "TradingClass");
        return position;
    }
}
