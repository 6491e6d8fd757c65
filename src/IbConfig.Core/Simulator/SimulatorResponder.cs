using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Answers the requests of a connected client (after START_API) from the simulator's accounts, its order book and its
/// contracts. Every session shares one; the per-connection state is the <see cref="SimulatorClientState"/> passed in.
/// Order requests go to the <see cref="SimulatorOrderBook"/> (docs/simulator.md, "Orders"). With a read-only API every
/// order request, the open-order read-models included, gets error 321, as the protocol notes report for reqOpenOrders;
/// ib_insync's <c>readonly=True</c> skips them for that reason.
/// </summary>
internal sealed class SimulatorResponder
{
    private readonly IReadOnlyList<SimulatedAccount> _accounts;
    private readonly SimulatorOrderBook _orders;
    private readonly bool _readOnly;
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeZoneInfo _timeZone;
    private readonly MarketDataResponder _marketData;
    private readonly HistoricalDataResponder _history;

    public SimulatorResponder(IReadOnlyList<SimulatedAccount> accounts, SimulatorOrderBook orders, bool readOnly,
        Func<DateTimeOffset> clock, TimeZoneInfo timeZone, IReadOnlyList<SimulatedContract> contracts, IMarketQuotes quotes, MarketReplay? replay)
    {
        _marketData = new MarketDataResponder(contracts, quotes);
        _history = new HistoricalDataResponder(contracts, replay, clock, timeZone);
        _accounts = accounts;
        _orders = orders;
        _readOnly = readOnly;
        _clock = clock;
        _timeZone = timeZone;
        ManagedAccounts = string.Join(",", accounts.Select(a => a.Id));
    }

    /// <summary>The MANAGED_ACCTS text: the account ids, comma-separated.</summary>
    public string ManagedAccounts { get; }

