using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;

namespace IbConfig.Core.Tests.Simulator;

public class SimulatorScenarioFileTests
{
    [Fact]
    public void Reads_one_fault_per_row_with_columns_in_any_order()
    {
        var scenario = SimulatorScenarioFile.Parse("""
            # a bot's bad night
            [Faults]
            Kind,At,Code,Duration,ClientIdHold,Requests,ClientIds,Count,Farm
            Notice,5s,2103,,,,,,eufarm
            Pacing,250ms,162,,,REQ_HISTORICAL_DATA|87,1 2,3
            NightlyRestart,00:01:00,,3,20s
            Silence,,,1.5s,,REQ_MKT_DATA
            """);

        Assert.Equal(4, scenario.Faults.Count);
        var notice = scenario.Faults[0];
        Assert.Equal((SimulatorFaultKind.Notice, TimeSpan.FromSeconds(5), 2103, "eufarm"), (notice.KindValue, notice.AtValue!.Value, notice.Code!.Value, notice.Farm!));
        var pacing = scenario.Faults[1];
        Assert.Equal(TimeSpan.FromMilliseconds(250), pacing.AtValue);
        Assert.Equal(new[] { 20, 87 }, pacing.Requests);
        Assert.Equal(new[] { 1, 2 }, pacing.ClientIds);
        Assert.Equal(3, pacing.Count);
        var restart = scenario.Faults[2];
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20)), (restart.AtValue!.Value, restart.DurationValue, restart.ClientIdHoldValue));
        Assert.Null(scenario.Faults[3].At);
        Assert.Equal(TimeSpan.FromSeconds(1.5), scenario.Faults[3].DurationValue);
    }

    [Theory]
    [InlineData("[Faults]\nKind\nEarthquake", "line 3", "Kind 'Earthquake'")]
    [InlineData("[Faults]\nKind,At\nNotice,soon", "line 3", "At 'soon' is not a time")]
    [InlineData("[Faults]\nKind,Code\nNotice,", "line 3", "needs a code")]
    [InlineData("[Faults]\nKind,Requests\nSilence,REQ_LUNCH", "line 3", "'REQ_LUNCH' is not a request")]
    [InlineData("[Weather]\nKind", "line 1", "unknown section")]
    [InlineData("Kind\nNotice", "line 1", "before any section")]
    [InlineData("[Faults]\nAt,Code\n5,1100", "line 2", "missing Kind")]
    public void Bad_rows_name_the_line_and_the_fix(string text, string line, string expected)
    {
        var error = Assert.Throws<IbConfigException>(() => SimulatorScenarioFile.Parse(text, "night.txt"));

        Assert.Equal(("SimulatorScenarioInvalid", IbErrorKind.InvalidData), (error.ErrorId, error.Kind));
        Assert.StartsWith($"night.txt, {line}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found()
    {
        var error = Assert.Throws<IbConfigException>(() => SimulatorScenarioFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")));

        Assert.Equal(("SimulatorScenarioNotFound", IbErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
    }

    [Theory]
    [InlineData("5", 5000)]
    [InlineData("1.5s", 1500)]
    [InlineData("250ms", 250)]
    [InlineData("00:00:02", 2000)]
    public void Times_are_seconds_milliseconds_or_clock_text(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SimulatorScenarioFile.TryParseSpan(text));

    [Fact]
    public void The_shipped_scenario_reads()
    {
        var scenario = SimulatorScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/simulator/bot-day.scenario.txt"));

        Assert.Contains(scenario.Faults, f => f.KindValue == SimulatorFaultKind.NightlyRestart);
    }
}
