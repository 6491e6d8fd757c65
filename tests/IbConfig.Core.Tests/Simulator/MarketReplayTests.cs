using System.Globalization;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;
using static IbConfig.Core.Tests.Simulator.GatewaySimulatorHistoryTests;

namespace IbConfig.Core.Tests.Simulator;

public class MarketReplayTests
{
    private static readonly DateTimeOffset Day2Open = new(2025, 11, 18, 14, 30, 0, TimeSpan.Zero);

    private static MarketReplay Replay(int seed) =>
        new(new[] { new SimulatedContract(265598, "AAPL") { MinTick = 0.01 } }, new[] { TwoDays() }, Day2Open, 0, seed);

    private static List<string> Record(MarketReplay replay, IEnumerable<TimeSpan> moves)
    {
        var seen = new List<string>();
        replay.QuoteChanged += q => seen.Add(string.Create(CultureInfo.InvariantCulture, $"{q.Time:HH:mm:ss} {q.Bid}/{q.Ask} {q.Last} x{q.LastSize}"));
        foreach (var move in moves) replay.Advance(move);
        return seen;
    }

    [Fact]
    public void The_same_data_seed_and_start_give_the_same_quotes_however_the_clock_is_moved()
    {
        var inOneJump = Record(Replay(7), new[] { TimeSpan.FromMinutes(10) });
        var inSmallSteps = Record(Replay(7), Enumerable.Repeat(TimeSpan.FromSeconds(7), 85).Append(TimeSpan.Zero).Append(TimeSpan.FromSeconds(600 - 7 * 85)));

        Assert.Equal(40, inOneJump.Count); // 10 one-minute bars, four steps each
        Assert.Equal(inOneJump, inSmallSteps);
        Assert.NotEqual(inOneJump, Record(Replay(8), new[] { TimeSpan.FromMinutes(10) }));
    }

    [Fact]
    public void Each_bar_is_walked_open_one_extreme_the_other_then_close_with_bid_and_ask_a_tick_around_last()
    {
        var replay = Replay(7);
        var quotes = new List<MarketQuote>();
        replay.QuoteChanged += quotes.Add;

        replay.Advance(TimeSpan.FromSeconds(59));

        // The 09:30 bar of day two: open 100, high 100.05, low 99.97, close 100.01; its steps at :00 (the start, already current), :15, :30, :45.
        Assert.Equal(new[] { 15, 30, 45 }, quotes.Select(q => (int)(q.Time - Day2Open).TotalSeconds));
        Assert.Equal(new[] { 100.05, 99.97 }.OrderBy(p => p), quotes.Take(2).Select(q => q.Last!.Value).OrderBy(p => p));
        Assert.Equal(100.01, quotes[2].Last);
        Assert.All(quotes, q => Assert.Equal((Math.Round(q.Last!.Value - 0.01, 2), Math.Round(q.Last.Value + 0.01, 2)), (q.Bid!.Value, q.Ask!.Value)));
        Assert.Equal(100.01, replay.QuoteOf(265598)!.Last);
        Assert.Equal(Day2Open.AddSeconds(59), replay.Now);
    }

    [Fact]
    public void Before_the_series_a_contract_keeps_its_fixed_quote_and_after_it_the_last_close()
    {
        var contract = new SimulatedContract(265598, "AAPL") { Bid = 1, Ask = 3, Last = 2 };
        var replay = new MarketReplay(new[] { contract }, new[] { TwoDays() }, new DateTimeOffset(2025, 11, 17, 0, 0, 0, TimeSpan.Zero), 0, 1);

        Assert.Equal(2, replay.QuoteOf(265598)!.Last);
        replay.Advance(TimeSpan.FromDays(3));
        Assert.Equal(100.3, replay.QuoteOf(265598)!.Last);
        Assert.Null(replay.QuoteOf(1));
    }

    [Fact]
    public void The_clock_never_goes_back()
    {
        var error = Assert.Throws<IbConfigException>(() => Replay(1).Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal("SimulatorInvalidReplay", error.ErrorId);
    }

    [Fact]
    public async Task A_running_clock_moves_the_market_in_real_time_at_its_speed()
    {
        var replay = new MarketReplay(new[] { new SimulatedContract(265598, "AAPL") }, new[] { TwoDays() }, Day2Open, 600, 1);
        var moved = new TaskCompletionSource<MarketQuote>(TaskCreationOptions.RunContinuationsAsynchronously);
        replay.QuoteChanged += q => moved.TrySetResult(q);
        using var stop = new CancellationTokenSource();

        var run = replay.RunAsync(stop.Token);
        var first = await moved.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        // At 600x the first step (15 simulated seconds) comes after about 25 ms of real time.
        Assert.Equal(Day2Open.AddSeconds(15), first.Time);
        Assert.True(replay.Now > Day2Open);
    }

    [Fact]
    public void Options_refuse_a_bad_speed_and_bars_without_a_contract()
    {
        var speed = Assert.Throws<IbConfigException>(() => new GatewaySimulator(new GatewaySimulatorOptions { ReplaySpeed = -1 }));
        Assert.Equal("SimulatorInvalidReplay", speed.ErrorId);
        var orphan = Assert.Throws<IbConfigException>(() => new GatewaySimulator(new GatewaySimulatorOptions { Bars = { TwoDays() } }));
        Assert.Contains("no contract has", orphan.Message);
        var noReplay = Assert.Throws<IbConfigException>(() => new GatewaySimulator(new GatewaySimulatorOptions()).AdvanceReplay(TimeSpan.FromSeconds(1)));
        Assert.Equal("SimulatorNoReplay", noReplay.ErrorId);
    }

    [Theory]
    [InlineData("Mars/Olympus", "", "SimulatorUnknownTimeZone", "Mars/Olympus")]
    [InlineData("US/Eastern", "monday 9 to 5", "SimulatorInvalidReplay", "Fix its TradingHours or LiquidHours")]
    public void A_replayed_contract_needs_a_known_zone_and_readable_hours(string zone, string hours, string errorId, string text)
    {
        var contract = new SimulatedContract(265598, "AAPL") { TimeZoneId = zone, TradingHours = hours };
        var error = Assert.Throws<IbConfigException>(() => new GatewaySimulator(new GatewaySimulatorOptions { Contracts = { contract }, Bars = { TwoDays() } }));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Without_a_start_the_replay_begins_at_the_first_bar_of_the_last_day()
    {
        var options = new GatewaySimulatorOptions { Contracts = { new SimulatedContract(265598, "AAPL") }, Bars = { TwoDays() }, ReplaySpeed = 0 };
        using var simulator = new GatewaySimulator(options);

        Assert.Equal(Day2Open.AddMinutes(-5), simulator.ReplayTime);
    }
}
