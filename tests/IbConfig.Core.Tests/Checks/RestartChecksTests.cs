using IbConfig.Core.Checks;
using static IbConfig.Core.Tests.Checks.CheckFixture;

namespace IbConfig.Core.Tests.Checks;

public class RestartChecksTests
{
    [Fact]
    public void No_auto_restart_is_a_warning_with_the_guides_time()
    {
        var result = Evaluate(new AutoRestartCheck(), Context(GuideWith("s.AutoRestartTime", "")));
        Assert.Equal(IbCheckStatus.Warn, result.Status);
        Assert.EndsWith("-AutoRestartTime 23:55", result.Remedy);
    }

    [Fact]
    public void An_unreadable_restart_time_fails() =>
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new AutoRestartCheck(), Context(GuideWith("s.AutoRestartTime", "s.AutoRestartTime=11:55 PM"))).Status);

    [Fact]
    public void Auto_logoff_without_a_restart_fails_because_the_gateway_stays_down()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), Context(GuideWith("s.AutoRestartTime", "")));
        Assert.Equal(IbCheckStatus.Fail, result.Status);
        Assert.Contains("stays logged off", result.Actual);
        Assert.EndsWith("-AutoRestartTime 23:55:00", result.Remedy);
    }

    [Fact]
    public void A_logoff_after_the_restart_is_a_warning()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), Context(GuideWith("s.AutoLogoffTime", "s.AutoLogoffTime=23:58:00")));
        Assert.Equal(IbCheckStatus.Warn, result.Status);
    }

    [Fact]
    public void Restart_without_logoff_passes()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), Context(GuideWith("s.AutoLogoffTime", "")));
        Assert.Equal(IbCheckStatus.Pass, result.Status);
        Assert.Equal("no auto-logoff", result.Actual);
    }

    [Fact]
    public void The_maintenance_window_runs_from_the_logoff_past_the_restart_and_names_the_next_one()
    {
        var result = Evaluate(new MaintenanceWindowCheck(), Context());
        Assert.Equal(IbCheckStatus.Pass, result.Status);
        Assert.StartsWith("daily 23:50-00:05 (auto-restart); next ", result.Actual);
    }

    [Fact]
    public void No_scheduled_restart_means_no_window() =>
        Assert.Equal(IbCheckStatus.Skipped, Evaluate(new MaintenanceWindowCheck(), Context(GuideWith("s.AutoRestartTime", ""))).Status);
}
