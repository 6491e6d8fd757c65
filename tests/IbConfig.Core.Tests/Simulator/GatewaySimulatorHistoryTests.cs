using System.Globalization;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.SimulatorTesting;

namespace IbConfig.Core.Tests.Simulator;

public class GatewaySimulatorHistoryTests
{
    private static readonly DateTimeOffset Day1Open = new(2025, 11, 17, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2Open = new(2025, 11, 18, 14, 30, 0, TimeSpan.Zero);

    private static SimulatedContract Aapl() => new(265598, "AAPL")
    {
        PrimaryExchange = "NASDAQ", TimeZoneId = "US/Eastern", MinTick = 0.01,
        TradingHours = "20251117:0400-20251117:2000;20251118:0400-20251118:2000",
        LiquidHours = "20251117:0930-20251117:1600;20251118:0930-20251118:1600",
    };

    /// <summary>Two days of 1-minute bars: 09:25 (pre-market, outside liquid hours) then 09:30..09:59 each day, prices rising a cent a minute.</summary>
    internal static BarSeries TwoDays()
    {
        var rows = new List<string> { "Time,Open,High,Low,Close,Volume,WAP,Count" };
        foreach (var open in new[] { Day1Open, Day2Open })
        {
            rows.Add(Row(open.AddMinutes(-5), 99.00, 100));
            for (var i = 0; i < 30; i++) rows.Add(Row(open.AddMinutes(i), 100 + i * 0.01, 1000 + i));
        }
        return BarSeriesFile.Parse(string.Join("\n", rows), 265598, "test.csv");

        static string Row(DateTimeOffset time, double open, int volume) => string.Create(CultureInfo.InvariantCulture,
            $"{time:yyyy-MM-dd'T'HH:mm:ss'Z'},{open:0.00},{open + 0.05:0.00},{open - 0.03:0.00},{open + 0.01:0.00},{volume},{open:0.00},{volume / 10}");
    }

    internal static GatewaySimulator StartReplay(DateTimeOffset start, int seed = 7, double speed = 0) => Start(o =>
    {
        o.Contracts.Add(Aapl());
        o.Bars.Add(TwoDays());
        o.ReplayStart = start;
        o.ReplaySpeed = speed;
        o.ReplaySeed = seed;
    });

    // REQ_HISTORICAL_DATA at 124+: reqId, contract (conId .. tradingClass), includeExpired, end, barSize, duration, useRTH, whatToShow, formatDate, keepUpToDate, chartOptions.
    internal static object[] HistoryRequest(int reqId, string duration, string barSize, string whatToShow = "TRADES", int useRth = 0, int formatDate = 1,
        int keepUpToDate = 0, string end = "", string symbol = "AAPL") =>
        new object[] { 20, reqId, 0, symbol, "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, end, barSize, duration, useRth, whatToShow, formatDate, keepUpToDate, "" };

    /// <summary>Waits until the simulator has served everything sent before (a request with no reply, a cancel): it answers in order.</summary>
    internal static async Task SyncAsync(RawTwsClient client)
    {
        await client.SendAsync(49, 1);
        await client.ReadUntilAsync(49);
    }

    /// <summary>The bars of a HISTORICAL_DATA at 124+: date, open, high, low, close, volume, WAP, count each.</summary>
    private static List<string[]> BarsOf(TwsMessage data)
    {
        Assert.Equal("17", data.Fields[0]);
        var count = int.Parse(data.Fields[4], CultureInfo.InvariantCulture);
        Assert.Equal(5 + count * 8, data.Count);
        return Enumerable.Range(0, count).Select(i => data.Fields.Skip(5 + i * 8).Take(8).ToArray()).ToList();
    }

    [Fact]
    public async Task One_day_of_one_minute_bars_is_the_last_session_before_the_replay_clock_in_the_contracts_zone()
    {
        // 09:20 on day two: before its pre-market bar, so the last day with bars is day one.
        using var simulator = StartReplay(Day2Open.AddMinutes(-10));
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(5, "1 D", "1 min"));
        var data = await client.ReadMessageAsync();

        Assert.Equal(("5", "20251117 00:00:00 US/Eastern", "20251118 09:20:00 US/Eastern"), (data.Fields[1], data.Fields[2], data.Fields[3]));
        var bars = BarsOf(data);
        Assert.Equal(31, bars.Count);
        Assert.Equal(new[] { "20251117 09:25:00 US/Eastern", "99", "99.05", "98.97", "99.01", "100", "99", "10" }, bars[0]);
        Assert.Equal(new[] { "20251117 09:59:00 US/Eastern", "100.29", "100.34", "100.26", "100.3", "1029", "100.29", "102" }, bars[30]);
    }

    [Fact]
    public async Task Bars_aggregate_to_the_requested_size_and_rth_drops_bars_outside_liquid_hours()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(6, "1 D", "5 mins", useRth: 1, formatDate: 2));
        var bars = BarsOf(await client.ReadMessageAsync());

