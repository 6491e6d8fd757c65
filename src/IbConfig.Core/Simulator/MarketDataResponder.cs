using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Answers contract and market-data requests from the simulator's contracts (docs/simulator.md, "Contracts and market
/// data"): reqContractDetails, reqMatchingSymbols, reqMarketDataType and reqMktData, with IB's 200 for a contract it
/// does not know. Field positions follow @stoqey/ib 1.6.10's encoder for server versions 100 and later.
/// </summary>
internal sealed class MarketDataResponder
{

    /// <summary>IB returns at most this many matches to reqMatchingSymbols.</summary>
    private const int MaxMatchingSymbols = 16;

    private readonly IReadOnlyList<SimulatedContract> _contracts;
    private readonly IMarketQuotes _quotes;

    public MarketDataResponder(IReadOnlyList<SimulatedContract> contracts, IMarketQuotes quotes)
    {
        _contracts = contracts;
        _quotes = quotes;
    }

    public SimulatorResponse? Respond(TwsMessage request, int serverVersion, SimulatorClientState client) => request.Id switch
    {
        1 => MarketData(request, serverVersion, client),
        9 => ContractDetails(request, serverVersion),
        59 => MarketDataType(request, client),
        81 => MatchingSymbols(request, serverVersion),
        _ => null,
    };

    /// <summary>REQ_CONTRACT_DATA: version, reqId, then conId, symbol, secType, expiry, strike, right, multiplier, exchange, primaryExch, currency, ...</summary>
    private SimulatorResponse ContractDetails(TwsMessage request, int serverVersion)
    {
        var reqId = request.GetInt(2);
        var matches = Find(request, 3, exchangeIndex: 10, currencyIndex: 12).ToList();
        if (matches.Count == 0) return NoSecurityDefinition(request, serverVersion, reqId, 3);
        var frames = matches.Select(c => GatewayMessages.ContractData(serverVersion, reqId, c)).ToList();
        frames.Add(GatewayMessages.ContractDataEnd(reqId));
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_CONTRACT_DATA {reqId}: {string.Join(", ", matches)}", frames);
    }

