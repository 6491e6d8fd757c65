using IbConfig.Core.Checks;
using IbConfig.Core.Settings;
using static IbConfig.Core.Tests.Checks.CheckFixture;

namespace IbConfig.Core.Tests.Checks;

public class RestartChecksTests
{
    private static CheckContext WithStores(string ini, bool ibc, params SettingValue[] values)
    {
        var context = Context(ini);
        context.Settings = With(context.Settings!, values);
        if (ibc) context.IbcConfigPath = IbcPath;
        return context;
    }

    [Fact]
    public void No_auto_restart_under_ibc_is_a_warning_whose_remedy_sets_ibcs_restart_time()
    {
        var result = Evaluate(new AutoRestartCheck(), WithStores(GuideWith("s.AutoRestartTime", ""), ibc: true));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Equal($"Set-IbApiSetting -Path '{SettingsPath}' -IbcConfigPath '{IbcPath}' -AutoRestartTime '23:55' -Target Ibc", result.Remedy);
        Assert.Equal(SettingStore.Ibc, result.Fix!.Target.OnlyValue);
    }

    [Fact]
    public void No_auto_restart_without_ibc_names_the_gateways_own_dialog_and_has_no_settings_fix()
    {
        var result = Evaluate(new AutoRestartCheck(), Context(GuideWith("s.AutoRestartTime", "")));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("Lock and Exit", result.Remedy);
        Assert.Contains("11:55 PM", result.Remedy);
        Assert.Null(result.Fix);
    }

    [Fact]
    public void The_guides_restart_key_alone_does_not_pass_because_ib_does_not_read_it()
    {
        var result = Evaluate(new AutoRestartCheck(), Context());
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("s.AutoRestartTime", result.Actual);
    }

    [Fact]
    public void Ibcs_restart_time_passes()
    {
        var result = Evaluate(new AutoRestartCheck(), WithStores(GuideWith("s.AutoRestartTime", ""), ibc: true, Value("AutoRestartTime", "11:55 PM", new TimeSpan(23, 55, 0))));
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Equal("23:55:00", result.Actual);
    }

    [Fact]
    public void An_unreadable_restart_time_fails() =>
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new AutoRestartCheck(), Context(GuideWith("s.AutoRestartTime", "s.AutoRestartTime=11:55 PM"))).StatusValue);

    [Fact]
    public void Auto_logoff_without_a_restart_fails_and_the_ibc_remedy_restarts_five_minutes_later()
    {
        var logoff = Value("AutoLogoffTime", "11:50,PM", new TimeSpan(23, 50, 0), SettingStore.ProfileXml);
        var result = Evaluate(new LogoffBeforeRestartCheck(), WithStores(GuideWith("s.AutoRestartTime", ""), ibc: true, logoff));
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("stays logged off", result.Actual);
        Assert.EndsWith("-AutoRestartTime '23:55' -Target Ibc", result.Remedy);
    }

    [Fact]
    public void The_guides_logoff_key_alone_is_not_an_auto_logoff()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), Context(GuideWith("s.AutoRestartTime", "")));
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
    }

    [Fact]
    public void A_logoff_after_the_restart_is_a_warning()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), WithStores(CheckFixture.Guide, ibc: true,
            Value("AutoLogoffTime", "11:58,PM", new TimeSpan(23, 58, 0), SettingStore.ProfileXml), Value("AutoRestartTime", "11:55 PM", new TimeSpan(23, 55, 0))));
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
    }

    [Fact]
    public void Restart_without_logoff_passes()
    {
        var result = Evaluate(new LogoffBeforeRestartCheck(), Context(GuideWith("s.AutoLogoffTime", "")));
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Equal("no auto-logoff", result.Actual);
    }

    [Fact]
    public void The_maintenance_window_runs_from_the_logoff_past_the_restart_and_names_the_next_one()
    {
        var result = Evaluate(new MaintenanceWindowCheck(), Context());
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.StartsWith("daily 23:50-00:05 (auto-restart); next ", result.Actual);
    }

    [Fact]
    public void No_scheduled_restart_means_no_window() =>
        Assert.Equal(IbCheckStatus.Skipped, Evaluate(new MaintenanceWindowCheck(), Context(GuideWith("s.AutoRestartTime", ""))).StatusValue);
}

public class WeeklyReloginTests
{
    private static CheckContext WithIbc(params SettingValue[] values)
    {
        var context = Context();
        context.Settings = With(context.Settings!, values);
        context.IbcConfigPath = IbcPath;
        return context;
    }

    [Fact]
    public void An_ibc_cold_restart_is_the_weekly_plan_and_opens_a_sunday_window()
    {
        var context = WithIbc(Value("ColdRestartTime", "07:05", new TimeSpan(7, 5, 0)));
        var result = Evaluate(new WeeklyReloginCheck(), context);
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Equal("IBC cold restart on Sundays at 07:05", result.Actual);
        Assert.Equal(IbcPath + ":7", result.Source);
        Assert.Contains("Sunday 07:05-07:25 (IBC cold restart, new login)", Evaluate(new MaintenanceWindowCheck(), context).Actual);
    }

    [Fact]
    public void A_weekly_ibc_closedown_is_a_plan_too()
    {
        var context = WithIbc(Value("ClosedownAt", "Friday 22:00", "Friday 22:00"));
        var result = Evaluate(new WeeklyReloginCheck(), context);
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Contains("every Friday at 22:00", result.Actual);
        Assert.Contains("Friday 22:00-22:20 (IBC closedown, until restarted)", Evaluate(new MaintenanceWindowCheck(), context).Actual);
    }

    [Fact]
    public void Ibc_without_either_key_warns_with_the_line_to_add()
    {
        var context = WithIbc(Value("CommandServerPort", "7462", 7462));
        var result = Evaluate(new WeeklyReloginCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Equal($"Add 'ColdRestartTime=07:05' to '{IbcPath}'", result.Remedy);
    }

    [Fact]
    public void No_ibc_at_all_warns_that_nothing_logs_in_again()
    {
        var result = Evaluate(new WeeklyReloginCheck(), Context());
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("no IBC config.ini", result.Actual);
    }

    [Fact]
    public void An_unreadable_closedown_warns() =>
        Assert.Equal(IbCheckStatus.Warn, Evaluate(new WeeklyReloginCheck(), WithIbc(Value("ClosedownAt", "whenever", "whenever"))).StatusValue);

    [Fact]
    public void A_readable_ibc_file_warns_and_a_private_one_passes()
    {
        var context = WithIbc();
        context.IbcFileAccess = new IbFileAccess(IbcPath, true, true, true, "mode 644");
        var open = Evaluate(new IbcCredentialsProtectedCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, open.StatusValue);
        Assert.Contains("mode 644", open.Actual);
        Assert.Equal(OperatingSystem.IsWindows() ? open.Remedy : $"chmod 600 {IbcPath}", open.Remedy);
        context.IbcFileAccess = new IbFileAccess(IbcPath, true, true, false, "mode 600");
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new IbcCredentialsProtectedCheck(), context).StatusValue);
        context.IbcFileAccess = null;
        Assert.Equal(IbCheckStatus.Skipped, Evaluate(new IbcCredentialsProtectedCheck(), context).StatusValue);
    }
}
