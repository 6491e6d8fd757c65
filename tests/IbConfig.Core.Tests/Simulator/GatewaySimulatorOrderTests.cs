using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>The order book over the wire at server version 193, against a market the tests move by hand (no sleeps).</summary>
public class GatewaySimulatorOrderTests
{
    private const int AaplId = 265598;
    private const int OrderStatus = 3, OpenOrder = 5, ExecutionData = 11, CommissionReport = 59, Error = 4;

    private static SimulatedContract Aapl() => new(AaplId, "AAPL") { PrimaryExchange = "NASDAQ", Bid = 189.98, Ask = 190.02, Last = 190.00 };

    private static (GatewaySimulator Simulator, MovingMarketQuotes Market) StartMarket(Action<GatewaySimulatorOptions>? configure = null)
    {
        var market = new MovingMarketQuotes();
        market.Set(AaplId, 189.98, 190.02, 190.00);
        var simulator = Start(o =>
        {
            o.Contracts.Add(Aapl());
            o.MarketQuotes = market;
            o.NextValidOrderId = 100;
            configure?.Invoke(o);
        });
        return (simulator, market);
    }

    // PLACE_ORDER at 193 (no version field): order id, contract (conId .. secId), action, quantity, type, lmtPrice, auxPrice,
    // tif, ocaGroup, account, openClose, origin, orderRef, transmit.
    private static object[] Place(int id, string action, decimal quantity, string type, double? limit = null, string tif = "DAY", string account = "", string symbol = "AAPL") =>
        new object[] { 3, id, 0, symbol, "STK", "", 0, "", "", "SMART", "", "USD", "", "", "", "", action, quantity, type,
            limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", "", tif, "", account, "", 0, "bot-1", 1 };

    private static async Task<List<TwsMessage>> Read(RawTwsClient client, int count)
    {
        var messages = new List<TwsMessage>();
        for (var i = 0; i < count; i++) messages.Add(await client.ReadMessageAsync());
        return messages;
    }

    /// <summary>ORDER_STATUS fields: status, filled, remaining, average fill price.</summary>
    private static string[] Status(TwsMessage m) => new[] { m.Fields[2], m.Fields[3], m.Fields[4], m.Fields[5] };

    private static async Task<RawTwsClient> Connect(GatewaySimulator simulator, int clientId = 1) =>
        (await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, clientId)).Client;

