using System;
using System.Globalization;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The order frames (OPEN_ORDER, ORDER_STATUS, EXECUTION_DATA, COMMISSION_REPORT, COMPLETED_ORDER) in the layout of the
/// negotiated server version, field for field as @stoqey/ib 1.6.10's decoder reads them (docs/simulator.md, "Orders"). The
/// simulator's orders use none of the optional features, so most fields are IB's empty or zero defaults.
/// </summary>
internal static class OrderMessages
{
    private const int OrderStatusId = 3, OpenOrderId = 5, ExecutionDataId = 11, CommissionReportId = 59, CompletedOrderId = 101;

    /// <summary>OPEN_ORDER's own version field, sent below ORDER_CONTAINER (145); from 145 the server version stands in for it.</summary>
    private const int OpenOrderVersion = 34;
    private const int OrderContainer = 145, PeggedToBenchmark = 102, ModelsSupport = 103, SoftDollarTier = 106, CashQty = 111,
        MarketCapPrice = 131, LastLiquidity = 136, AutoPriceForHedge = 141, WhatIfExtFields = 142, DPegOrders = 148,
        PriceMgmtAlgo = 151, Duration = 158, PostToAts = 160, AutoCancelParent = 162, PegBestPegMid = 170, FaProfileDesupport = 177,
        PendingPriceRevision = 178, CustomerAccount = 183, ProfessionalCustomer = 184, BondAccruedInterest = 185,
        IncludeOvernight = 189, CmeTaggingInOpenOrder = 193;

    /// <summary>EXECUTION_DATA's own version field below LAST_LIQUIDITY (136).</summary>
    private const int ExecutionDataVersion = 10;

    /// <summary>IB's "no value" for a double (Double.MAX_VALUE), which clients read as unset.</summary>
    private const double Unset = double.MaxValue;

    public static byte[] OpenOrder(int serverVersion, SimulatedOrder o)
    {
        var v = serverVersion < OrderContainer ? OpenOrderVersion : serverVersion;
        var m = new MessageBuilder().Add(OpenOrderId);
        if (serverVersion < OrderContainer) m.Add(OpenOrderVersion);
        m.Add(o.OrderId);
        Contract(m, o.Contract);
        MainFields(m, o);
        m.Add(o.ClientId).Add(o.PermId).Add(false).Add(0).Add(0d).Add("")      // clientId, permId, outsideRth, hidden, discretionaryAmt, goodAfterTime
            .Add("")                                                             // sharesAllocation
            .Add("").Add("").Add("");                                           // faGroup, faMethod, faPercentage
        if (v < FaProfileDesupport) m.Add("");                                   // faProfile
        if (v >= ModelsSupport) m.Add("");                                       // modelCode
        m.Add("").Add("").Add("").Add("")                                        // goodTillDate, rule80A, percentOffset, settlingFirm
            .Add(0).Add("").Add(-1)                                              // shortSaleSlot, designatedLocation, exemptCode
            .Add(0)                                                              // auctionStrategy
            .Add("").Add("").Add("")                                            // startingPrice, stockRefPrice, delta
            .Add("").Add("")                                                     // stockRangeLower, stockRangeUpper
            .Add("")                                                             // displaySize
            .Add(false).Add(false).Add(false).Add("").Add(0).Add(false).Add(false).Add("") // blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap
            .Add(0).Add(0);                                                      // parentId, triggerMethod
        VolatilityFields(m);
        m.Add("").Add("")                                                        // trailStopPrice, trailingPercent
            .Add("").Add("")                                                     // basisPoints, basisPointsType
            .Add("").Add(0).Add(0)                                               // comboLegsDescription, combo legs, order combo legs
            .Add(0)                                                              // smartComboRoutingParams
            .Add("").Add("").Add("")                                            // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
            .Add("")                                                             // hedgeType
            .Add(false)                                                          // optOutSmartRouting
            .Add("").Add("")                                                     // clearingAccount, clearingIntent
            .Add(false)                                                          // notHeld
            .Add(false)                                                          // deltaNeutral contract
            .Add("")                                                             // algoStrategy
            .Add(false)                                                          // solicited
            .Add(false).Add(o.Status);                                          // whatIf, order state
        if (serverVersion >= WhatIfExtFields) m.Add("").Add("").Add("").Add("").Add("").Add("");   // margins before and change
        m.Add("").Add("").Add("").Add("").Add("").Add("").Add("").Add("")     // margins after, commission, min, max, currency, warning
            .Add(false).Add(false);                                             // randomizeSize, randomizePrice
        if (serverVersion >= PeggedToBenchmark)
            m.Add(0)                                                             // conditions
                .Add("").Add("").Add("").Add("").Add("").Add("").Add("").Add(0); // adjusted order type .. adjustable trailing unit
        if (serverVersion >= SoftDollarTier) m.Add("").Add("").Add("");
        if (serverVersion >= CashQty) m.Add("");
        if (serverVersion >= AutoPriceForHedge) m.Add(false);
        if (serverVersion >= OrderContainer) m.Add(false);                     // isOmsContainer
        if (serverVersion >= DPegOrders) m.Add(false);                         // discretionaryUpToLimitPrice
        if (serverVersion >= PriceMgmtAlgo) m.Add(false);
        if (serverVersion >= Duration) m.Add(int.MaxValue);
        if (serverVersion >= PostToAts) m.Add(int.MaxValue);
        if (serverVersion >= AutoCancelParent) m.Add(false);
        if (serverVersion >= PegBestPegMid) m.Add(int.MaxValue).Add(int.MaxValue).Add("").Add("").Add("");
        if (serverVersion >= CustomerAccount) m.Add("");
        if (serverVersion >= ProfessionalCustomer) m.Add(false);
        if (serverVersion >= BondAccruedInterest) m.Add("");
        if (serverVersion >= IncludeOvernight) m.Add(false);
        if (serverVersion >= CmeTaggingInOpenOrder) m.Add("").Add(int.MaxValue); // extOperator, manualOrderIndicator
        return m.ToFrame();
    }

