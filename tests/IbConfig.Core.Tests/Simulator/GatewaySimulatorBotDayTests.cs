using System.Net.Sockets;
using IbConfig.Core.Protocol;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

/// <summary>
/// A trading bot's day, end to end, from the shipped samples/simulator/bot-day.txt and bot-day.scenario.txt (issue 13's
/// "Done when"): contract details, a snapshot, history (after the scenario's pacing error), a limit order that rests, a
/// cancelled order, the scenario's nightly restart the bot survives, then the replayed market crossing the limit, the
/// fill, and the position and executions showing it. The replay clock stands still (speed 0) but for one step by hand
/// and the scenario's four-hour jump at 14 s; the restart plays 6 s after the start.
/// </summary>
public class GatewaySimulatorBotDayTests
{
    private const int BotClientId = 3;
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "../../../../../samples/simulator");

    [Fact]
    public async Task A_bot_s_day_runs_end_to_end_from_the_sample_data_and_scenario()
    {
        var options = new GatewaySimulatorOptions { Port = 0, ReplaySpeed = 0 }
            .UseData(SimulatorDataFile.Read(Path.Combine(Samples, "bot-day.txt")))
            .UseScenario(SimulatorScenarioFile.Read(Path.Combine(Samples, "bot-day.scenario.txt")));
        using var simulator = new GatewaySimulator(options);
        simulator.Start();
        var endPoint = simulator.LocalEndPoint!;
        var (client, _, welcome) = await RawTwsClient.ConnectAndStartAsync(endPoint, BotClientId);
        var nextId = int.Parse(welcome.Single(m => m.Id == 9).Fields[2]);

        // Morning: what is AAPL, what does it cost, how did it trade?
        await client.SendAsync(9, 8, 1, 0, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", "", "");
        var details = await client.ReadUntilAsync(10);
        Assert.Equal(("AAPL", "265598"), (details.Fields[2], details.Fields[13]));
        await client.ReadUntilAsync(52);
        await client.SendAsync(1, 11, 2, 0, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", 1, 0, "");
        var snapshot = await ReadUntil(client, 57);
        var bid = Price(snapshot, 1);
        var ask = Price(snapshot, 2);
        Assert.InRange(bid, 188.5, 189.0);                                               // the replay's 09:30 quote
        Assert.True(ask > bid);
        var history = await History(client, 3);
        Assert.True(int.Parse(history[4]) >= 390, $"yesterday's regular session of 1-minute bars, got {history[4]}");

        // A take-profit limit above the market rests; an MSFT order (never filled, by the fill rules) is cancelled.
        var sell = nextId;
        await client.SendAsync(Place(sell, "AAPL", "SELL", 100, 189.20));
        Assert.Equal("Submitted", (await ReadStatus(client, sell, "Submitted")).Fields[2]);
        var msft = nextId + 1;
        await client.SendAsync(Place(msft, "MSFT", "BUY", 10, 416));
        await ReadStatus(client, msft, "Submitted");
        await client.SendAsync(4, msft, "", "", int.MaxValue);
        await ReadStatus(client, msft, "Cancelled");
        Assert.Equal("202", (await ReadError(client, msft)).Fields[3]);

        simulator.AdvanceReplay(TimeSpan.FromMinutes(20));                               // 09:50: AAPL still below 189.20
        await client.SendAsync(5, 1);                                                    // reqOpenOrders
        var open = await client.ReadUntilAsync(3);
        Assert.Equal((sell.ToString(), "Submitted"), (open.Fields[1], open.Fields[2]));
        await client.ReadUntilAsync(53);

        // Night: the scenario's restart closes the bot; it reconnects once the port and its client id are back.
        await client.ReadToEndAsync();
        await client.DisposeAsync();
        var (again, refusals) = await ReconnectAsync(endPoint);
        await using var bot = again;
        Assert.True(refusals > 0, "the restart refused the bot at first (port closed or client id held)");
        await bot.SendAsync(5, 1);
        Assert.Equal((sell.ToString(), "Submitted"), await OpenStatus(bot));           // the order survived the restart

        // The scenario's clock jump: the replayed market climbs through the limit, and the bot hears of the fill on its new connection.
        var exec = await bot.ReadUntilAsync(11);
        Assert.Equal(("-1", sell.ToString(), "SLD", "100"), (exec.Fields[1], exec.Fields[2], exec.Fields[18], exec.Fields[19]));
        var fillPrice = double.Parse(exec.Fields[20], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(fillPrice, 189.20, 189.30);
        Assert.StartsWith("20251118 1", exec.Fields[15]);                                // the replay's time, not the wall clock
        Assert.Equal("Filled", (await ReadStatus(bot, sell, "Filled")).Fields[2]);

        await bot.SendAsync(61, 1);                                                      // reqPositions: 300 - 100
        var position = await bot.ReadUntilAsync(61);
        Assert.Equal(("AAPL", "200"), (position.Fields[4], position.Fields[14]));
        await bot.ReadUntilAsync(62);
        await bot.SendAsync(7, 3, 4, 0, "", "", "", "", "", "");                       // reqExecutions
        var listed = await bot.ReadUntilAsync(11);
        Assert.Equal(("4", exec.Fields[14]), (listed.Fields[1], listed.Fields[14]));
        await bot.ReadUntilAsync(55);
        await bot.SendAsync(99, 0);                                                      // reqCompletedOrders: the fill and the cancel
        var done = new[] { await bot.ReadUntilAsync(101), await bot.ReadUntilAsync(101) };
        Assert.Equal(new[] { "AAPL", "MSFT" }, done.Select(d => d.Fields[2]));
    }

    private static object[] Place(int id, string symbol, string action, int quantity, double limit) =>
        new object[] { 3, id, 0, symbol, "STK", "", 0, "", "", "SMART", "", "USD", "", "", "", "", action, quantity, "LMT",
            limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "GTC", "", "", "", 0, "bot-day", 1 };

    private static async Task<List<TwsMessage>> ReadUntil(RawTwsClient client, int messageId)
    {
        var messages = new List<TwsMessage>();
        do messages.Add(await client.ReadMessageAsync()); while (messages[^1].Id != messageId);
        return messages;
    }

    private static double Price(List<TwsMessage> ticks, int tickType) =>
        double.Parse(ticks.First(t => t.Id == 1 && t.Fields[3] == tickType.ToString()).Fields[4], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day of 1-minute bars; the scenario paces the first history request (162), so the bot asks again, as bots must.</summary>
    private static async Task<List<string>> History(RawTwsClient client, int reqId)
    {
        object[] Request(int id) => new object[] { 20, id, 0, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "", "", 0, "", "1 min", "2 D", 1, "TRADES", 1, 0, "" };
        await client.SendAsync(Request(reqId));
        Assert.Equal("162", (await ReadError(client, reqId)).Fields[3]);
        await client.SendAsync(Request(reqId + 1));
        var data = await client.ReadUntilAsync(17);
        return data.Fields.ToList();
    }

    /// <summary>The next error on this id, past the scenario's farm notices (id -1) that may come at any time.</summary>
    private static async Task<TwsMessage> ReadError(RawTwsClient client, int id)
    {
        while (true)
        {
            var m = await client.ReadUntilAsync(4);
            if (m.Fields[2] == id.ToString()) return m;
        }
    }

    private static async Task<TwsMessage> ReadStatus(RawTwsClient client, int orderId, string status)
    {
        while (true)
        {
            var m = await client.ReadUntilAsync(3);
            if (m.Fields[1] == orderId.ToString() && m.Fields[2] == status) return m;
        }
    }

    private static async Task<(string Id, string Status)> OpenStatus(RawTwsClient client)
    {
        var status = await client.ReadUntilAsync(3);
        await client.ReadUntilAsync(53);
        return (status.Fields[1], status.Fields[2]);
    }

    /// <summary>Reconnects as a bot does after a restart: the port refuses, then the old client id gets 326 for a while; bounded.</summary>
    private static async Task<(RawTwsClient Client, int Refusals)> ReconnectAsync(System.Net.IPEndPoint endPoint)
    {
        var refusals = 0;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            RawTwsClient? client = null;
            try
            {
                client = await RawTwsClient.ConnectAsync(endPoint);
                await client.SendHandshakeAsync("v100..193");
                await client.ReadMessageAsync();
                await client.SendAsync(71, 2, BotClientId, "");
                var first = await client.ReadMessageAsync();
                if (first.Id == 15)
                {
                    for (var i = 0; i < 4; i++) await client.ReadMessageAsync();
                    return (client, refusals);
                }
                Assert.Equal("326", first.Fields[3]);
            }
            catch (Exception ex) when (ex is SocketException or IOException or TwsProtocolException)
            {
                // The port is closed while the gateway restarts.
            }
            refusals++;
            if (client is not null) await client.DisposeAsync();
            await Task.Delay(250);
        }
        throw new TimeoutException("the simulator did not take the bot back within 25 s");
    }
}