    [Fact]
    public async Task A_market_order_goes_PreSubmitted_Submitted_Filled_with_its_execution_and_commission()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "BUY", 10, "MKT"));
        var m = await Read(client, 8);

        Assert.Equal(new[] { OpenOrder, OrderStatus, OpenOrder, OrderStatus, ExecutionData, OpenOrder, OrderStatus, CommissionReport }, m.Select(x => x.Id));
        Assert.Equal(new[] { "PreSubmitted", "0", "10", "0" }, Status(m[1]));
        Assert.Equal(new[] { "Submitted", "0", "10", "0" }, Status(m[3]));
        Assert.Equal(new[] { "Filled", "10", "0", "190.02" }, Status(m[6]));          // a BUY fills at the ask
        var exec = m[4].Fields;
        Assert.Equal(new[] { "-1", "100", "265598", "AAPL" }, exec.Skip(1).Take(4));
        Assert.Equal(new[] { "DU123456", "NASDAQ", "BOT", "10", "190.02" }, exec.Skip(16).Take(5));
        Assert.Equal("20251115 20:30:45 UTC", exec[15]);
        Assert.Equal(exec[14], m[7].Fields[2]);                                        // the commission names the execution
        Assert.Equal("1", m[7].Fields[3]);                                              // 10 x 0.005 is below the 1.00 minimum
        Assert.Equal(new[] { "100", "AAPL" }, new[] { m[0].Fields[1], m[0].Fields[3] });
    }

    [Fact]
    public async Task A_limit_order_rests_until_the_market_crosses_it_then_fills_at_the_market()
    {
        var (simulator, market) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "BUY", 5, "LMT", 189.50));
        var placed = await Read(client, 4);
        Assert.Equal(new[] { "Submitted", "0", "5", "0" }, Status(placed[3]));

        market.Set(AaplId, 189.60, 189.70);                                            // still above the limit: rests
        market.Set(AaplId, 189.40, 189.45);                                            // ask 189.45 <= 189.50: fills
        var fill = await Read(client, 4);
        Assert.Equal(ExecutionData, fill[0].Id);
        Assert.Equal("189.45", fill[0].Fields[20]);
        Assert.Equal(new[] { "Filled", "5", "0", "189.45" }, Status(fill[2]));

        await client.SendAsync(7, 3, 31, 0, "", "", "", "", "", "");                 // REQ_EXECUTIONS, empty filter
        var listed = await Read(client, 3);
        Assert.Equal(new[] { ExecutionData, CommissionReport, 55 }, listed.Select(x => x.Id));
        Assert.Equal(new[] { "31", "100" }, listed[0].Fields.Skip(1).Take(2));
    }

    [Fact]
    public async Task A_sell_limit_rests_until_the_bid_reaches_it()
    {
        var (simulator, market) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "SELL", 3, "LMT", 191));
        await Read(client, 4);
        market.Set(AaplId, 190.99, 191.05);
        market.Set(AaplId, 191.10, 191.20);
        var fill = await Read(client, 4);
        Assert.Equal(new[] { "SLD", "3", "191.1" }, fill[0].Fields.Skip(18).Take(3));
    }

    [Fact]
    public async Task Partial_fills_take_one_slice_per_fill_opportunity()
    {
        var (simulator, market) = StartMarket(o => o.FillRules.Add(new SimulatedFillRule("AAPL", FillRule.OnLimitCross, partialSize: 40)));
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "BUY", 100, "MKT"));
        var first = await Read(client, 8);
        Assert.Equal(new[] { "Submitted", "40", "60", "190.02" }, Status(first[6]));
        market.Set(AaplId, 189.98, 190.04);
        var second = await Read(client, 4);
        Assert.Equal(new[] { "Submitted", "80", "20" }, Status(second[2]).Take(3));
        market.Set(AaplId, 189.98, 190.06);
        var third = await Read(client, 4);
        Assert.Equal("20", third[0].Fields[19]);
        Assert.Equal("100", third[0].Fields[24]);                                      // cumulative quantity
        Assert.Equal(new[] { "Filled", "100", "0" }, Status(third[2]).Take(3));
        Assert.Equal(190.036, double.Parse(Status(third[2])[3], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public async Task Placing_again_with_the_same_id_modifies_the_order_and_a_filled_one_cannot_be_modified()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "BUY", 5, "LMT", 180));
        await Read(client, 4);
        await client.SendAsync(Place(100, "BUY", 5, "LMT", 191));                       // the new limit crosses the ask
        var changed = await Read(client, 6);
        Assert.Equal(new[] { OpenOrder, OrderStatus, ExecutionData, OpenOrder, OrderStatus, CommissionReport }, changed.Select(x => x.Id));
        Assert.Equal("Filled", changed[4].Fields[2]);

        await client.SendAsync(Place(100, "BUY", 6, "LMT", 191));
        Assert.Equal(new[] { "4", "2", "100", "104" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public async Task Modifying_with_another_side_gets_105()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, "LMT", 180));
        await Read(client, 4);
        await client.SendAsync(Place(100, "SELL", 5, "LMT", 180));
        Assert.Equal(new[] { "4", "2", "100", "105" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public async Task Cancel_gives_Cancelled_and_202_an_unknown_id_10147_and_a_done_order_10148()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);

        await client.SendAsync(Place(100, "BUY", 5, "LMT", 180));
        await Read(client, 4);
        await client.SendAsync(4, 100, "", "", int.MaxValue);                          // CANCEL_ORDER at 193: id, manual time, extOperator, indicator
        var cancelled = await Read(client, 2);
        Assert.Equal(new[] { "Cancelled", "0", "5" }, Status(cancelled[0]).Take(3));
        Assert.Equal(new[] { "4", "2", "100", "202", "Order Canceled - reason:" }, cancelled[1].Fields.Take(5));

        await client.SendAsync(4, 555, "", "", int.MaxValue);
        Assert.Equal(new[] { "4", "2", "555", "10147", "OrderId 555 that needs to be cancelled is not found." }, (await client.ReadMessageAsync()).Fields.Take(5));
        await client.SendAsync(4, 100, "", "", int.MaxValue);
        Assert.Equal(new[] { "4", "2", "100", "10148" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public async Task Orders_are_per_client_and_global_cancel_cancels_every_client_s_open_orders()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var one = await Connect(simulator, 1);
        await using var two = await Connect(simulator, 2);

        await one.SendAsync(Place(100, "BUY", 5, "LMT", 180));
        await Read(one, 4);
        await two.SendAsync(Place(100, "BUY", 7, "LMT", 181));                          // the same id under another client is another order
        await Read(two, 4);
        await one.SendAsync(4, 100, "", "", int.MaxValue);
        Assert.Equal(new[] { "Cancelled", "0", "5" }, Status(await one.ReadMessageAsync()).Take(3));
        Assert.Equal("202", (await one.ReadMessageAsync()).Fields[3]);

        await two.SendAsync(Place(101, "BUY", 1, "LMT", 170));
        await Read(two, 4);
        await two.SendAsync(16, 1);                                                     // REQ_ALL_OPEN_ORDERS
        var open = await Read(two, 5);
        Assert.Equal(new[] { "100", "101" }, open.Where(x => x.Id == OrderStatus).Select(x => x.Fields[1]));
        Assert.Equal(53, open[4].Id);

        await one.SendAsync(58, "", int.MaxValue);                                      // REQ_GLOBAL_CANCEL at 193
        var news = await Read(two, 4);
        Assert.Equal(new[] { "100", "101" }, news.Where(x => x.Id == OrderStatus).Select(x => x.Fields[1]));
        Assert.All(news.Where(x => x.Id == OrderStatus), s => Assert.Equal("Cancelled", s.Fields[2]));

        await one.SendAsync(99, 0);                                                     // REQ_COMPLETED_ORDERS: three, oldest first
        var done = await Read(one, 4);
        Assert.Equal(new[] { 101, 101, 101, 102 }, done.Select(x => x.Id));
        Assert.Equal(new[] { "5", "7", "1" }, done.Take(3).Select(x => x.Fields[13]));  // total quantity after the contract
    }

    [Theory]
    [InlineData(FillRule.Immediate, "180")]        // a limit order fills at its own price, however far the market
    [InlineData(FillRule.AtMarket, "190.02")]      // fills at the ask, whatever its limit
    public async Task Immediate_and_AtMarket_fill_a_resting_limit_at_once(FillRule rule, string price)
    {
        var (simulator, _) = StartMarket(o => o.DefaultFillRule = rule);
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, "LMT", 180));
        var m = await Read(client, 8);
        Assert.Equal(price, m[4].Fields[20]);
        Assert.Equal("Filled", m[6].Fields[2]);
    }

    [Fact]
    public async Task Never_accepts_orders_and_fills_nothing_even_when_crossed()
    {
        var (simulator, market) = StartMarket(o => o.FillRules.Add(new SimulatedFillRule("*", FillRule.Never)));
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, "MKT"));
        await Read(client, 4);
        market.Set(AaplId, 1, 2);
        await client.SendAsync(5, 1);                                                   // REQ_OPEN_ORDERS: the order is still working
        var open = await Read(client, 3);
        Assert.Equal(new[] { OpenOrder, OrderStatus, 53 }, open.Select(x => x.Id));
        Assert.Equal("Submitted", open[1].Fields[2]);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(110)]
    public async Task Reject_refuses_with_the_rule_s_code_on_the_order_id(int code)
    {
        var (simulator, _) = StartMarket(o => o.FillRules.Add(new SimulatedFillRule("AAPL", FillRule.Reject, code)));
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, "MKT"));
        var error = await client.ReadMessageAsync();
        Assert.Equal(new[] { "4", "2", "100", code.ToString() }, error.Fields.Take(4));
        Assert.StartsWith("Order rejected - reason:", error.Fields[4]);
        await client.SendAsync(8, 1, 1);                                                // REQ_IDS: the refused id is used up all the same
        Assert.Equal(new[] { "9", "1", "101" }, (await client.ReadMessageAsync()).Fields);
    }

    [Theory]
    [InlineData("STP", "387")]
    [InlineData("MOC", "387")]
    public async Task Unsupported_order_types_get_387(string type, string code)
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, type, 180));
        Assert.Equal(new[] { "4", "2", "100", code }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Theory]
    [InlineData("HOLD", 5, "LMT", "DAY")]
    [InlineData("BUY", 0, "LMT", "DAY")]
    [InlineData("BUY", 5, "LMT", "IOC")]
    public async Task Orders_the_simulator_cannot_play_get_201_with_the_reason(string action, decimal quantity, string type, string tif)
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, action, quantity, type, 180, tif));
        var error = (await client.ReadMessageAsync()).Fields;
        Assert.Equal(new[] { "4", "2", "100", "201" }, error.Take(4));
        Assert.Matches("HOLD|quantity|IOC", error[4]);
    }

    [Fact]
    public async Task An_unknown_contract_gets_200_on_the_order_id()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "BUY", 5, "MKT", symbol: "ZZZZ"));
        Assert.Equal(new[] { "4", "2", "100", "200" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public async Task Positions_cash_and_next_valid_id_follow_the_fills_and_subscribers_hear_of_them()
    {
        var (simulator, _) = StartMarket(o =>
        {
            o.Accounts.Add(new SimulatedAccount("DU123456").SetValue("TotalCashValue", "10000.00").SetValue("NetLiquidation", "10000.00"));
            o.Positions.Add(new SimulatedPosition("DU123456", "AAPL", 10, 150) { ConId = AaplId });
        });
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await using var watcher = await Connect(simulator, 2);
        await watcher.SendAsync(6, 2, 1, "DU123456");                                   // REQ_ACCOUNT_DATA subscribe
        await watcher.ReadUntilAsync(54);                                               // ACCOUNT_DOWNLOAD_END
        await watcher.SendAsync(61, 1);                                                 // REQ_POSITIONS
        await watcher.ReadUntilAsync(62);

        await client.SendAsync(Place(100, "SELL", 4, "MKT"));                           // sells at the bid 189.98
        await Read(client, 8);

        var pushed = await Read(watcher, 5);
        Assert.Equal(new[] { 7, 6, 6, 8, 61 }, pushed.Select(x => x.Id));
        Assert.Equal(new[] { "TotalCashValue", "10758.92" }, pushed[1].Fields.Skip(2).Take(2));   // +4 x 189.98 - 1.00 commission
        Assert.Equal("6", pushed[4].Fields[14]);

        await client.SendAsync(61, 1);
        var position = await client.ReadMessageAsync();
        Assert.Equal(new[] { "6", "150" }, position.Fields.Skip(14).Take(2));          // a sale keeps the average cost
        await client.ReadMessageAsync();
        await client.SendAsync(62, 1, 9, "All", "TotalCashValue,NetLiquidation");       // REQ_ACCOUNT_SUMMARY
        var summary = await Read(client, 3);
        Assert.Equal("10758.92", summary[0].Fields[5]);
        Assert.Equal("9998.92", summary[1].Fields[5]);                                  // the commission and the 0.02 from the bid to the last (the mark) are lost
        await client.SendAsync(8, 1, 1);
        Assert.Equal("101", (await client.ReadMessageAsync()).Fields[2]);

        await client.SendAsync(7, 3, 40, 0, "", "", "", "", "", "BUY");                 // executions filtered to buys: none
        Assert.Equal(55, (await client.ReadMessageAsync()).Id);
    }

    [Fact]
    public async Task A_fill_realizes_pnl_when_it_reduces_a_position()
    {
        var (simulator, _) = StartMarket(o => o.Positions.Add(new SimulatedPosition("DU123456", "AAPL", 10, 150) { ConId = AaplId }));
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(Place(100, "SELL", 10, "MKT"));
        var m = await Read(client, 8);
        Assert.Equal(399.8, double.Parse(m[7].Fields[5], System.Globalization.CultureInfo.InvariantCulture), 6);   // 10 x (189.98 - 150)
    }

    [Fact]
    public async Task The_master_client_hears_of_every_client_s_orders()
    {
        var (simulator, _) = StartMarket(o => o.MasterClientId = 0);
        using var _s = simulator;
        await using var master = await Connect(simulator, 0);
        await using var bot = await Connect(simulator, 5);
        await bot.SendAsync(Place(100, "BUY", 1, "LMT", 100));
        await Read(bot, 4);
        var heard = await Read(master, 4);
        Assert.Equal("5", heard[3].Fields[9]);                                          // ORDER_STATUS carries the owner's client id
    }

    [Fact]
    public async Task A_truncated_place_order_gets_320_on_its_order_id()
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        await using var client = await Connect(simulator);
        await client.SendAsync(3, 17, 0, "AAPL", "STK");
        Assert.Equal(new[] { "4", "2", "17", "320" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public void The_book_keeps_at_most_MaxOrders_orders_and_MaxExecutions_fills()
    {
        var options = new GatewaySimulatorOptions { Clock = () => Now };
        options.Contracts.Add(Aapl());
        options.FillRules.Add(new SimulatedFillRule("AAPL", FillRule.Immediate, partialSize: 1));
        var market = new MovingMarketQuotes();
        market.Set(AaplId, 189.98, 190.02);
        var delivered = 0;
        var book = new SimulatorOrderBook(options, options.EffectiveAccounts, market, () => Now, (to, render) => delivered++);
        var client = new SimulatorClientState { ClientId = 1 };
        TwsMessage Order(int id) => new(Place(id, "BUY", 1_000_000, "MKT").Select(f => Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture)!).ToArray());

        for (var id = 1; id <= SimulatorOrderBook.MaxOrders; id++) Assert.Empty(book.Place(Order(id), 193, client).Frames);
        var refused = book.Place(Order(SimulatorOrderBook.MaxOrders + 1), 193, client).Frames.Single();
        Assert.Contains("at most 10000 orders", System.Text.Encoding.UTF8.GetString(refused));

        // Each order filled one share when placed; the market's moves fill one share of each open order until the cap.
        for (var move = 0; move < 10; move++) market.Set(AaplId, 189.98, 190.02 + move * 0.01);
        // EXECUTION_DATA frames: the length prefix, then "11\0".
        var executions = book.Executions(new TwsMessage(new[] { "7", "3", "1" }), 193, client).Frames.Count(f => f[4] == (byte)'1' && f[5] == (byte)'1' && f[6] == 0);
        Assert.Equal(SimulatorOrderBook.MaxExecutions, executions);
    }

    [Fact]
    public void Commission_is_half_a_cent_a_share_at_least_a_dollar_at_most_one_percent()
    {
        Assert.Equal(1.00, SimulatorOrderBook.Commission(10, 190));
        Assert.Equal(5.00, SimulatorOrderBook.Commission(1000, 190));
        Assert.Equal(0.5, SimulatorOrderBook.Commission(10, 5));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(131)]
    [InlineData(145)]
    [InlineData(177)]
    [InlineData(193)]
    public async Task Order_frames_follow_the_negotiated_version(int version)
    {
        var (simulator, _) = StartMarket();
        using var _s = simulator;
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, range: $"v100..{version}");
        await using var _c = client;
        await client.SendAsync(version < 145 ? Place(100, "BUY", 1, "MKT").Take(1).Concat(new object[] { 45 }).Concat(Place(100, "BUY", 1, "MKT").Skip(1)).ToArray() : Place(100, "BUY", 1, "MKT"));
        var m = await Read(client, 8);
        Assert.Equal(version < 145 ? "34" : "100", m[0].Fields[1]);                     // OPEN_ORDER's version field, below 145 only
        var status = m[1].Fields;
        Assert.Equal(version < 131 ? "6" : "100", status[1]);                          // ORDER_STATUS's version field, below 131 only
        Assert.Equal(12, status.Count);
        Assert.Equal(version < 136 ? "10" : "-1", m[4].Fields[1]);                       // EXECUTION_DATA's version field, below 136 only
    }
}