    /// <summary>REQ_MATCHING_SYMBOLS: reqId, pattern; symbols that start with it, then names that contain it.</summary>
    private SimulatorResponse MatchingSymbols(TwsMessage request, int serverVersion)
    {
        var reqId = request.GetInt(1);
        var pattern = request.GetString(2).Trim();
        var found = _contracts.Where(c => pattern.Length > 0 && c.Symbol.StartsWith(pattern, StringComparison.OrdinalIgnoreCase))
            .Concat(_contracts.Where(c => pattern.Length > 0 && c.LongName.IndexOf(pattern, StringComparison.OrdinalIgnoreCase) >= 0))
            .Distinct().Take(MaxMatchingSymbols).ToList();
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_MATCHING_SYMBOLS {reqId} '{pattern}': {found.Count} match(es)",
            new[] { GatewayMessages.SymbolSamples(serverVersion, reqId, found) });
    }

    /// <summary>REQ_MARKET_DATA_TYPE: version, type. Accepted without a reply, as IB does; later market data comes as that type.</summary>
    private static SimulatorResponse MarketDataType(TwsMessage request, SimulatorClientState client)
    {
        var type = request.GetInt(2);
        if (type is < 1 or > 4) throw new TwsProtocolException(ProtocolFailure.Malformed, $"Market data type {type} is not 1 (real-time), 2 (frozen), 3 (delayed) or 4 (delayed frozen).");
        client.MarketDataType = type;
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_MARKET_DATA_TYPE {type}", Array.Empty<byte[]>());
    }

    /// <summary>
    /// REQ_MKT_DATA version 11: reqId, the contract (conId at 3 .. tradingClass at 14), delta-neutral flag, generic ticks,
    /// snapshot, regulatory snapshot, options. Sends the data type, then bid, ask, last (with their sizes), volume and close
    /// of the market's current quote; a snapshot ends with TICK_SNAPSHOT_END, a stream gets a tick each time the replay
    /// moves the quote, until cancelMktData.
    /// </summary>
    private SimulatorResponse MarketData(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var reqId = request.GetInt(2);
        var contract = Find(request, 3, exchangeIndex: 10, currencyIndex: 12).FirstOrDefault();
        if (contract is null) return NoSecurityDefinition(request, serverVersion, reqId, 3);
        var snapshot = request.Count >= 4 && request.Fields[request.Count - 3] is "1" or "true";
        if (!snapshot && client.TickStreams.Count >= SimulatorClientState.MaxStreams && !client.TickStreams.ContainsKey(reqId))
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_MKT_DATA {reqId}: more than {SimulatorClientState.MaxStreams} streams",
                new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.TooManyTickers, $"Max number of tickers has been reached: the simulator allows {SimulatorClientState.MaxStreams} streams per connection; cancel some first.") });
        var delayed = client.MarketDataType >= 3;
        var quote = _quotes.QuoteOf(contract.ConId);
        var frames = new List<byte[]> { GatewayMessages.MarketDataType(reqId, client.MarketDataType) };
        if (quote?.Bid is double bid) frames.Add(GatewayMessages.TickPrice(reqId, Tick(delayed, 1, 66), bid, contract.BidSize));
        if (quote?.Ask is double ask) frames.Add(GatewayMessages.TickPrice(reqId, Tick(delayed, 2, 67), ask, contract.AskSize));
        if (quote?.Last is double last) frames.Add(GatewayMessages.TickPrice(reqId, Tick(delayed, 4, 68), last, quote.LastSize ?? contract.LastSize));
        if (contract.Volume is decimal volume) frames.Add(GatewayMessages.TickSize(reqId, Tick(delayed, 8, 74), volume));
        if (contract.Close is double close) frames.Add(GatewayMessages.TickPrice(reqId, Tick(delayed, 9, 75), close, null));
        if (snapshot) frames.Add(GatewayMessages.TickSnapshotEnd(reqId));
        else client.TickStreams[reqId] = contract;
        var kind = snapshot ? "snapshot" : "stream";
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_MKT_DATA {reqId} {contract} {kind}{(delayed ? " (delayed)" : "")}: {frames.Count - 1} message(s)", frames);
    }

    /// <summary>The ticks a client's streams of this contract get when its quote moved: bid, ask and last (a trade at each step).</summary>
    public static List<byte[]> Ticks(SimulatorClientState client, MarketQuote quote)
    {
        var frames = new List<byte[]>();
        var delayed = client.MarketDataType >= 3;
        foreach (var pair in client.TickStreams)
        {
            if (pair.Value.ConId != quote.ConId) continue;
            if (quote.Bid is double bid) frames.Add(GatewayMessages.TickPrice(pair.Key, Tick(delayed, 1, 66), bid, pair.Value.BidSize));
            if (quote.Ask is double ask) frames.Add(GatewayMessages.TickPrice(pair.Key, Tick(delayed, 2, 67), ask, pair.Value.AskSize));
            if (quote.Last is double last) frames.Add(GatewayMessages.TickPrice(pair.Key, Tick(delayed, 4, 68), last, quote.LastSize));
        }
        return frames;
    }

    // IB's tick types: BID 1, ASK 2, LAST 4, VOLUME 8, CLOSE 9; delayed DELAYED_BID 66, _ASK 67, _LAST 68, _VOLUME 74, _CLOSE 75.
    private static int Tick(bool delayed, int live, int late) => delayed ? late : live;

    /// <summary>The contracts a request's contract fields name; "SMART:NASDAQ" (exchange with primary) counts as SMART.</summary>
    private IEnumerable<SimulatedContract> Find(TwsMessage request, int conIdIndex, int exchangeIndex, int currencyIndex)
    {
        var conIdText = request.GetString(conIdIndex);
        var conId = int.TryParse(conIdText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var exchange = request.GetString(exchangeIndex).Split(':')[0];
        return _contracts.Where(c => c.Matches(conId, request.GetString(conIdIndex + 1), request.GetString(conIdIndex + 2), exchange, request.GetString(currencyIndex)));
    }

    private static SimulatorResponse NoSecurityDefinition(TwsMessage request, int serverVersion, int reqId, int conIdIndex)
    {
        var what = $"{request.GetString(conIdIndex + 1)} {request.GetString(conIdIndex + 2)} (conId {request.GetString(conIdIndex)})";
        return new SimulatorResponse(SimulatorEventKind.Request, $"{RequestIdLocator.NameOf(request.Id)} {reqId}: no contract {what}",
            new[] { GatewayMessages.Error(serverVersion, reqId, GatewayErrorCode.NoSecurityDefinition, GatewayErrorCode.NoSecurityDefinitionText) });
    }
}