    /// <summary>What a client receives right after START_API (docs/tws-protocol.md, "Handshake" step 4).</summary>
    public IReadOnlyList<byte[]> Welcome(int serverVersion) => new[]
    {
        GatewayMessages.ManagedAccounts(ManagedAccounts),
        GatewayMessages.NextValidId(_orders.NextValidId),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.MarketDataFarmOk, GatewayErrorCode.MarketDataFarmOkText),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.HistoricalDataFarmOk, GatewayErrorCode.HistoricalDataFarmOkText),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.SecDefFarmOk, GatewayErrorCode.SecDefFarmOkText),
    };

    /// <summary>What a client's streams get when the market's quote of one contract moved.</summary>
    public List<byte[]> Updates(SimulatorClientState client, MarketQuote quote) => MarketDataResponder.Ticks(client, quote);

    /// <summary>What a client's live history subscriptions get when the replay clock moved.</summary>
    public List<byte[]> Updates(SimulatorClientState client, DateTimeOffset from, DateTimeOffset to) => _history.Updates(client, from, to);

    public SimulatorResponse Respond(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        try
        {
            return _marketData.Respond(request, serverVersion, client) ?? _history.Respond(request, serverVersion, client) ?? request.Id switch
            {
                (int)ClientMessageId.ReqCurrentTime => Served("REQ_CURRENT_TIME", GatewayMessages.CurrentTime(_clock().ToUnixTimeSeconds())),
                (int)ClientMessageId.ReqManagedAccounts => Served("REQ_MANAGED_ACCTS", GatewayMessages.ManagedAccounts(ManagedAccounts)),
                (int)ClientMessageId.ReqIds => Served("REQ_IDS", GatewayMessages.NextValidId(_orders.NextValidId)),
                (int)ClientMessageId.ReqAccountSummary => AccountSummary(request),
                (int)ClientMessageId.ReqPositions => Positions(client),
                (int)ClientMessageId.CancelPositions => CancelPositions(client),
                (int)StartupRequestId.ReqAccountUpdates => AccountUpdates(request, serverVersion, client),
                (int)StartupRequestId.ReqAccountUpdatesMulti => AccountUpdatesMulti(request, serverVersion),
                (int)StartupRequestId.ReqExecutions => _orders.Executions(request, serverVersion, client),
                (int)StartupRequestId.ReqCompletedOrders => _orders.CompletedOrders(serverVersion),
                (int)ClientMessageId.StartApi => Unsupported(request, serverVersion, "it was already accepted on this connection"),
                _ when RequestIdLocator.IsCancel(request.Id) => Cancel(request, serverVersion, client),
                _ when Enum.IsDefined(typeof(OrderMessageId), request.Id) => Order(request, serverVersion, client),
                _ => Unsupported(request, serverVersion, null),
            };
        }
        catch (TwsProtocolException ex)
        {
            // One request with unreadable fields: say so (IB's 320) and keep the connection, whose framing is intact.
            var id = ReadRequestId(request, serverVersion);
            return new SimulatorResponse(SimulatorEventKind.BadRequest, ex.Message,
                new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.BadRequest, $"Error reading request: {ex.Message}") });
        }
    }

    private SimulatorResponse AccountSummary(TwsMessage request)
    {
        var reqId = request.GetInt(2);
        var group = request.GetString(3);
        // Duplicates and unknown tags are dropped, as IB does; the reply goes account by account.
        var tags = request.GetString(4).Split(',').Select(AccountSummaryTag.Canonical).Where(t => t is not null).Select(t => t!).Distinct().ToArray();
        var frames = new List<byte[]>(_accounts.Count * tags.Length + 1);
        foreach (var account in _accounts)
            foreach (var tag in tags)
                frames.Add(GatewayMessages.AccountSummary(reqId, account.Id, tag, _orders.ValueOf(account, tag), account.GetCurrency(tag)));
        frames.Add(GatewayMessages.AccountSummaryEnd(reqId));
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_ACCOUNT_SUMMARY {reqId} group {group}: {tags.Length} tag(s) x {_accounts.Count} account(s)", frames);
    }

    /// <summary>reqPositions: every position now, then the end; later fills push their position until cancelPositions.</summary>
    private SimulatorResponse Positions(SimulatorClientState client)
    {
        var positions = _orders.Positions;
        var frames = positions.Select(GatewayMessages.Position).ToList();
        frames.Add(GatewayMessages.PositionEnd());
        client.PositionsSubscribed = true;
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_POSITIONS: {positions.Count} position(s)", frames);
    }

    private static SimulatorResponse CancelPositions(SimulatorClientState client)
    {
        client.PositionsSubscribed = false;
        return Unanswered("CANCEL_POSITIONS");
    }

    /// <summary>
    /// reqAccountUpdates: every account value, the portfolio, the update time, then ACCOUNT_DOWNLOAD_END; a real gateway
    /// keeps streaming changes, as the simulator does after each fill (portfolio, cash, net liquidation). An empty account
    /// code means the first account, as for a non-FA login; unsubscribing just stops.
    /// </summary>
    private SimulatorResponse AccountUpdates(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var subscribe = request.GetInt(2) != 0;
        var code = request.Count > 3 ? request.GetString(3).Trim() : "";
        if (!subscribe)
        {
            client.AccountUpdates = null;
            return Unanswered($"REQ_ACCOUNT_DATA unsubscribe {code}");
        }
        var account = code.Length == 0 ? _accounts[0] : FindAccount(code);
        if (account is null) return UnknownAccount(code, GatewayErrorCode.NoRequestId, serverVersion);
        client.AccountUpdates = account.Id;
        var frames = AccountSummaryTag.All.Select(tag => GatewayMessages.AccountValue(tag, _orders.ValueOf(account, tag), account.GetCurrency(tag), account.Id)).ToList();
        var positions = _orders.Positions.Where(p => string.Equals(p.Account, account.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        frames.AddRange(positions.Select(GatewayMessages.PortfolioValue));
        frames.Add(GatewayMessages.AccountUpdateTime(_clock(), _timeZone));
        frames.Add(GatewayMessages.AccountDownloadEnd(account.Id));
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_ACCOUNT_DATA {account.Id}: {AccountSummaryTag.All.Count} value(s), {positions.Count} position(s)", frames);
    }

    /// <summary>reqAccountUpdatesMulti: every account value of one account (all of them for an empty code), then the end.</summary>
    private SimulatorResponse AccountUpdatesMulti(TwsMessage request, int serverVersion)
    {
        var reqId = request.GetInt(2);
        var code = request.GetString(3).Trim();
        var modelCode = request.Count > 4 ? request.GetString(4) : "";
        var accounts = code.Length == 0 ? _accounts : FindAccount(code) is SimulatedAccount one ? new[] { one } : Array.Empty<SimulatedAccount>();
        if (accounts.Count == 0) return UnknownAccount(code, reqId, serverVersion);
        var frames = (from account in accounts
                      from tag in AccountSummaryTag.All
                      select GatewayMessages.AccountUpdateMulti(reqId, account.Id, modelCode, tag, _orders.ValueOf(account, tag), account.GetCurrency(tag))).ToList();
        frames.Add(GatewayMessages.AccountUpdateMultiEnd(reqId));
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_ACCOUNT_UPDATES_MULTI {reqId} {string.Join(",", accounts.Select(a => a.Id))}", frames);
    }

    private SimulatedAccount? FindAccount(string code) => _accounts.FirstOrDefault(a => string.Equals(a.Id, code, StringComparison.OrdinalIgnoreCase));

    private SimulatorResponse UnknownAccount(string code, int id, int serverVersion)
    {
        var text = $"Account {code} is not managed by the simulator (it manages {ManagedAccounts}).";
        return new SimulatorResponse(SimulatorEventKind.Unsupported, text, new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.NotSupported, text) });
    }

    private SimulatorResponse Order(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var name = RequestIdLocator.NameOf(request.Id)!;
        if (_readOnly)
        {
            var id = ReadRequestId(request, serverVersion);
            return new SimulatorResponse(SimulatorEventKind.ReadOnlyRejected, $"{name} refused: the API is read-only",
                new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.ReadOnly, GatewayErrorCode.ReadOnlyText) });
        }
        return (OrderMessageId)request.Id switch
        {
            OrderMessageId.PlaceOrder => _orders.Place(request, serverVersion, client),
            OrderMessageId.CancelOrder => _orders.Cancel(request, serverVersion, client),
            OrderMessageId.ReqGlobalCancel => _orders.GlobalCancel(),
            OrderMessageId.ReqOpenOrders or OrderMessageId.ReqAutoOpenOrders => _orders.OpenOrders(serverVersion, client, allClients: false, name),
            OrderMessageId.ReqAllOpenOrders => _orders.OpenOrders(serverVersion, client, allClients: true, name),
            _ => Unsupported(request, serverVersion, "the simulator plays stock orders only"),
        };
    }

    private static SimulatorResponse Unsupported(TwsMessage request, int serverVersion, string? why)
    {
        var id = ReadRequestId(request, serverVersion);
        var name = RequestIdLocator.NameOf(request.Id) is string known ? $"{known} ({request.Id})" : $"Request {Shorten(request.Fields[0])}";
        var text = $"{name} is not supported by the simulator" + (why is null ? "." : $": {why}.");
        return new SimulatorResponse(SimulatorEventKind.Unsupported, text,
            new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.NotSupported, text) });
    }

    private static int ReadRequestId(TwsMessage request, int serverVersion) => RequestIdLocator.Read(request, serverVersion);

    private static string Shorten(string text) => text.Length <= 16 ? text : text.Substring(0, 16) + "…";

    /// <summary>IB answers no cancel or unsubscribe, even of something it never started (docs/simulator.md, "Requests").</summary>
    private static SimulatorResponse Cancel(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var id = ReadRequestId(request, serverVersion);
        client.Cancel(request.Id, id);
        return Unanswered(RequestIdLocator.NameOf(request.Id) + (id == GatewayErrorCode.NoRequestId ? "" : $" {id}"));
    }

    private static SimulatorResponse Served(string what, byte[] frame) => new(SimulatorEventKind.Request, what, new[] { frame });

    /// <summary>A request served without a reply, as a gateway does for cancels and unsubscribes.</summary>
    private static SimulatorResponse Unanswered(string what) => new(SimulatorEventKind.Request, what, Array.Empty<byte[]>());
}
