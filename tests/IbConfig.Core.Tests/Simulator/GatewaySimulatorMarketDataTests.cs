using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

public class GatewaySimulatorMarketDataTests
{
    private static readonly SimulatedContract Aapl = new(265598, "AAPL")
    {
        PrimaryExchange = "NASDAQ", LongName = "APPLE INC", TradingHours = "20251117:0400-20251117:2000",
        Bid = 189.98, Ask = 190.02, Last = 190.00, BidSize = 300, AskSize = 200, LastSize = 100, Volume = 41000000, Close = 188.5,
    };

    private static GatewaySimulator StartWithContracts() => Start(o => o.Contracts.Add(Aapl));

    // REQ_MKT_DATA version 11 at 193: reqId, contract (conId .. tradingClass), delta-neutral flag, generic ticks, snapshot, regulatory, options.
    private static object[] MarketDataRequest(int reqId, string symbol, bool snapshot) =>
        new object[] { 1, 11, reqId, 0, symbol, "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", snapshot ? 1 : 0, 0, "" };

    // REQ_CONTRACT_DATA version 8 at 193: reqId, conId, symbol, secType, expiry, strike, right, multiplier, exchange, primary, currency, local, class, expired, secIdType, secId, issuerId.
    private static object[] ContractRequest(int reqId, int conId, string symbol) =>
        new object[] { 9, 8, reqId, conId, symbol, "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", "", "" };

    [Theory]
    [InlineData(193, 42)]
    [InlineData(176, 40)]
    [InlineData(163, 40)]
    [InlineData(150, 38)]
    public async Task Contract_details_follow_the_layout_of_the_negotiated_version(int version, int fields)
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!, range: $"v100..{version}");
        await using var _ = client;

        await client.SendAsync(ContractRequest(7, 0, "aapl"));
        var details = await client.ReadMessageAsync();
        var end = await client.ReadMessageAsync();

        Assert.Equal(fields, details.Count);
        var reqIdAt = version < 164 ? 2 : 1;
        Assert.Equal(("10", "7", "AAPL", "STK"), (details.Fields[0], details.Fields[reqIdAt], details.Fields[reqIdAt + 1], details.Fields[reqIdAt + 2]));
        Assert.Contains("265598", details.Fields);
        Assert.Contains("APPLE INC", details.Fields);
        Assert.Contains("20251117:0400-20251117:2000", details.Fields);
        Assert.Equal(new[] { "52", "1", "7" }, end.Fields);
    }

    [Fact]
    public async Task Contract_details_by_conId_and_error_200_on_the_request_id_for_an_unknown_contract()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(ContractRequest(8, 265598, ""));
        Assert.Equal("10", (await client.ReadMessageAsync()).Fields[0]);
        Assert.Equal("52", (await client.ReadMessageAsync()).Fields[0]);
        await client.SendAsync(ContractRequest(9, 0, "ZZZZ"));

        Assert.Equal(new[] { "4", "2", "9", "200", "No security definition has been found for the request", "" }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task Matching_symbols_lists_contracts_whose_symbol_or_name_matches()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(81, 12, "apple");
        var samples = await client.ReadMessageAsync();
        await client.SendAsync(81, 13, "QQQ");

        Assert.Equal(new[] { "79", "12", "1", "265598", "AAPL", "STK", "NASDAQ", "USD", "0", "APPLE INC", "" }, samples.Fields);
        Assert.Equal(new[] { "79", "13", "0" }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task A_snapshot_sends_the_data_type_the_quote_and_the_snapshot_end()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(MarketDataRequest(21, "AAPL", snapshot: true));

        Assert.Equal(new[] { "58", "1", "21", "1" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "1", "3", "21", "1", "189.98", "300", "0" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "1", "3", "21", "2", "190.02", "200", "0" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "1", "3", "21", "4", "190", "100", "0" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "2", "1", "21", "8", "41000000" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "1", "3", "21", "9", "188.5", "", "0" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "57", "1", "21" }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task Delayed_market_data_uses_the_delayed_tick_types_and_a_stream_has_no_end_and_a_silent_cancel()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(59, 1, 3);                                   // REQ_MARKET_DATA_TYPE delayed: no answer
        await client.SendAsync(MarketDataRequest(22, "AAPL", snapshot: false));
        var messages = new List<string[]>();
        for (var i = 0; i < 6; i++) messages.Add((await client.ReadMessageAsync()).Fields.ToArray());
        await client.SendAsync(2, 2, 22);                                   // CANCEL_MKT_DATA: no answer
        await client.SendAsync(49, 1);

        Assert.Equal(new[] { "58", "1", "22", "3" }, messages[0]);
        Assert.Equal(new[] { "66", "67", "68", "74", "75" }, messages.Skip(1).Select(m => m[3]));
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);      // no snapshot end, nothing for the cancel
    }

    [Fact]
    public async Task Market_data_for_an_unknown_contract_gets_error_200_on_its_ticker_id()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(MarketDataRequest(23, "ZZZZ", snapshot: true));

        Assert.Equal(new[] { "4", "2", "23", "200" }, (await client.ReadMessageAsync()).Fields.Take(4));
    }

    [Fact]
    public async Task An_invalid_market_data_type_is_error_320_and_the_connection_stays()
    {
        using var simulator = StartWithContracts();
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(59, 1, 9);

        Assert.Equal("320", (await client.ReadMessageAsync()).Fields[3]);
    }

    [Fact]
    public void The_data_file_reads_contracts_with_their_quotes()
    {
        var data = SimulatorDataFile.Parse("[Contracts]\nConId,Symbol,PrimaryExchange,MinTick,Bid,Ask,Volume\n265598,aapl,NASDAQ,0.01,189.98,190.02,41000000");

        var contract = Assert.Single(data.Contracts);
        Assert.Equal((265598, "AAPL", "NASDAQ", 0.01, 189.98, 190.02, 41000000m), (contract.ConId, contract.Symbol, contract.PrimaryExchange, contract.MinTick, contract.Bid!.Value, contract.Ask!.Value, contract.Volume!.Value));
        Assert.Null(contract.Last);
    }

    [Theory]
    [InlineData("[Contracts]\nConId,Symbol\nabc,AAPL", "ConId 'abc'")]
    [InlineData("[Contracts]\nConId,Symbol,Bid\n1,AAPL,cheap", "Bid 'cheap'")]
    [InlineData("[Contracts]\nConId,Symbol\n1,AAPL\n1,MSFT", "listed twice")]
    public void Bad_contract_rows_name_the_line(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<IbConfig.Core.Errors.IbConfigException>(() => SimulatorDataFile.Parse(text, "d.txt")).Message);
}