    /// <summary>COMPLETED_ORDER (server version 150 and later): the order without its id, with its completion time and status.</summary>
    public static byte[] CompletedOrder(int serverVersion, SimulatedOrder o, string completedTime)
    {
        var m = new MessageBuilder().Add(CompletedOrderId);
        Contract(m, o.Contract);
        MainFields(m, o);
        m.Add(o.PermId).Add(false).Add(0).Add(0d).Add("")                       // permId, outsideRth, hidden, discretionaryAmt, goodAfterTime
            .Add("").Add("").Add("").Add("")                                    // faGroup, faMethod, faPercentage, modelCode
            .Add("").Add("").Add("").Add("")                                    // goodTillDate, rule80A, percentOffset, settlingFirm
            .Add(0).Add("").Add(-1)                                              // shortSaleSlot, designatedLocation, exemptCode
            .Add("").Add("").Add("").Add("").Add("")                           // startingPrice .. stockRangeUpper
            .Add("")                                                             // displaySize
            .Add(false).Add(false).Add("").Add(0)                                // sweepToFill, allOrNone, minQty, ocaType
            .Add(0);                                                             // triggerMethod
        VolatilityFields(m);
        m.Add("").Add("")                                                        // trailStopPrice, trailingPercent
            .Add("").Add(0).Add(0).Add(0)                                        // combo legs, smart combo routing
            .Add("").Add("").Add("")                                            // scale
            .Add("").Add("").Add("")                                            // hedgeType, clearingAccount, clearingIntent
            .Add(false).Add(false).Add("").Add(false)                            // notHeld, deltaNeutral, algoStrategy, solicited
            .Add(o.Status)
            .Add(false).Add(false)                                               // randomizeSize, randomizePrice
            .Add(0)                                                              // conditions
            .Add("").Add("")                                                     // trailStopPrice, lmtPriceOffset
            .Add("")                                                             // cashQty
            .Add(false).Add(false)                                               // dontUseAutoPriceForHedge, isOmsContainer
            .Add("").Add(Decimal(o.Filled)).Add(0).Add(false).Add("")           // autoCancelDate, filledQuantity, refFuturesConId, autoCancelParent, shareholder
            .Add(false).Add(false).Add(0)                                        // imbalanceOnly, routeMarketableToBbo, parentPermId
            .Add(completedTime).Add(o.Status);
        if (serverVersion >= PegBestPegMid) m.Add(int.MaxValue).Add(int.MaxValue).Add("").Add("").Add("");
        if (serverVersion >= CustomerAccount) m.Add("");
        if (serverVersion >= ProfessionalCustomer) m.Add(false);
        return m.ToFrame();
    }

