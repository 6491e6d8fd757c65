using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Health;

public class HealthCheckCommandLineTests
{
    private static readonly HealthCheckInvocation Paper = new() { Port = 4002, TradingMode = TradingMode.Paper, LogPath = @"C:\ProgramData\IbConfig\health.log" };

    [Fact]
    public void The_script_runs_the_staged_probe_quietly_and_exits_with_its_code()
    {
        Assert.Equal(
            @"Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -TradingMode Paper -LogPath 'C:\ProgramData\IbConfig\health.log' -Quiet; exit $LASTEXITCODE",
            Paper.Script());
    }

    [Fact]
    public void Every_argument_is_quoted_for_powershell_and_a_module_path_is_quoted_too()
    {
        var invocation = new HealthCheckInvocation
        {
            Module = @"C:\Users\o'neil\Documents\PowerShell\Modules\IbConfig\IbConfig.psd1",
            Path = @"C:\Jts", ComputerName = "gw1", ClientId = 998, Format = HealthCheckLogFormat.Csv, Repair = true,
        };
        Assert.Equal(
            @"Import-Module 'C:\Users\o''neil\Documents\PowerShell\Modules\IbConfig\IbConfig.psd1'; Invoke-IbHealthCheck -Path 'C:\Jts' -ComputerName 'gw1' -ClientId 998 -Format Csv -Repair -Quiet; exit $LASTEXITCODE",
            invocation.Script());
    }

    [Fact]
    public void The_baseline_and_the_metrics_file_are_passed_on_quoted()
    {
        var invocation = new HealthCheckInvocation { Port = 4002, Baseline = @"C:\ops\gateway's baseline.ini", MetricsPath = @"C:\Program Files\windows_exporter\textfile_inputs\ibconfig.prom" };
        Assert.Equal(
            @"Invoke-IbHealthCheck -Port 4002 -Baseline 'C:\ops\gateway''s baseline.ini' -MetricsPath 'C:\Program Files\windows_exporter\textfile_inputs\ibconfig.prom' -Quiet",
            invocation.HealthCheckCommand());
    }

    [Fact]
    public void The_profile_and_ibcs_config_ini_follow_the_settings_path()
    {
        var invocation = new HealthCheckInvocation { Path = @"C:\Jts", Profile = @"C:\Jts\darykqabcdef", IbcConfigPath = @"C:\IBC\config.ini" };
        Assert.Equal(@"Invoke-IbHealthCheck -Path 'C:\Jts' -Profile 'C:\Jts\darykqabcdef' -IbcConfigPath 'C:\IBC\config.ini' -Quiet", invocation.HealthCheckCommand());
    }

    [Fact]
    public void Task_scheduler_gets_pwsh_with_no_profile_non_interactive_and_the_script_as_one_argument()
    {
        var command = HealthCheckCommandLine.For(HealthCheckCommandKind.TaskScheduler, Paper, TimeSpan.FromMinutes(5));
        Assert.Equal("pwsh.exe", command.Program);
        Assert.StartsWith("-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -Command \"Import-Module IbConfig; ", command.Arguments);
        Assert.EndsWith("; exit $LASTEXITCODE\"", command.Arguments);
        Assert.Equal("pwsh.exe " + command.Arguments, command.Line);
    }

    [Fact]
    public void Task_scheduler_quotes_a_program_path_with_spaces()
    {
        var command = HealthCheckCommandLine.For(HealthCheckCommandKind.TaskScheduler, Paper, TimeSpan.FromMinutes(5), @"C:\Program Files\PowerShell\7\pwsh.exe");
        Assert.StartsWith("\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -NoProfile", command.Line);
    }

    [Theory]
    [InlineData(1, "* * * * *")]
    [InlineData(5, "*/5 * * * *")]
    [InlineData(30, "*/30 * * * *")]
    [InlineData(60, "0 * * * *")]
    [InlineData(120, "0 */2 * * *")]
    [InlineData(1440, "0 0 * * *")]
    public void Cron_schedules_intervals_that_divide_the_hour_or_the_day(int minutes, string expected) =>
        Assert.Equal(expected, HealthCheckCommandLine.CronSchedule(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData(7)]
    [InlineData(90)]
    public void Cron_refuses_an_interval_it_cannot_express(int minutes)
    {
        var ex = Assert.Throws<IbConfigException>(() => HealthCheckCommandLine.CronSchedule(TimeSpan.FromMinutes(minutes)));
        Assert.Equal("HealthCheckIntervalNotCron", ex.ErrorId);
    }

    [Fact]
    public void The_cron_line_single_quotes_the_script_for_sh_and_escapes_percent()
    {
        var invocation = new HealthCheckInvocation { Port = 4002, LogPath = "/var/log/ib/100%.log" };
        var line = HealthCheckCommandLine.For(HealthCheckCommandKind.Cron, invocation, TimeSpan.FromMinutes(5)).Line;
        Assert.Equal(
            @"*/5 * * * * pwsh -NoProfile -NonInteractive -Command 'Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -LogPath '\''/var/log/ib/100\%.log'\'' -Quiet; exit $LASTEXITCODE' >/dev/null 2>&1",
            line);
    }

    [Fact]
    public void Systemd_gets_a_oneshot_service_where_warnings_succeed_and_a_timer()
    {
        var units = HealthCheckCommandLine.For(HealthCheckCommandKind.Systemd, new HealthCheckInvocation { Port = 4002 }, TimeSpan.FromMinutes(10)).Line;
        Assert.Contains("ExecStart=/usr/bin/pwsh -NoProfile -NonInteractive -Command \"Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -Quiet; exit $$LASTEXITCODE\"\n", units);
        Assert.Contains("Type=oneshot\n", units);
        Assert.Contains("SuccessExitStatus=1\n", units);
        Assert.Contains("OnUnitActiveSec=10min\n", units);
        Assert.Contains("WantedBy=timers.target", units);
    }

    [Fact]
    public void Docker_gets_an_exec_form_healthcheck_that_maps_failures_to_exit_1()
    {
        var line = HealthCheckCommandLine.For(HealthCheckCommandKind.DockerHealthcheck, new HealthCheckInvocation { Port = 4004 }, TimeSpan.FromSeconds(90)).Line;
        Assert.Equal(
            "HEALTHCHECK --interval=1m30s --timeout=30s --start-period=3m --retries=3 CMD [\"pwsh\",\"-NoProfile\",\"-NonInteractive\",\"-Command\",\"Import-Module IbConfig; Invoke-IbHealthCheck -Port 4004 -Quiet; exit [int]($LASTEXITCODE -ge 2)\"]",
            line);
    }

    [Theory]
    [InlineData(300, "5m")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(5400, "1h30m")]
    public void Docker_durations_are_go_durations(int seconds, string expected) =>
        Assert.Equal(expected, HealthCheckCommandLine.GoDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void An_interval_under_a_minute_is_refused()
    {
        var ex = Assert.Throws<IbConfigException>(() => HealthCheckCommandLine.For(HealthCheckCommandKind.Cron, Paper, TimeSpan.FromSeconds(30)));
        Assert.Equal("HealthCheckIntervalTooShort", ex.ErrorId);
        Assert.Equal(IbErrorKind.InvalidArgument, ex.Kind);
    }
}
