using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

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
/// [Contracts]                     ConId and Symbol required; the rest as docs/simulator.md, "Contracts and market data"
/// ConId,Symbol,SecType,Exchange,PrimaryExchange,Currency,MinTick,LongName,TimeZone,TradingHours,LiquidHours,Bid,Ask,Last,BidSize,AskSize,LastSize,Volume,Close
/// 265598,AAPL,STK,SMART,NASDAQ,USD,0.01,APPLE INC,US/Eastern,,,189.98,190.02,190.00,300,200,100,41000000,188.50
/// [Bars]                          a CSV of bars per contract (BarSeriesFile), the path relative to this file's folder
/// ConId,Path
/// 265598,aapl-1min.csv
/// [FillRules]                     Symbol (* for every other) and Rule required; Code for Reject, PartialSize for slices
/// Symbol,Rule,Code,PartialSize
/// AAPL,OnLimitCross,,50
/// </code>
/// Blank lines and lines starting with # or ; are ignored. There is no quoting: a value cannot contain a comma.
/// </summary>
public static class SimulatorDataFile
{
    private static readonly SimulatorTextFile Format = new(SimulatorFileKind.Data);

    /// <summary>The sections, in the order errors name them, with the columns each requires ([Accounts] is a plain list).</summary>
    private static readonly IReadOnlyDictionary<string, string[]?> Sections = new Dictionary<string, string[]?>
    {
        ["accounts"] = null,
        ["summary"] = new[] { "Account", "Tag", "Value" },
        ["positions"] = new[] { "Account", "Symbol", "Quantity" },
        ["contracts"] = new[] { "ConId", "Symbol" },
        ["bars"] = new[] { "ConId", "Path" },
        ["fillrules"] = new[] { "Symbol", "Rule" },
    };

    public static SimulatorData Read(string path) => Parse(Format.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <param name="folder">Where [Bars] paths are relative to; the current directory when null.</param>
    public static SimulatorData Parse(string text, string source = "data", string? folder = null)
    {
        var bars = new List<BarSeries>();
        var barLines = new List<(int ConId, int Line)>();
        var accounts = new List<SimulatedAccount>();
        var positions = new List<SimulatedPosition>();
        var contracts = new List<SimulatedContract>();
        var fillRules = new List<SimulatedFillRule>();
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

        foreach (var (section, columns, cells, number) in Format.Rows(text, source, Sections))
        {
            switch (section)
            {
                case "accounts":
                    foreach (var id in cells.Where(c => c.Length > 0)) AccountFor(id, null, number);
                    break;
                case "summary":
                    var account = AccountFor(Format.Cell(cells, columns!, "Account", source, number), SimulatorTextFile.Optional(cells, columns!, "Currency"), number);
                    Format.Wrap(source, number, () => account.SetValue(Format.Cell(cells, columns!, "Tag", source, number), Format.Cell(cells, columns!, "Value", source, number)));
                    break;
                case "positions":
                    var owner = AccountFor(Format.Cell(cells, columns!, "Account", source, number), null, number);
                    positions.Add(Format.Wrap(source, number, () => ReadPosition(owner.Id, cells, columns!, source, number)));
                    break;
                case "contracts":
                    var contract = Format.Wrap(source, number, () => ReadContract(cells, columns!, source, number));
                    if (contracts.Any(c => c.ConId == contract.ConId)) throw Format.Invalid(source, number, $"conId {contract.ConId} is listed twice.");
                    contracts.Add(contract);
                    break;
                case "fillrules":
                    fillRules.Add(Format.Wrap(source, number, () => ReadFillRule(cells, columns!, source, number)));
                    break;
                case "bars":
                    var idText = Format.Cell(cells, columns!, "ConId", source, number);
                    if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var barConId)) throw Format.Invalid(source, number, $"ConId '{idText}' is not a whole number.");
                    if (barLines.Any(b => b.ConId == barConId)) throw Format.Invalid(source, number, $"conId {barConId} has bars already; give one file per contract.");
                    var csv = Format.Cell(cells, columns!, "Path", source, number);
                    bars.Add(BarSeriesFile.Read(Path.Combine(folder ?? Directory.GetCurrentDirectory(), csv), barConId));
                    barLines.Add((barConId, number));
                    break;
            }
        }
        foreach (var (conId, line) in barLines)
            if (!contracts.Any(c => c.ConId == conId)) throw Format.Invalid(source, line, $"conId {conId} has bars but no row in [Contracts]; add the contract there.");
        return new SimulatorData(accounts, positions, contracts, bars, fillRules);
    }

    private static SimulatedContract ReadContract(string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        string? Get(string column) => SimulatorTextFile.Optional(cells, columns, column);
        double? Price(string column) => Get(column) is string text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Format.Invalid(source, line, $"{column} '{text}' is not a number (use a dot for decimals).")
            : null;
        decimal? Size(string column) => Get(column) is string text
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw Format.Invalid(source, line, $"{column} '{text}' is not a number (use a dot for decimals).")
            : null;
        var conIdText = Format.Cell(cells, columns, "ConId", source, line);
        if (!int.TryParse(conIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var conId)) throw Format.Invalid(source, line, $"ConId '{conIdText}' is not a whole number.");
        var contract = new SimulatedContract(conId, Format.Cell(cells, columns, "Symbol", source, line))
        {
            SecType = Get("SecType")?.ToUpperInvariant() ?? "STK",
            Exchange = Get("Exchange") ?? "SMART",
            PrimaryExchange = Get("PrimaryExchange") ?? "",
            Currency = Get("Currency")?.ToUpperInvariant() ?? "USD",
            MinTick = Price("MinTick") ?? 0.01,
            LongName = Get("LongName") ?? "",
            TimeZoneId = Get("TimeZone") ?? "US/Eastern",
            TradingHours = Get("TradingHours") ?? "",
            LiquidHours = Get("LiquidHours") ?? "",
            Bid = Price("Bid"), Ask = Price("Ask"), Last = Price("Last"), Close = Price("Close"),
            BidSize = Size("BidSize"), AskSize = Size("AskSize"), LastSize = Size("LastSize"), Volume = Size("Volume"),
        };
        return contract;
    }

    private static SimulatedFillRule ReadFillRule(string[] cells, Dictionary<string, int> columns, string source, int line)
    {
        var ruleText = Format.Cell(cells, columns, "Rule", source, line);
        if (!TryParseFillRule(ruleText, out var rule))
            throw Format.Invalid(source, line, $"Rule '{ruleText}' is not one of {string.Join(", ", Enum.GetNames(typeof(FillRule)))}.");
        var codeText = SimulatorTextFile.Optional(cells, columns, "Code");
        var code = SimulatedFillRule.DefaultRejectCode;
        if (codeText is not null && !int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out code))
            throw Format.Invalid(source, line, $"Code '{codeText}' is not an IB error code such as 201.");
        var sliceText = SimulatorTextFile.Optional(cells, columns, "PartialSize");
        var slice = 0m;
        if (sliceText is not null && !decimal.TryParse(sliceText, NumberStyles.Number, CultureInfo.InvariantCulture, out slice))
            throw Format.Invalid(source, line, $"PartialSize '{sliceText}' is not a number (0 fills all at once).");
        return new SimulatedFillRule(Format.Cell(cells, columns, "Symbol", source, line), rule, code, slice);
    }

    /// <summary>A fill rule by name, case-insensitive: OnLimitCross, Immediate, AtMarket, Reject, Never.</summary>
    public static bool TryParseFillRule(string text, out FillRule rule) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out rule) && Enum.IsDefined(typeof(FillRule), rule) && !int.TryParse(text.Trim(), out _);

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
