using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>
/// The read requests ib_insync and ib_async make while connecting, each answered with its END message (layouts as
/// @stoqey/ib 1.6.10 encodes the request and decodes the reply), so those clients connect without start-up time-outs.
/// </summary>
public class GatewaySimulatorStartupRequestTests
{
    [Fact]
    public async Task Answers_open_completed_orders_and_executions_like_a_gateway_with_none()
    {
        using var simulator = Start();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(5, 1);                                        // REQ_OPEN_ORDERS
        Assert.Equal(new[] { "53", "1" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(15, 1, 1);                                    // REQ_AUTO_OPEN_ORDERS, bAutoBind
        Assert.Equal(new[] { "53", "1" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(16, 1);                                       // REQ_ALL_OPEN_ORDERS
        Assert.Equal(new[] { "53", "1" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(99, 0);                                       // REQ_COMPLETED_ORDERS, apiOnly: no version field
        Assert.Equal(new[] { "102" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(7, 3, 31, 0, "", "", "", "", "", "");         // REQ_EXECUTIONS, reqId 31, empty filter
        Assert.Equal(new[] { "55", "1", "31" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(5, simulator.Events.Snapshot().Count(e => e.KindValue == SimulatorEventKind.Request && e.MessageId is 5 or 15 or 16 or 99 or 7));
        Assert.DoesNotContain(simulator.Events.Snapshot(), e => e.KindValue == SimulatorEventKind.Unsupported);
    }

    [Fact]
    public async Task Sends_account_values_portfolio_update_time_then_the_download_end_for_account_updates()
    {
        using var simulator = Start(o =>
        {
            o.Accounts.Add(new SimulatedAccount("DU111111").SetValue("NetLiquidation", "125000.50"));
            o.Accounts.Add(new SimulatedAccount("DU222222", "EUR"));
            o.Positions.Add(new SimulatedPosition("DU111111", "AAPL", 100, 150.25) { ConId = 265598, Exchange = "NASDAQ" });
            o.Positions.Add(new SimulatedPosition("DU222222", "SAP", 5, 200) { ConId = 14204, Currency = "EUR" });
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(6, 2, 1, "DU111111");                          // REQ_ACCOUNT_DATA, subscribe
        var values = new List<string[]>();
        for (var i = 0; i < AccountSummaryTag.All.Count; i++) values.Add((await client.ReadMessageAsync()).Fields.ToArray());
        Assert.All(values, v => Assert.Equal(new[] { "6", "2" }, v.Take(2)));
        Assert.Equal(AccountSummaryTag.All, values.Select(v => v[2]));
        Assert.Contains(new[] { "6", "2", "NetLiquidation", "125000.50", "USD", "DU111111" }, values);
        Assert.Contains(new[] { "6", "2", "AccountType", "INDIVIDUAL", "", "DU111111" }, values);
        Assert.Equal(new[] { "7", "8", "265598", "AAPL", "STK", "", "0", "", "", "NASDAQ", "USD", "AAPL", "AAPL", "100", "150.25", "15025", "150.25", "0", "0", "DU111111" },
            (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "8", "1", "20:30" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "54", "1", "DU111111" }, (await client.ReadMessageAsync()).Fields);

        await client.SendAsync(6, 2, 0, "DU111111");                          // unsubscribe: no answer
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Account_updates_without_an_account_code_report_the_first_account()
    {
        using var simulator = Start(o => o.UseAccounts(new[] { "DU111111", "DU222222" }));
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(6, 2, 1, "");
        string[] last;
        do last = (await client.ReadMessageAsync()).Fields.ToArray(); while (last[0] != "54");
        Assert.Equal(new[] { "54", "1", "DU111111" }, last);
    }

    [Fact]
    public async Task Account_updates_for_an_account_it_does_not_manage_get_an_error_and_the_connection_stays()
    {
        using var simulator = Start(o => o.UseAccounts(new[] { "DU111111" }));
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(6, 2, 1, "U9999999");
        var error = await client.ReadMessageAsync();
        Assert.Equal(new[] { "4", "2", "-1", "10999" }, error.Fields.Take(4));
        Assert.Contains("U9999999 is not managed", error.Fields[4]);
        await client.SendAsync(76, 1, 12, "U9999999", "", 0);
        Assert.Equal(new[] { "4", "2", "12", "10999" }, (await client.ReadMessageAsync()).Fields.Take(4));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Account_updates_multi_report_every_value_on_the_request_id_then_the_end()
    {
        using var simulator = Start(o =>
        {
            o.Accounts.Add(new SimulatedAccount("DU111111"));
            o.Accounts.Add(new SimulatedAccount("DU222222", "EUR").SetValue("TotalCashValue", "42.00"));
        });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        await client.SendAsync(76, 1, 12, "DU222222", "", 0);                // REQ_ACCOUNT_UPDATES_MULTI
        var updates = new List<string[]>();
        for (var i = 0; i < AccountSummaryTag.All.Count; i++) updates.Add((await client.ReadMessageAsync()).Fields.ToArray());
        Assert.All(updates, u => Assert.Equal(new[] { "73", "1", "12", "DU222222", "" }, u.Take(5)));
        Assert.Contains(new[] { "73", "1", "12", "DU222222", "", "TotalCashValue", "42.00", "EUR" }, updates);
        Assert.Equal(new[] { "74", "1", "12" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(77, 1, 12);                                   // CANCEL_ACCOUNT_UPDATES_MULTI: no answer
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task A_read_only_api_refuses_the_open_order_requests_but_answers_the_other_start_up_reads()
    {
        using var simulator = Start(o => { o.ReadOnlyApi = true; o.UseAccounts(new[] { "DU111111" }); });
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;
        foreach (var request in new object[][] { new object[] { 5, 1 }, new object[] { 15, 1, 1 }, new object[] { 16, 1 } })
        {
            await client.SendAsync(request);
            Assert.Equal(new[] { "4", "2", "-1", "321" }, (await client.ReadMessageAsync()).Fields.Take(4));
        }
        await client.SendAsync(99, 0);
        Assert.Equal(new[] { "102" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(7, 3, 31, 0, "", "", "", "", "", "");
        Assert.Equal(new[] { "55", "1", "31" }, (await client.ReadMessageAsync()).Fields);
        await client.SendAsync(76, 1, 12, "", "", 0);
        string[] last;
        do last = (await client.ReadMessageAsync()).Fields.ToArray(); while (last[0] == "73");
        Assert.Equal(new[] { "74", "1", "12" }, last);
    }
}