        Assert.Equal(6, bars.Count);
        // 09:30..09:34: open of the first, highest high, lowest low, close of the last, volumes summed, counts summed.
        var first = bars[0];
        Assert.Equal(Day1Open.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), first[0]);
        Assert.Equal(new[] { "100", "100.09", "99.97", "100.05", "5010", "", "500" }, new[] { first[1], first[2], first[3], first[4], first[5], "", first[7] });
        Assert.Equal(100.02, double.Parse(first[6], CultureInfo.InvariantCulture), 2);

        await client.SendAsync(HistoryRequest(7, "2 D", "1 day", useRth: 1));
        var days = BarsOf(await client.ReadMessageAsync());
        Assert.Equal(new[] { "20251117" }, days.Select(d => d[0]));
        Assert.Equal(("100", "100.34", "99.97", "100.3"), (days[0][1], days[0][2], days[0][3], days[0][4]));
    }

    [Fact]
    public async Task Midpoint_bid_and_ask_derive_from_the_trades_and_carry_no_volume()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(8, "60 S", "1 min", "BID", end: "20251117 09:31:00 US/Eastern"));
        var bid = BarsOf(await client.ReadMessageAsync()).Single();
        await client.SendAsync(HistoryRequest(9, "60 S", "1 min", "MIDPOINT", end: "20251117-14:31:00"));
        var mid = BarsOf(await client.ReadMessageAsync()).Single();

        Assert.Equal(new[] { "20251117 09:30:00 US/Eastern", "99.99", "100.04", "99.96", "100", "-1", "-1", "-1" }, bid);
        Assert.Equal(new[] { "20251117 09:30:00 US/Eastern", "100", "100.05", "99.97", "100.01", "-1", "-1", "-1" }, mid);
    }

    [Theory]
    [InlineData("30 secs", "1 D", 162, "cannot be built from the simulator's 1-minute bars of AAPL")]
    [InlineData("90 secs", "1 D", 162, "use a multiple of 1-minute")]
    [InlineData("1 fortnight", "1 D", 321, "bar size '1 fortnight'")]
    [InlineData("1 min", "1D", 321, "duration '1D'")]
    [InlineData("1 min", "600 S", 162, "HMDS query returned no data")]
    public async Task Requests_the_data_cannot_answer_get_ibs_codes_on_their_id(string barSize, string duration, int code, string text)
    {
        // 600 S before 09:25 on day one: before the first bar.
        using var simulator = StartReplay(Day1Open.AddMinutes(-5));
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(11, duration, barSize));
        var error = await client.ReadMessageAsync();

        Assert.Equal(("4", "11", code.ToString(CultureInfo.InvariantCulture)), (error.Fields[0], error.Fields[2], error.Fields[3]));
        Assert.Contains(text, error.Fields[4]);
    }

    [Fact]
    public async Task An_unknown_contract_gets_200_for_history_head_timestamp_and_real_time_bars()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(12, "1 D", "1 min", symbol: "ZZZZ"));
        await client.SendAsync(87, 13, 0, "ZZZZ", "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, 1, "TRADES", 1);
        await client.SendAsync(50, 3, 14, 0, "ZZZZ", "STK", "", 0, "", "", "SMART", "", "USD", "", "", 5, "TRADES", 0, "");

        foreach (var id in new[] { "12", "13", "14" })
            Assert.Equal(new[] { "4", "2", id, "200", "No security definition has been found for the request", "" }, (await client.ReadMessageAsync()).Fields);
    }

    [Theory]
    [InlineData(0, 1, "20251117-14:25:00")]
    [InlineData(1, 1, "20251117-14:30:00")]
    [InlineData(1, 2, "1763389800")]
    public async Task Head_timestamp_is_the_first_bar_in_or_out_of_regular_hours(int useRth, int formatDate, string expected)
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        // REQ_HEAD_TIMESTAMP: reqId, contract (conId .. tradingClass), includeExpired, useRTH, whatToShow, formatDate.
        await client.SendAsync(87, 21, 265598, "", "", "", 0, "", "", "", "", "", "", "", 0, useRth, "TRADES", formatDate);

        Assert.Equal(new[] { "88", "21", expected }, (await client.ReadMessageAsync()).Fields);
    }

    [Fact]
    public async Task The_replay_clock_is_the_simulators_clock_and_moves_only_when_advanced_at_speed_0()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(49, 1);
        Assert.Equal(Day2Open.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (await client.ReadMessageAsync()).Fields[2]);
        simulator.AdvanceReplay(TimeSpan.FromMinutes(3));
        await client.SendAsync(49, 1);

        Assert.Equal(Day2Open.AddMinutes(3).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (await client.ReadMessageAsync()).Fields[2]);
        Assert.Equal(Day2Open.AddMinutes(3), simulator.ReplayTime);
    }

    [Fact]
    public async Task Keep_up_to_date_streams_the_bar_in_progress_until_cancelled()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(30, "3600 S", "5 mins", keepUpToDate: 1));
        Assert.Equal("17", (await client.ReadMessageAsync()).Fields[0]);
        simulator.AdvanceReplay(TimeSpan.FromSeconds(30));

        // HISTORICAL_DATA_UPDATE: reqId, count, date, open, close, high, low, WAP, volume. 30 s into 09:30's bar: two steps walked.
        var update = await client.ReadUntilAsync(90);
        Assert.Equal(new[] { "90", "30", "2", "20251118 09:30:00 US/Eastern", "100" }, update.Fields.Take(5));
        var (high, low) = (double.Parse(update.Fields[6], CultureInfo.InvariantCulture), double.Parse(update.Fields[7], CultureInfo.InvariantCulture));
        Assert.True(high == 100.05 || low == 99.97, $"the walk's first extreme is the bar's high or low, got {high}/{low}");
        Assert.Equal("500", update.Fields[9]);

        await client.SendAsync(25, 1, 30);
        await SyncAsync(client);
        simulator.AdvanceReplay(TimeSpan.FromMinutes(2));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task Keep_up_to_date_with_an_end_date_is_refused_as_ib_does()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(HistoryRequest(31, "1 D", "1 min", keepUpToDate: 1, end: "20251117 16:00:00"));
        var error = await client.ReadMessageAsync();

        Assert.Equal(("31", "321"), (error.Fields[2], error.Fields[3]));
        Assert.Contains("End date not supported with live updates", error.Fields[4]);
    }

    [Fact]
    public async Task Real_time_bars_come_every_five_simulated_seconds_from_the_walk_and_stop_when_cancelled()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(50, 3, 40, 265598, "", "", "", 0, "", "", "", "", "", "", "", 5, "TRADES", 0, "");
        await SyncAsync(client);
        simulator.AdvanceReplay(TimeSpan.FromSeconds(20));

        // REAL_TIME_BARS version 3: reqId, time, open, high, low, close, volume, WAP, count. Steps of a 1-minute bar are 15 s apart.
        var bars = new List<TwsMessage>();
        for (var i = 0; i < 4; i++) bars.Add(await client.ReadUntilAsync(50));
        Assert.Equal(new[] { 0, 5, 10, 15 }.Select(s => Day2Open.AddSeconds(s).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), bars.Select(b => b.Fields[3]));
        Assert.Equal(new[] { "50", "3", "40", bars[0].Fields[3], "100", "100", "100", "100", "250", "100", "1" }, bars[0].Fields);
        Assert.Equal("0", bars[1].Fields[8]);
        Assert.Equal("1", bars[3].Fields[10]);

        await client.SendAsync(51, 1, 40);
        await SyncAsync(client);
        simulator.AdvanceReplay(TimeSpan.FromSeconds(20));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }

    [Fact]
    public async Task A_market_data_stream_ticks_as_the_replay_moves_the_quote_and_stops_when_cancelled()
    {
        using var simulator = StartReplay(Day2Open);
        var (client, _, _) = await RawTwsClient.ConnectAndStartAsync(simulator.LocalEndPoint!);
        await using var _ = client;

        await client.SendAsync(1, 11, 50, 265598, "", "", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", 0, 0, "");
        Assert.Equal(new[] { "58", "1", "50", "1" }, (await client.ReadMessageAsync()).Fields);
        Assert.Equal(new[] { "1", "3", "50", "1", "99.99" }, (await client.ReadMessageAsync()).Fields.Take(5));
        Assert.Equal(new[] { "1", "3", "50", "2", "100.01" }, (await client.ReadMessageAsync()).Fields.Take(5));
        Assert.Equal(new[] { "1", "3", "50", "4", "100", "250" }, (await client.ReadMessageAsync()).Fields.Take(6));
        await SyncAsync(client);

        simulator.AdvanceReplay(TimeSpan.FromSeconds(45));
        var ticks = new List<string[]>();
        for (var i = 0; i < 9; i++) ticks.Add((await client.ReadMessageAsync()).Fields.ToArray());
        Assert.All(ticks, t => Assert.Equal(("1", "50"), (t[0], t[2])));
        Assert.Equal(new[] { "4", "100.01", "250" }, ticks[8].Skip(3).Take(3));

        await client.SendAsync(2, 2, 50);
        await SyncAsync(client);
        simulator.AdvanceReplay(TimeSpan.FromMinutes(1));
        await client.SendAsync(49, 1);
        Assert.Equal("49", (await client.ReadMessageAsync()).Fields[0]);
    }
}
