using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The orders, fills, positions and cash of one simulator, shared by all its sessions (docs/simulator.md, "Orders").
/// Orders trade against <see cref="IMarketQuotes"/> under the fill rule of their symbol; every change is delivered, in
/// order, to the client that owns the order (and the master API client), and fills are pushed to the clients subscribed
/// to the account's updates or to positions. One lock guards it all: requests and quote moves are short.
/// </summary>
internal sealed class SimulatorOrderBook
{
    /// <summary>Orders kept per simulator; a bot that places more in one run is refused (201), never the memory.</summary>
    public const int MaxOrders = 10_000;

    /// <summary>Fills kept per simulator: beyond it orders stop filling (they keep working), so tiny slices cannot eat the memory.</summary>
    public const int MaxExecutions = 100_000;

    /// <summary>The first permanent id: IB's are large numbers; the simulator counts up from here, so runs are repeatable.</summary>
    private const int FirstPermId = 1_000_001;

    private readonly object _gate = new();
    private readonly IReadOnlyList<SimulatedContract> _contracts;
    private readonly IReadOnlyList<SimulatedAccount> _accounts;
    private readonly IMarketQuotes _quotes;
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeZoneInfo _zone;
    private readonly int? _masterClientId;
    private readonly Dictionary<string, SimulatedFillRule> _rules;
    private readonly SimulatedFillRule _defaultRule;
    private readonly OrderDelivery _deliver;
    private readonly Dictionary<(int ClientId, int OrderId), SimulatedOrder> _orders = new();
    private readonly List<SimulatedOrder> _arrivals = new();
    private readonly List<SimulatedExecution> _executions = new();
    private readonly List<SimulatedPosition> _positions;
    private readonly Dictionary<string, double> _cashChange = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Account, int ConId), decimal> _traded = new();
    private readonly Dictionary<int, double> _lastFillPrice = new();
    private int _nextOrderId;
    private int _nextPermId = FirstPermId;

    public SimulatorOrderBook(GatewaySimulatorOptions options, IReadOnlyList<SimulatedAccount> accounts, IMarketQuotes quotes, Func<DateTimeOffset> clock, OrderDelivery deliver)
    {
        _contracts = options.Contracts.ToArray();
        _accounts = accounts;
        _positions = options.Positions.ToList();
        _quotes = quotes;
        _clock = clock;
        _zone = options.TimeZone;
        _masterClientId = options.MasterClientId;
        _nextOrderId = options.NextValidOrderId;
        _deliver = deliver;
        _defaultRule = options.FillRules.LastOrDefault(r => r.Symbol == SimulatedFillRule.AnySymbol) ?? new SimulatedFillRule(SimulatedFillRule.AnySymbol, options.DefaultFillRule);
        _rules = options.FillRules.Where(r => r.Symbol != SimulatedFillRule.AnySymbol).GroupBy(r => r.Symbol).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        quotes.QuoteChanged += OnQuoteChanged;
    }

    /// <summary>NEXT_VALID_ID: above every order id any client used.</summary>
    public int NextValidId
    {
        get { lock (_gate) return _nextOrderId; }
    }

    /// <summary>The positions now: the data file's, moved by every fill.</summary>
    public IReadOnlyList<SimulatedPosition> Positions
    {
        get { lock (_gate) return _positions.ToArray(); }
    }

    /// <summary>
    /// An account value as fills left it: TotalCashValue moves by each fill's cost and commission; NetLiquidation by the
    /// commission and by the traded quantity's move from its fill price to the current mark (last, else mid, else last fill).
    /// Every other value stays as configured.
    /// </summary>
    public string ValueOf(SimulatedAccount account, string tag)
    {
        var value = account.GetValue(tag);
        if (tag is not ("TotalCashValue" or "NetLiquidation")) return value;
        lock (_gate)
        {
            if (!_cashChange.TryGetValue(account.Id, out var cash)) return value;
            var change = cash;
            if (tag == "NetLiquidation")
                change += _traded.Where(t => string.Equals(t.Key.Account, account.Id, StringComparison.OrdinalIgnoreCase)).Sum(t => (double)t.Value * Mark(t.Key.ConId));
            var start = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
            return (start + change).ToString("F2", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>PLACE_ORDER: a new order (PreSubmitted, Submitted, then fills as its rule allows) or a change to an open one.</summary>
    public SimulatorResponse Place(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var r = PlaceOrderRequest.Read(request, serverVersion);
        var id = r.OrderId;
        var contract = _contracts.FirstOrDefault(c => c.Matches(r.ConId, r.Symbol, r.SecType, r.Exchange, r.Currency));
        if (contract is null)
            return Refuse(serverVersion, id, GatewayErrorCode.NoSecurityDefinition, GatewayErrorCode.NoSecurityDefinitionText, $"PLACE_ORDER {id}: no contract {r.Symbol} {r.SecType} (conId {r.ConId})");
        if (Invalid(r) is (int code, string why))
            return Refuse(serverVersion, id, code, code == OrderErrorCode.Rejected ? OrderErrorCode.RejectedText + why : why, $"PLACE_ORDER {id} refused ({code}): {why}");
        var account = r.Account.Length == 0 ? _accounts[0] : _accounts.FirstOrDefault(a => string.Equals(a.Id, r.Account, StringComparison.OrdinalIgnoreCase));
        if (account is null)
            return Refuse(serverVersion, id, OrderErrorCode.Rejected, OrderErrorCode.RejectedText + $"account {r.Account} is not managed by the simulator", $"PLACE_ORDER {id}: unknown account {r.Account}");
        var rule = RuleFor(contract.Symbol);
        lock (_gate)
        {
            if (_orders.TryGetValue((client.ClientId, id), out var existing))
                return Modify(existing, r, contract, serverVersion);
            _nextOrderId = Math.Max(_nextOrderId, id + 1);
            if (rule.Rule == FillRule.Reject)
                return Refuse(serverVersion, id, rule.RejectCode, OrderErrorCode.RejectedText + $"the simulator's fill rule rejects orders for {contract.Symbol}", $"PLACE_ORDER {id} rejected by the fill rule ({rule.RejectCode})");
            if (_arrivals.Count >= MaxOrders)
                return Refuse(serverVersion, id, OrderErrorCode.Rejected, OrderErrorCode.RejectedText + $"the simulator keeps at most {MaxOrders} orders per run", $"PLACE_ORDER {id}: order limit reached");
            var order = new SimulatedOrder(client.ClientId, id, _nextPermId++, contract)
            {
                Account = account.Id, Action = r.Action, TotalQuantity = r.Quantity!.Value, OrderType = r.OrderType,
                LimitPrice = r.OrderType == "LMT" ? r.LimitPrice : null, TimeInForce = r.TimeInForce.Length == 0 ? "DAY" : r.TimeInForce, OrderRef = r.OrderRef,
            };
            _orders[(client.ClientId, id)] = order;
            _arrivals.Add(order);
            Report(order);
            order.Status = OrderStatusText.Submitted;
            Report(order);
            Work(order, rule);
            return new SimulatorResponse(SimulatorEventKind.Request, $"PLACE_ORDER {order}", Array.Empty<byte[]>());
        }
    }

    /// <summary>CANCEL_ORDER: Cancelled and IB's 202 for an open order; 10147 for an id this client never used, 10148 for one already done.</summary>
    public SimulatorResponse Cancel(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var id = RequestIdLocator.Read(request, serverVersion);
        lock (_gate)
        {
            if (!_orders.TryGetValue((client.ClientId, id), out var order))
                return Refuse(serverVersion, id, OrderErrorCode.CancelNotFound, string.Format(CultureInfo.InvariantCulture, OrderErrorCode.CancelNotFoundText, id), $"CANCEL_ORDER {id}: no such order (10147)");
            if (!order.IsOpen)
                return Refuse(serverVersion, id, OrderErrorCode.CannotCancel, string.Format(CultureInfo.InvariantCulture, OrderErrorCode.CannotCancelText, id, order.Status), $"CANCEL_ORDER {id}: already {order.Status} (10148)");
            CancelOpen(order);
            return new SimulatorResponse(SimulatorEventKind.Request, $"CANCEL_ORDER {order}", Array.Empty<byte[]>());
        }
    }

    /// <summary>REQ_GLOBAL_CANCEL: every open order of every client is cancelled; each owner hears of its own.</summary>
    public SimulatorResponse GlobalCancel()
    {
        lock (_gate)
        {
            var open = _arrivals.Where(o => o.IsOpen).ToList();
            foreach (var order in open) CancelOpen(order);
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_GLOBAL_CANCEL: {open.Count} order(s) cancelled", Array.Empty<byte[]>());
        }
    }

    /// <summary>reqOpenOrders (this client's, or every client's for the master client) and reqAllOpenOrders (every client's): OPEN_ORDER and ORDER_STATUS each, then OPEN_ORDER_END.</summary>
    public SimulatorResponse OpenOrders(int serverVersion, SimulatorClientState client, bool allClients, string name)
    {
        lock (_gate)
        {
            var open = _arrivals.Where(o => o.IsOpen && (allClients || Sees(client, o))).ToList();
            var frames = new List<byte[]>(open.Count * 2 + 1);
            foreach (var order in open)
            {
                frames.Add(OrderMessages.OpenOrder(serverVersion, order));
                frames.Add(OrderMessages.OrderStatus(serverVersion, order));
            }
            frames.Add(GatewayMessages.OpenOrderEnd());
            return new SimulatorResponse(SimulatorEventKind.Request, $"{name}: {open.Count} open order(s)", frames);
        }
    }

    /// <summary>REQ_COMPLETED_ORDERS: every filled or cancelled order, oldest first, then COMPLETED_ORDERS_END.</summary>
    public SimulatorResponse CompletedOrders(int serverVersion)
    {
        lock (_gate)
        {
            var done = _arrivals.Where(o => !o.IsOpen).ToList();
            var frames = done.Select(o => OrderMessages.CompletedOrder(serverVersion, o, Time(o.CompletedAt ?? _clock()))).ToList();
            frames.Add(GatewayMessages.CompletedOrdersEnd());
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_COMPLETED_ORDERS: {done.Count} completed order(s)", frames);
        }
    }

    /// <summary>
    /// REQ_EXECUTIONS (version, reqId, then the filter: clientId, account, time, symbol, secType, exchange, side): the
    /// fills this client may see that pass the filter, each with its commission report, then EXECUTION_DATA_END.
    /// </summary>
    public SimulatorResponse Executions(TwsMessage request, int serverVersion, SimulatorClientState client)
    {
        var reqId = request.GetInt(2);
        string Filter(int index) => request.Count > index ? request.GetString(index).Trim() : "";
        var clientFilter = int.TryParse(Filter(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var account = Filter(4);
        var since = ParseFilterTime(Filter(5));
        var symbol = Filter(6);
        var secType = Filter(7);
        var side = Filter(9).ToUpperInvariant();
        lock (_gate)
        {
            var seen = _executions.Where(e => Sees(client, e.Order)
                && (clientFilter == 0 || e.Order.ClientId == clientFilter)
                && (account.Length == 0 || string.Equals(e.Order.Account, account, StringComparison.OrdinalIgnoreCase))
                && (since is null || e.Time >= since)
                && (symbol.Length == 0 || string.Equals(e.Order.Contract.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
                && (secType.Length == 0 || string.Equals(e.Order.Contract.SecType, secType, StringComparison.OrdinalIgnoreCase))
                && (side.Length == 0 || side == e.Order.Action || side == e.Side)).ToList();
            var frames = new List<byte[]>(seen.Count * 2 + 1);
            foreach (var e in seen)
            {
                frames.Add(OrderMessages.ExecutionData(serverVersion, reqId, e, Time(e.Time)));
                frames.Add(OrderMessages.CommissionReport(e));
            }
            frames.Add(GatewayMessages.ExecutionDataEnd(reqId));
            return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_EXECUTIONS {reqId}: {seen.Count} execution(s)", frames);
        }
    }

    private SimulatorResponse Modify(SimulatedOrder order, PlaceOrderRequest r, SimulatedContract contract, int serverVersion)
    {
        var id = order.OrderId;
        if (order.Status == OrderStatusText.Filled)
            return Refuse(serverVersion, id, OrderErrorCode.ModifyFilled, OrderErrorCode.ModifyFilledText, $"PLACE_ORDER {id}: cannot modify a filled order (104)");
        if (!order.IsOpen)
            return Refuse(serverVersion, id, OrderErrorCode.DuplicateId, OrderErrorCode.DuplicateIdText, $"PLACE_ORDER {id}: the id of a {order.Status} order (103)");
        if (order.Contract.ConId != contract.ConId || order.Action != r.Action)
            return Refuse(serverVersion, id, OrderErrorCode.ModifyMismatch, OrderErrorCode.ModifyMismatchText, $"PLACE_ORDER {id}: the change names another contract or side (105)");
        if (r.Quantity!.Value < order.Filled)
            return Refuse(serverVersion, id, OrderErrorCode.Rejected, OrderErrorCode.RejectedText + $"the new quantity {r.Quantity} is below the {order.Filled} already filled", $"PLACE_ORDER {id}: quantity below filled");
        order.TotalQuantity = r.Quantity.Value;
        order.OrderType = r.OrderType;
        order.LimitPrice = r.OrderType == "LMT" ? r.LimitPrice : null;
        if (r.TimeInForce.Length > 0) order.TimeInForce = r.TimeInForce;
        Report(order);
        Work(order, RuleFor(contract.Symbol));
        return new SimulatorResponse(SimulatorEventKind.Request, $"PLACE_ORDER modified {order}", Array.Empty<byte[]>());
    }

    /// <summary>What is wrong with an order the simulator cannot take, as IB's code and reason; null when it can.</summary>
    private static (int Code, string Why)? Invalid(PlaceOrderRequest r)
    {
        if (r.Action is not ("BUY" or "SELL")) return (OrderErrorCode.Rejected, $"action '{r.Action}' is not BUY or SELL");
        if (r.Quantity is null) return (OrderErrorCode.Rejected, $"total quantity '{r.QuantityText}' is not a positive number");
        if (r.OrderType is not ("MKT" or "LMT")) return (OrderErrorCode.UnsupportedType, OrderErrorCode.UnsupportedTypeText + $" The simulator plays MKT and LMT, not '{r.OrderType}'.");
        if (r.OrderType == "LMT" && r.LimitPrice is null) return (OrderErrorCode.Rejected, $"a LMT order needs a positive limit price, not '{r.LimitPriceText}'");
        if (r.TimeInForce is not ("" or "DAY" or "GTC")) return (OrderErrorCode.Rejected, $"time in force '{r.TimeInForce}' is not DAY or GTC, the ones the simulator plays");
        return null;
    }

    private SimulatedFillRule RuleFor(string symbol) => _rules.TryGetValue(symbol, out var rule) ? rule : _defaultRule;

    private void OnQuoteChanged(MarketQuote quote)
    {
        try
        {
            lock (_gate)
            {
                // The quote of this step, not the market's latest: a replay catching up reports every step in turn.
                foreach (var order in _arrivals.Where(o => o.IsOpen && o.Contract.ConId == quote.ConId).ToList())
                    Work(order, RuleFor(order.Contract.Symbol), quote);
            }
        }
        catch (Exception)
        {
            // A quote mover must never fail because of an order: the order simply waits for the next move.
        }
    }

    /// <summary>One fill opportunity: fills one slice when the rule and the market allow.</summary>
    private void Work(SimulatedOrder order, SimulatedFillRule rule, MarketQuote? quote = null)
    {
        if (!order.IsOpen || order.Remaining <= 0 || _executions.Count >= MaxExecutions) return;
        quote ??= _quotes.QuoteOf(order.Contract.ConId);
        if (FillPrice(order, rule.Rule, quote) is not double price) return;
        var shares = rule.PartialSize > 0 ? Math.Min(rule.PartialSize, order.Remaining) : order.Remaining;
        Fill(order, shares, price, quote?.Time ?? _clock());
    }

    /// <summary>The price a fill happens at now under the rule, or null when the order must wait (docs/simulator.md, "Orders").</summary>
    internal static double? FillPrice(SimulatedOrder order, FillRule rule, MarketQuote? quote)
    {
        var market = order.IsBuy ? quote?.Ask ?? quote?.Last : quote?.Bid ?? quote?.Last;
        switch (rule)
        {
            case FillRule.Immediate:
                return order.LimitPrice ?? market;
            case FillRule.AtMarket:
                return market;
            case FillRule.OnLimitCross:
                if (market is not double m || order.LimitPrice is not double limit) return market;
                return (order.IsBuy ? m <= limit : m >= limit) ? m : null;
            default:
                return null;
        }
    }

    /// <summary>Fills a slice at the time of the quote it traded on (a replay's step), so runs are repeatable however the clock moved.</summary>
    private void Fill(SimulatedOrder order, decimal shares, double price, DateTimeOffset now)
    {
        order.AverageFillPrice = (order.AverageFillPrice * (double)order.Filled + price * (double)shares) / (double)(order.Filled + shares);
        order.Filled += shares;
        order.LastFillPrice = price;
        if (order.Remaining == 0)
        {
            order.Status = OrderStatusText.Filled;
            order.CompletedAt = now;
        }
        var signed = order.IsBuy ? shares : -shares;
        var (position, realized) = Move(order, signed, price);
        var commission = Commission(shares, price);
        _cashChange[order.Account] = (_cashChange.TryGetValue(order.Account, out var cash) ? cash : 0) - (double)signed * price - commission;
        var key = (order.Account, order.Contract.ConId);
        _traded[key] = (_traded.TryGetValue(key, out var traded) ? traded : 0) + signed;
        _lastFillPrice[order.Contract.ConId] = price;
        var slice = ++order.FillCount;
        var execution = new SimulatedExecution(order, $"{order.PermId:x8}.{now:yyyyMMdd}.{slice:D2}.01", now, shares, price, commission, realized);
        _executions.Add(execution);
        var time = Time(now);
        var openOrder = Snapshot(order);
        _deliver(c => Sees(c, order), v => new[]
        {
            OrderMessages.ExecutionData(v, GatewayErrorCode.NoRequestId, execution, time),
            OrderMessages.OpenOrder(v, openOrder),
            OrderMessages.OrderStatus(v, openOrder),
            OrderMessages.CommissionReport(execution),
        });
        var account = _accounts.First(a => string.Equals(a.Id, order.Account, StringComparison.OrdinalIgnoreCase));
        // ValueOf takes the lock this thread holds already (Monitor is re-entrant).
        var cashText = ValueOf(account, "TotalCashValue");
        var netText = ValueOf(account, "NetLiquidation");
        _deliver(c => string.Equals(c.AccountUpdates, account.Id, StringComparison.OrdinalIgnoreCase), _ => new[]
        {
            GatewayMessages.PortfolioValue(position),
            GatewayMessages.AccountValue("TotalCashValue", cashText, account.Currency, account.Id),
            GatewayMessages.AccountValue("NetLiquidation", netText, account.Currency, account.Id),
            GatewayMessages.AccountUpdateTime(now, _zone),
        });
        _deliver(c => c.PositionsSubscribed, _ => new[] { GatewayMessages.Position(position) });
    }

    /// <summary>Moves the account's position by a fill; returns the new position and the P&amp;L realized when it shrank.</summary>
    private (SimulatedPosition Position, double? Realized) Move(SimulatedOrder order, decimal signed, double price)
    {
        var index = _positions.FindIndex(p => string.Equals(p.Account, order.Account, StringComparison.OrdinalIgnoreCase)
            && (p.ConId == order.Contract.ConId || (p.ConId == 0 && string.Equals(p.Symbol, order.Contract.Symbol, StringComparison.OrdinalIgnoreCase))));
        var old = index >= 0 ? _positions[index] : null;
        var quantity = old?.Quantity ?? 0;
        var cost = old?.AverageCost ?? 0;
        var after = quantity + signed;
        double? realized = null;
        double average;
        if (quantity == 0 || Math.Sign(quantity) == Math.Sign(signed))
        {
            average = (cost * (double)Math.Abs(quantity) + price * (double)Math.Abs(signed)) / (double)Math.Abs(after);
        }
        else
        {
            realized = (price - cost) * (double)Math.Min(Math.Abs(signed), Math.Abs(quantity)) * Math.Sign(quantity);
            average = after == 0 ? 0 : Math.Sign(after) == Math.Sign(quantity) ? cost : price;
        }
        var position = new SimulatedPosition(order.Account, order.Contract.Symbol, after, average)
        {
            ConId = order.Contract.ConId, SecType = order.Contract.SecType, Currency = order.Contract.Currency,
            Exchange = old?.Exchange ?? "", LocalSymbol = old?.LocalSymbol, TradingClass = old?.TradingClass,
        };
        if (index >= 0) _positions[index] = position; else _positions.Add(position);
        return (position, realized);
    }

    /// <summary>IB's fixed US-stock pricing, per fill: USD 0.005 a share, at least 1.00, at most 1% of the trade value (docs/simulator.md, "Orders").</summary>
    internal static double Commission(decimal shares, double price)
    {
        var perShare = Math.Max(1.00, 0.005 * (double)shares);
        return Math.Round(Math.Min(perShare, 0.01 * (double)shares * price), 2);
    }

    private void CancelOpen(SimulatedOrder order)
    {
        order.Status = OrderStatusText.Cancelled;
        order.CompletedAt = _clock();
        var snapshot = Snapshot(order);
        _deliver(c => Sees(c, order), v => new[]
        {
            OrderMessages.OrderStatus(v, snapshot),
            GatewayMessages.Error(v, order.OrderId, OrderErrorCode.Cancelled, OrderErrorCode.CancelledText),
        });
    }

    /// <summary>OPEN_ORDER and ORDER_STATUS of the order as it is now, to its owner (and the master client).</summary>
    private void Report(SimulatedOrder order)
    {
        var snapshot = Snapshot(order);
        _deliver(c => Sees(c, order), v => new[] { OrderMessages.OpenOrder(v, snapshot), OrderMessages.OrderStatus(v, snapshot) });
    }

    /// <summary>A client hears of its own orders; the master API client hears of every client's.</summary>
    private bool Sees(SimulatorClientState client, SimulatedOrder order) =>
        client.ClientId == order.ClientId || (_masterClientId is int master && client.ClientId == master);

    /// <summary>A copy for frames rendered later, on another thread, while the order moves on.</summary>
    private static SimulatedOrder Snapshot(SimulatedOrder o) => new(o.ClientId, o.OrderId, o.PermId, o.Contract)
    {
        Account = o.Account, Action = o.Action, TotalQuantity = o.TotalQuantity, OrderType = o.OrderType, LimitPrice = o.LimitPrice,
        TimeInForce = o.TimeInForce, OrderRef = o.OrderRef, Status = o.Status, Filled = o.Filled, AverageFillPrice = o.AverageFillPrice,
        LastFillPrice = o.LastFillPrice, CompletedAt = o.CompletedAt,
    };

    private double Mark(int conId)
    {
        var quote = _quotes.QuoteOf(conId);
        return quote?.Last ?? (quote?.Bid is double bid && quote.Ask is double ask ? (bid + ask) / 2 : _lastFillPrice.TryGetValue(conId, out var p) ? p : 0);
    }

    /// <summary>IB's execution time text: the gateway's local date and time, then its zone.</summary>
    private string Time(DateTimeOffset when) => GatewayMessages.ConnectionTime(when, _zone);

    /// <summary>The execution filter's time, <c>yyyyMMdd-HH:mm:ss</c> (or with a space) in the gateway's zone; null when empty or unreadable.</summary>
    private DateTimeOffset? ParseFilterTime(string text)
    {
        if (text.Length < 17) return null;
        if (!DateTime.TryParseExact(text.Substring(0, 17).Replace('-', ' '), "yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static SimulatorResponse Refuse(int serverVersion, int id, int code, string text, string note) =>
        new(SimulatorEventKind.Request, note, new[] { GatewayMessages.Error(serverVersion, id, code, text) });
}
