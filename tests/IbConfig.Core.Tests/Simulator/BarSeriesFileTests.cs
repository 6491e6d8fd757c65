using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class BarSeriesFileTests
{
    [Fact]
    public void Reads_bars_with_columns_in_any_order_and_takes_the_smallest_step_as_the_bar_length()
    {
        var series = BarSeriesFile.Parse("""
            # AAPL, 1-minute bars
            Volume,Time,Open,High,Low,Close,WAP,Count
            1000,2025-11-17T14:30:00Z,187.20,187.30,187.10,187.25,187.21,12

            1500,2025-11-17T09:31:00-05:00,187.25,187.40,187.20,187.35,,
            900,2025-11-17T14:35:00Z,187.35,187.35,187.00,187.05,187.1,9
            """, 265598, "aapl.csv");

        Assert.Equal((265598, 3, TimeSpan.FromMinutes(1)), (series.ConId, series.Bars.Count, series.BarLength));
        var second = series.Bars[1];
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 14, 31, 0, TimeSpan.Zero), second.Time);
        Assert.Equal((187.25, 187.40, 187.20, 187.35, 1500m, (double?)null, (int?)null), (second.Open, second.High, second.Low, second.Close, second.Volume, second.Wap, second.Count));
        Assert.Equal((187.21, 12), (series.Bars[0].Wap!.Value, series.Bars[0].Count!.Value));
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 14, 36, 0, TimeSpan.Zero), series.End);
    }

    [Theory]
    [InlineData("Time,Open,High,Low,Close\n", 1, "missing Volume")]
    [InlineData("2025-11-17T14:30:00Z,1,1,1,1,1\n", 1, "missing Time")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17 14:30:00,1,1,1,1,1", 2, "ISO-8601 with an offset")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00,1,1,1,1,1", 2, "ISO-8601 with an offset")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,1,1,1,1,1\n2025-11-17T14:30:00Z,1,1,1,1,1", 3, "does not come after")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,2,1.5,1,1,1", 2, "must hold Open 2")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,1,1,1,abc,1", 2, "Close 'abc' is not a positive number")]
    [InlineData("Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,1,1,1,1,-5", 2, "Volume '-5'")]
    [InlineData("Time,Open,High,Low,Close,Volume,Count\n2025-11-17T14:30:00Z,1,1,1,1,5,x", 2, "Count 'x'")]
    [InlineData("Time,Open,High,Low,Close,Volume\n", 0, "no bars")]
    public void Says_which_line_is_wrong_and_why(string text, int line, string why)
    {
        var error = Assert.Throws<IbConfigException>(() => BarSeriesFile.Parse(text, 1, "bars.csv"));
        Assert.Equal(("SimulatorBarsInvalid", IbErrorKind.InvalidData), (error.ErrorId, error.Kind));
        Assert.Contains(line > 0 ? $"bars.csv, line {line}:" : "bars.csv:", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Contains("Fix the bar series file", error.Message);
    }

    [Fact]
    public void A_data_file_names_bar_files_relative_to_its_own_folder()
    {
        var folder = Directory.CreateTempSubdirectory("ibconfig-bars-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "aapl.csv"), "Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,1,2,1,2,100\n2025-11-17T14:35:00Z,2,2,1,1,100\n");
            var path = Path.Combine(folder, "data.txt");
            File.WriteAllText(path, "[Contracts]\nConId,Symbol\n265598,AAPL\n[Bars]\nConId,Path\n265598,aapl.csv\n");

            var data = SimulatorDataFile.Read(path);

            var series = Assert.Single(data.Bars);
            Assert.Equal((265598, 2, TimeSpan.FromMinutes(5)), (series.ConId, series.Bars.Count, series.BarLength));
            Assert.Equal(series, Assert.Single(new GatewaySimulatorOptions().UseData(data).Bars));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bars_for_a_contract_the_data_file_does_not_list_are_refused_with_the_line()
    {
        var folder = Directory.CreateTempSubdirectory("ibconfig-bars-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "x.csv"), "Time,Open,High,Low,Close,Volume\n2025-11-17T14:30:00Z,1,2,1,2,100\n");
            var error = Assert.Throws<IbConfigException>(() => SimulatorDataFile.Parse("[Bars]\nConId,Path\n42,x.csv\n", "data.txt", folder));
            Assert.Equal("SimulatorDataInvalid", error.ErrorId);
            Assert.Contains("data.txt, line 3: conId 42 has bars but no row in [Contracts]", error.Message);

            var missing = Assert.Throws<IbConfigException>(() => SimulatorDataFile.Parse("[Bars]\nConId,Path\n42,nope.csv\n", "data.txt", folder));
            Assert.Equal("SimulatorBarsNotFound", missing.ErrorId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_sample_replay_day_reads_and_agrees_with_its_contract_quotes()
    {
        var data = SimulatorDataFile.Read(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/simulator/replay-day.txt"));

        Assert.Equal(new[] { 265598, 756733 }, data.Bars.Select(b => b.ConId));
        foreach (var series in data.Bars)
        {
            Assert.Equal((780, TimeSpan.FromMinutes(1)), (series.Bars.Count, series.BarLength));
            var contract = data.Contracts.Single(c => c.ConId == series.ConId);
            // Day one closes at the contract's Close (the previous close on the replayed day).
            Assert.Equal(contract.Close, series.Bars[389].Close);
        }
    }

    [Theory]
    [InlineData("1 min", 60, "Intraday")]
    [InlineData("5 mins", 300, "Intraday")]
    [InlineData("30 secs", 30, "Intraday")]
    [InlineData("1 hour", 3600, "Intraday")]
    [InlineData("2 hours", 7200, "Intraday")]
    [InlineData("1 day", 86400, "Day")]
    [InlineData("1 week", 604800, "Week")]
    public void Bar_sizes_parse_as_ib_writes_them(string text, int seconds, string period)
    {
        var size = HistoryBarSize.TryParse(text, out var why);

        Assert.NotNull(size);
        Assert.Equal((TimeSpan.FromSeconds(seconds), period, ""), (size!.Length, size.Period.ToString(), why));
    }

    [Theory]
    [InlineData("1m", "not a number and a unit")]
    [InlineData("0 mins", "at least 1")]
    [InlineData("2 days", "1 day, 1 week and 1 month only")]
    [InlineData("5 fortnights", "not a number and a unit")]
    public void Bad_bar_sizes_say_why(string text, string why)
    {
        Assert.Null(HistoryBarSize.TryParse(text, out var reason));
        Assert.Contains(why, reason);
    }

    [Theory]
    [InlineData("3600 S", 'S', 3600)]
    [InlineData("1 D", 'D', 1)]
    [InlineData("2 w", 'W', 2)]
    [InlineData("1 Y", 'Y', 1)]
    public void Durations_parse_as_ib_writes_them(string text, char unit, int count)
    {
        var duration = HistoryDuration.TryParse(text, out _);
        Assert.Equal((unit, count), (duration!.Unit, duration.Count));
    }

    [Theory]
    [InlineData("1D")]
    [InlineData("0 D")]
    [InlineData("3 X")]
    [InlineData("")]
    public void Bad_durations_say_what_a_duration_looks_like(string text)
    {
        Assert.Null(HistoryDuration.TryParse(text, out var why));
        Assert.Contains("'3600 S', '1 D', '2 W'", why);
    }

    [Fact]
    public void Calendar_end_of_durations_go_back_from_the_end()
    {
        var end = new DateTimeOffset(2025, 11, 18, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(end.AddHours(-1), HistoryDuration.TryParse("3600 S", out _)!.StartBefore(end));
        Assert.Equal(end.AddDays(-14), HistoryDuration.TryParse("2 W", out _)!.StartBefore(end));
    }
}