    /// <summary>ORDER_STATUS: a version field (6) only below MARKET_CAP_PRICE (131), which added mktCapPrice at the end.</summary>
    public static byte[] OrderStatus(int serverVersion, SimulatedOrder o)
    {
        var m = new MessageBuilder().Add(OrderStatusId);
        if (serverVersion < MarketCapPrice) m.Add(6);
        m.Add(o.OrderId).Add(o.Status).Add(Decimal(o.Filled)).Add(Decimal(o.Remaining)).Add(o.AverageFillPrice)
            .Add(o.PermId).Add(0).Add(o.LastFillPrice).Add(o.ClientId).Add("");  // permId, parentId, lastFillPrice, clientId, whyHeld
        if (serverVersion >= MarketCapPrice) m.Add(0d);
        return m.ToFrame();
    }

    /// <summary>EXECUTION_DATA: reqId (-1 when the fill is news rather than an answer to reqExecutions), order id, contract, execution.</summary>
    public static byte[] ExecutionData(int serverVersion, int reqId, SimulatedExecution e, string time)
    {
        var o = e.Order;
        var m = new MessageBuilder().Add(ExecutionDataId);
        if (serverVersion < LastLiquidity) m.Add(ExecutionDataVersion);
        m.Add(reqId).Add(o.OrderId)
            .Add(o.Contract.ConId).Add(o.Contract.Symbol).Add(o.Contract.SecType).Add("").Add(0d).Add("").Add("")   // .., expiry, strike, right, multiplier
            .Add(o.Contract.Exchange).Add(o.Contract.Currency).Add(o.Contract.Symbol).Add(o.Contract.Symbol)        // exchange, currency, localSymbol, tradingClass
            .Add(e.ExecId).Add(time).Add(o.Account).Add(ExecutionExchange(o.Contract)).Add(e.Side).Add(Decimal(e.Shares)).Add(e.Price)
            .Add(o.PermId).Add(o.ClientId).Add(0)                                 // permId, clientId, liquidation
            .Add(Decimal(e.CumulativeQuantity)).Add(e.AveragePrice).Add(o.OrderRef)
            .Add("").Add("");                                                    // evRule, evMultiplier
        if (serverVersion >= ModelsSupport) m.Add("");
        if (serverVersion >= LastLiquidity) m.Add(1);                          // lastLiquidity: 1, added liquidity
        if (serverVersion >= PendingPriceRevision) m.Add(false);
        return m.ToFrame();
    }

    /// <summary>COMMISSION_REPORT version 1: execId, commission, currency, realized P&amp;L, yield, yield redemption date.</summary>
    public static byte[] CommissionReport(SimulatedExecution e) =>
        new MessageBuilder().Add(CommissionReportId).Add(1).Add(e.ExecId).Add(e.Commission).Add(e.Order.Contract.Currency)
            .Add(e.RealizedPnl ?? Unset).Add(Unset).Add(0).ToFrame();

    private static void Contract(MessageBuilder m, SimulatedContract c) =>
        m.Add(c.ConId).Add(c.Symbol).Add(c.SecType).Add("").Add(0d).Add("").Add("")   // expiry, strike, right, multiplier
            .Add(c.Exchange).Add(c.Currency).Add(c.Symbol).Add(c.Symbol);             // localSymbol, tradingClass

    /// <summary>action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, openClose, origin, orderRef.</summary>
    private static void MainFields(MessageBuilder m, SimulatedOrder o)
    {
        m.Add(o.Action).Add(Decimal(o.TotalQuantity)).Add(o.OrderType);
        if (o.LimitPrice is double limit) m.Add(limit); else m.Add("");
        m.Add("").Add(o.TimeInForce).Add("").Add(o.Account).Add("").Add(0).Add(o.OrderRef);
    }

    /// <summary>volatility, volatilityType, deltaNeutralOrderType (empty: no delta-neutral fields follow), its aux price, continuousUpdate, referencePriceType.</summary>
    private static void VolatilityFields(MessageBuilder m) =>
        m.Add("").Add(0).Add("").Add("").Add(0).Add(0);

    /// <summary>The exchange a fill reports: the primary exchange for a SMART-routed contract.</summary>
    private static string ExecutionExchange(SimulatedContract c) => c.PrimaryExchange.Length > 0 ? c.PrimaryExchange : c.Exchange;

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
