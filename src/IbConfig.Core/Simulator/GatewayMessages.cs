using System;
using System.Globalization;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The server → client frames the simulator sends, in the layouts of docs/tws-protocol.md ("Replies IbConfig reads") for the negotiated
/// version. Each method returns one frame, length prefix included.
/// </summary>
public static class GatewayMessages
{
    /// <summary>From this server version ERR_MSG carries advancedOrderRejectJson (MIN_SERVER_VER_ADVANCED_ORDER_REJECT).</summary>
    public const int AdvancedOrderRejectVersion = 166;

    /// <summary>The handshake answer: the chosen version and the connection time, <c>YYYYMMDD HH:MM:SS zone</c>.</summary>
    public static byte[] ServerVersion(int version, DateTimeOffset now, TimeZoneInfo zone) =>
        new MessageBuilder().Add(version).Add(ConnectionTime(now, zone)).ToFrame();

    /// <summary>IB writes the gateway's local time and its zone as free text, e.g. <c>20251115 20:30:45 EST</c>.</summary>
    public static string ConnectionTime(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var name = zone == TimeZoneInfo.Utc || zone.Id == "UTC" || zone.Id == "Etc/UTC"
            ? "UTC"
            : zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return local.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture) + " " + name;
    }

    public static byte[] ManagedAccounts(string commaSeparatedAccounts) =>
        new MessageBuilder().Add((int)ServerMessageId.ManagedAccounts).Add(1).Add(commaSeparatedAccounts).ToFrame();

    public static byte[] NextValidId(int orderId) =>
        new MessageBuilder().Add((int)ServerMessageId.NextValidId).Add(1).Add(orderId).ToFrame();

    public static byte[] CurrentTime(long unixSeconds) =>
        new MessageBuilder().Add((int)ServerMessageId.CurrentTime).Add(1).Add(unixSeconds).ToFrame();

    /// <summary>ERR_MSG version 2; the advancedOrderRejectJson field exists only from server version 166.</summary>
    public static byte[] Error(int serverVersion, int id, int code, string text)
    {
        var message = new MessageBuilder().Add((int)ServerMessageId.Error).Add(2).Add(id).Add(code).Add(text);
        if (serverVersion >= AdvancedOrderRejectVersion) message.Add("");
        return message.ToFrame();
    }

    public static byte[] AccountSummary(int reqId, string account, string tag, string value, string currency) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountSummary).Add(1).Add(reqId).Add(account).Add(tag).Add(value).Add(currency).ToFrame();

    public static byte[] AccountSummaryEnd(int reqId) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountSummaryEnd).Add(1).Add(reqId).ToFrame();

    /// <summary>POSITION_DATA version 3: the contract, the position as decimal text, then the average cost.</summary>
    public static byte[] Position(SimulatedPosition p) =>
        new MessageBuilder().Add((int)ServerMessageId.PositionData).Add(3).Add(p.Account)
            .Add(p.ConId).Add(p.Symbol).Add(p.SecType).Add(p.LastTradeDateOrContractMonth).Add(p.Strike).Add(p.Right)
            .Add(p.Multiplier).Add(p.Exchange).Add(p.Currency).Add(p.LocalSymbol ?? p.Symbol).Add(p.TradingClass ?? p.Symbol)
            .Add(p.Quantity.ToString(CultureInfo.InvariantCulture)).Add(p.AverageCost).ToFrame();

    public static byte[] PositionEnd() =>
        new MessageBuilder().Add((int)ServerMessageId.PositionEnd).Add(1).ToFrame();

    /// <summary>OPEN_ORDER_END version 1: the (empty) list of open orders is complete.</summary>
    public static byte[] OpenOrderEnd() =>
        new MessageBuilder().Add((int)ServerMessageId.OpenOrderEnd).Add(1).ToFrame();

    /// <summary>COMPLETED_ORDERS_END: the message id alone, without a version field.</summary>
    public static byte[] CompletedOrdersEnd() =>
        new MessageBuilder().Add((int)ServerMessageId.CompletedOrdersEnd).ToFrame();

    public static byte[] ExecutionDataEnd(int reqId) =>
        new MessageBuilder().Add((int)ServerMessageId.ExecutionDataEnd).Add(1).Add(reqId).ToFrame();

    /// <summary>ACCOUNT_VALUE version 2 (reqAccountUpdates): key, value, currency, then the account.</summary>
    public static byte[] AccountValue(string key, string value, string currency, string account) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountValue).Add(2).Add(key).Add(value).Add(currency).Add(account).ToFrame();

    /// <summary>
    /// PORTFOLIO_VALUE version 8: the contract, the position, market price and value, average cost, unrealized and realized
    /// P&amp;L, then the account. The simulator has no market data, so it prices a position at its average cost (no P&amp;L).
    /// </summary>
    public static byte[] PortfolioValue(SimulatedPosition p)
    {
        var multiplier = double.TryParse(p.Multiplier, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 1;
        return new MessageBuilder().Add((int)ServerMessageId.PortfolioValue).Add(8)
            .Add(p.ConId).Add(p.Symbol).Add(p.SecType).Add(p.LastTradeDateOrContractMonth).Add(p.Strike).Add(p.Right)
            .Add(p.Multiplier).Add(p.Exchange).Add(p.Currency).Add(p.LocalSymbol ?? p.Symbol).Add(p.TradingClass ?? p.Symbol)
            .Add(p.Quantity.ToString(CultureInfo.InvariantCulture)).Add(p.AverageCost / multiplier).Add((double)p.Quantity * p.AverageCost)
            .Add(p.AverageCost).Add(0d).Add(0d).Add(p.Account).ToFrame();
    }

    /// <summary>ACCOUNT_UPDATE_TIME version 1: the gateway's local time of the last update as <c>HH:mm</c>.</summary>
    public static byte[] AccountUpdateTime(DateTimeOffset now, TimeZoneInfo zone) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountUpdateTime).Add(1)
            .Add(TimeZoneInfo.ConvertTime(now, zone).ToString("HH:mm", CultureInfo.InvariantCulture)).ToFrame();

    public static byte[] AccountDownloadEnd(string account) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountDownloadEnd).Add(1).Add(account).ToFrame();

    /// <summary>ACCOUNT_UPDATE_MULTI version 1: reqId, account, model code, key, value, currency.</summary>
    public static byte[] AccountUpdateMulti(int reqId, string account, string modelCode, string key, string value, string currency) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountUpdateMulti).Add(1).Add(reqId).Add(account).Add(modelCode).Add(key).Add(value).Add(currency).ToFrame();

    /// <summary>
    /// CONTRACT_DATA in the layout of the negotiated version (docs/simulator.md, "Contracts and market data"): the version
    /// field went away at 164 (SIZE_RULES), lastTradeDate came at 182, the ineligibility list at 186.
    /// </summary>
    public static byte[] ContractData(int serverVersion, int reqId, SimulatedContract c)
    {
        var m = new MessageBuilder().Add((int)ServerMessageId.ContractData);
        if (serverVersion < SizeRulesVersion) m.Add(8);
        m.Add(reqId).Add(c.Symbol).Add(c.SecType).Add("");
        if (serverVersion >= 182) m.Add("");                                        // lastTradeDate
        m.Add(0d).Add("").Add(c.Exchange).Add(c.Currency).Add(c.Symbol).Add(c.Symbol).Add(c.Symbol)  // strike, right, .., localSymbol, marketName, tradingClass
            .Add(c.ConId).Add(c.MinTick);
        if (serverVersion is >= 110 and < SizeRulesVersion) m.Add(1);                // mdSizeMultiplier
        m.Add("").Add("ACTVTIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,DAY,GTC,LIT,LMT,MKT,MOC,MOO,STP,STPLMT,TRAIL")
            .Add(ValidExchanges(c)).Add(1).Add(0).Add(c.LongName).Add(c.PrimaryExchange)   // multiplier .. priceMagnifier, underConId
            .Add("").Add("").Add("").Add("").Add(c.TimeZoneId).Add(c.TradingHours).Add(c.LiquidHours.Length > 0 ? c.LiquidHours : c.TradingHours)
            .Add("").Add("")                                                           // evRule, evMultiplier
            .Add(0);                                                                    // secIdList count
        if (serverVersion >= 121) m.Add(1);                                          // aggGroup
        if (serverVersion >= 122) m.Add("").Add("");                                 // underSymbol, underSecType
        if (serverVersion >= 126) m.Add("");                                         // marketRuleIds
        if (serverVersion >= 134) m.Add("");                                         // realExpirationDate
        if (serverVersion >= 152) m.Add(c.SecType == "STK" ? "COMMON" : "");         // stockType
        if (serverVersion == 163) m.Add("0.0001");                                   // sizeMinTick
        if (serverVersion >= SizeRulesVersion) m.Add("1").Add("1").Add("1");         // minSize, sizeIncrement, suggestedSizeIncrement
        if (serverVersion >= 186) m.Add(0);                                          // ineligibility reasons
        return m.ToFrame();
    }

    public static byte[] ContractDataEnd(int reqId) =>
        new MessageBuilder().Add((int)ServerMessageId.ContractDataEnd).Add(1).Add(reqId).ToFrame();

    /// <summary>SYMBOL_SAMPLES: no version field; each contract's derivative types (none here), then from 176 a description and issuer id.</summary>
    public static byte[] SymbolSamples(int serverVersion, int reqId, System.Collections.Generic.IReadOnlyList<SimulatedContract> contracts)
    {
        var m = new MessageBuilder().Add((int)ServerMessageId.SymbolSamples).Add(reqId).Add(contracts.Count);
        foreach (var c in contracts)
        {
            m.Add(c.ConId).Add(c.Symbol).Add(c.SecType).Add(c.PrimaryExchange.Length > 0 ? c.PrimaryExchange : c.Exchange).Add(c.Currency).Add(0);
            if (serverVersion >= 176) m.Add(c.LongName).Add("");
        }
        return m.ToFrame();
    }

    /// <summary>TICK_PRICE version 3: ticker id, tick type, price, size (decimal text), attribute mask.</summary>
    public static byte[] TickPrice(int tickerId, int tickType, double price, decimal? size) =>
        new MessageBuilder().Add((int)ServerMessageId.TickPrice).Add(3).Add(tickerId).Add(tickType).Add(price)
            .Add(size?.ToString(CultureInfo.InvariantCulture) ?? "").Add(0).ToFrame();

    /// <summary>TICK_SIZE version 1: ticker id, tick type, size (decimal text).</summary>
    public static byte[] TickSize(int tickerId, int tickType, decimal size) =>
        new MessageBuilder().Add((int)ServerMessageId.TickSize).Add(1).Add(tickerId).Add(tickType).Add(size.ToString(CultureInfo.InvariantCulture)).ToFrame();

    public static byte[] TickSnapshotEnd(int tickerId) =>
        new MessageBuilder().Add((int)ServerMessageId.TickSnapshotEnd).Add(1).Add(tickerId).ToFrame();

    /// <summary>MARKET_DATA_TYPE version 1: the type (1 real-time, 2 frozen, 3 delayed, 4 delayed frozen) a ticker's data comes as.</summary>
    public static byte[] MarketDataType(int tickerId, int type) =>
        new MessageBuilder().Add((int)ServerMessageId.MarketDataType).Add(1).Add(tickerId).Add(type).ToFrame();

    /// <summary>From this server version CONTRACT_DATA lost its version field and carries size rules (MIN_SERVER_VER_SIZE_RULES).</summary>
    private const int SizeRulesVersion = 164;

    private static string ValidExchanges(SimulatedContract c) =>
        c.PrimaryExchange.Length == 0 || c.PrimaryExchange == c.Exchange ? c.Exchange : $"{c.Exchange},{c.PrimaryExchange}";

    /// <summary>
    /// HISTORICAL_DATA: reqId, the window's start and end text, the bar count, then per bar date, open, high, low, close,
    /// volume, WAP, (hasGaps below 124) and bar count; below 124 (SYNT_REALTIME_BARS) a version field (3) leads.
    /// </summary>
    public static byte[] HistoricalData(int serverVersion, int reqId, string start, string end, System.Collections.Generic.IReadOnlyList<(string Date, HistoricalBar Bar)> bars)
    {
        var m = new MessageBuilder().Add((int)ServerMessageId.HistoricalData);
        if (serverVersion < SyntheticRealTimeBarsVersion) m.Add(3);
        m.Add(reqId).Add(start).Add(end).Add(bars.Count);
        foreach (var (date, bar) in bars)
        {
            m.Add(date).Add(bar.Open).Add(bar.High).Add(bar.Low).Add(bar.Close).Add(Decimal(bar.Volume)).Add(bar.Wap ?? -1);
            if (serverVersion < SyntheticRealTimeBarsVersion) m.Add("false");
            m.Add(bar.Count ?? -1);
        }
        return m.ToFrame();
    }

    /// <summary>HISTORICAL_DATA_UPDATE (no version): reqId, bar count, date, open, close, high, low, WAP, volume (IB's order).</summary>
    public static byte[] HistoricalDataUpdate(int reqId, string date, HistoricalBar bar) =>
        new MessageBuilder().Add((int)ServerMessageId.HistoricalDataUpdate).Add(reqId).Add(bar.Count ?? -1).Add(date)
            .Add(bar.Open).Add(bar.Close).Add(bar.High).Add(bar.Low).Add(bar.Wap ?? -1).Add(Decimal(bar.Volume)).ToFrame();

    /// <summary>HEAD_TIMESTAMP (no version): reqId, the time of the first bar.</summary>
    public static byte[] HeadTimestamp(int reqId, string time) =>
        new MessageBuilder().Add((int)ServerMessageId.HeadTimestamp).Add(reqId).Add(time).ToFrame();

    /// <summary>REAL_TIME_BARS version 3: reqId, the bar's start in epoch seconds, open, high, low, close, volume, WAP, count.</summary>
    public static byte[] RealTimeBar(int reqId, HistoricalBar bar) =>
        new MessageBuilder().Add((int)ServerMessageId.RealTimeBars).Add(3).Add(reqId).Add(bar.Time.ToUnixTimeSeconds())
            .Add(bar.Open).Add(bar.High).Add(bar.Low).Add(bar.Close).Add(Decimal(bar.Volume)).Add(bar.Wap ?? -1).Add(bar.Count ?? -1).ToFrame();

    /// <summary>From this server version history lost its version and hasGaps fields and gained keepUpToDate (MIN_SERVER_VER_SYNT_REALTIME_BARS).</summary>
    public const int SyntheticRealTimeBarsVersion = 124;

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static byte[] AccountUpdateMultiEnd(int reqId) =>
        new MessageBuilder().Add((int)ServerMessageId.AccountUpdateMultiEnd).Add(1).Add(reqId).ToFrame();
}
