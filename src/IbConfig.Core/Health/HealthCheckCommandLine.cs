using System;
using System.Globalization;
using System.Text;
using IbConfig.Core.Text;

namespace IbConfig.Core.Health;

/// <summary>
/// Renders a <see cref="HealthCheckInvocation"/> for one scheduler, each with its own quoting: Task Scheduler passes the
/// arguments to pwsh with no shell; cron hands the line to /bin/sh and treats <c>%</c> as a newline; systemd expands
/// <c>$</c> and <c>%</c> in unit files; Docker's exec form is a JSON array and knows only exit 0 (healthy) and 1 (unhealthy).
/// </summary>
public static class HealthCheckCommandLine
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public static IbHealthCheckCommand For(HealthCheckCommandKind kind, HealthCheckInvocation invocation, TimeSpan every, string? powerShellPath = null)
    {
        if (invocation is null) throw new ArgumentNullException(nameof(invocation));
        if (every < TimeSpan.FromMinutes(1))
            throw HealthCheckFailure.IntervalTooShort(every);
        return kind switch
        {
            HealthCheckCommandKind.TaskScheduler => TaskScheduler(invocation, powerShellPath ?? "pwsh.exe"),
            HealthCheckCommandKind.Cron => Cron(invocation, every, powerShellPath ?? "pwsh"),
            HealthCheckCommandKind.Systemd => Systemd(invocation, every, powerShellPath ?? "/usr/bin/pwsh"),
            HealthCheckCommandKind.DockerHealthcheck => Docker(invocation, every, powerShellPath ?? "pwsh"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scheduler kind."),
        };
    }

    /// <summary>pwsh's arguments for Task Scheduler (no shell: quotes follow the Windows command-line rules).</summary>
    public static string TaskSchedulerArguments(HealthCheckInvocation invocation) =>
        "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -Command " + CommandLineQuote.Windows(invocation.Script());

    private static IbHealthCheckCommand TaskScheduler(HealthCheckInvocation invocation, string program)
    {
        var arguments = TaskSchedulerArguments(invocation);
        return new IbHealthCheckCommand(HealthCheckCommandKind.TaskScheduler, program, arguments,
            CommandLineQuote.Windows(program) + " " + arguments,
            "Program/script: " + program + "; Add arguments: the rest of the line. Register-IbHealthCheckTask creates the task. " +
            "The task's Last Run Result is the exit code: 0 pass, 1 warnings, 2 failure, 3 could not run. A -File script exits with the check's code too, unless it calls exit itself.");
    }

    private static IbHealthCheckCommand Cron(HealthCheckInvocation invocation, TimeSpan every, string program)
    {
        var arguments = "-NoProfile -NonInteractive -Command " + CommandLineQuote.Posix(invocation.Script());
        // cron turns an unescaped % into a newline (crontab(5)).
        var line = $"{CronSchedule(every)} {CommandLineQuote.Posix(program)} {arguments.Replace("%", "\\%")} >/dev/null 2>&1";
        return new IbHealthCheckCommand(HealthCheckCommandKind.Cron, program, arguments, line,
            "Add with 'crontab -e' for the user that owns the gateway's settings folder. cron's PATH is short: give pwsh's full path if it is not in /usr/bin. " +
            "Exit codes: 0 pass, 1 warnings, 2 failure, 3 could not run; write -LogPath to keep a record.");
    }

    private static IbHealthCheckCommand Systemd(HealthCheckInvocation invocation, TimeSpan every, string program)
    {
        var arguments = "-NoProfile -NonInteractive -Command " + CommandLineQuote.Systemd(invocation.Script());
        var minutes = ((long)every.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        var units = new StringBuilder()
            .Append("# /etc/systemd/system/ibconfig-health.service\n")
            .Append("[Unit]\nDescription=IbConfig health check of the IB Gateway API\n\n")
            .Append("[Service]\nType=oneshot\n")
            .Append("ExecStart=").Append(program).Append(' ').Append(arguments).Append('\n')
            .Append("# exit 1 means warnings only: not a failed unit\nSuccessExitStatus=1\n\n")
            .Append("# /etc/systemd/system/ibconfig-health.timer\n")
            .Append("[Unit]\nDescription=Run the IbConfig health check every ").Append(minutes).Append(" min\n\n")
            .Append("[Timer]\nOnBootSec=").Append(minutes).Append("min\nOnUnitActiveSec=").Append(minutes).Append("min\n\n")
            .Append("[Install]\nWantedBy=timers.target\n");
        return new IbHealthCheckCommand(HealthCheckCommandKind.Systemd, program, arguments, units.ToString(),
            "Save both units, then 'systemctl daemon-reload && systemctl enable --now ibconfig-health.timer'. Add User= to the service when " +
            "the module or the settings belong to another user. A run that exits 2 or 3 marks the unit failed (OnFailure= can alert).");
    }

    private static IbHealthCheckCommand Docker(HealthCheckInvocation invocation, TimeSpan every, string program)
    {
        // Docker reserves exit 2 and reads anything but 0 as unhealthy: warnings stay healthy, failures and "could not run" do not.
        var script = invocation.Script("[int]($LASTEXITCODE -ge 2)");
        var json = new JsonWriter().BeginArray()
            .Value(program).Value("-NoProfile").Value("-NonInteractive").Value("-Command").Value(script)
            .EndArray().ToString();
        var line = $"HEALTHCHECK --interval={GoDuration(every)} --timeout=30s --start-period=3m --retries=3 CMD {json}";
        return new IbHealthCheckCommand(HealthCheckCommandKind.DockerHealthcheck, program,
            "-NoProfile -NonInteractive -Command " + CommandLineQuote.Posix(script), line,
            "Add to the gateway image's Dockerfile (or as healthcheck.test in compose). Exec form, so no shell expands $LASTEXITCODE. " +
            "The staged probe sees a logged-out gateway behind the image's socat relay, which a TCP check would not.");
    }

    /// <summary>Every N minutes (N dividing 60) or every N hours (N dividing 24); other intervals have no cron form.</summary>
    public static string CronSchedule(TimeSpan every)
    {
        var minutes = every.TotalMinutes;
        if (minutes == Math.Floor(minutes))
        {
            var m = (int)minutes;
            if (m == 1) return "* * * * *";
            if (m < 60 && 60 % m == 0) return $"*/{m} * * * *";
            if (m == 60) return "0 * * * *";
            if (m == 24 * 60) return "0 0 * * *";
            if (m % 60 == 0 && 24 % (m / 60) == 0) return $"0 */{m / 60} * * *";
        }
        throw HealthCheckFailure.IntervalNotCron(every);
    }

    /// <summary>A Go duration as Docker expects: 5m, 1m30s, 1h.</summary>
    public static string GoDuration(TimeSpan span)
    {
        var text = new StringBuilder();
        if ((int)span.TotalHours > 0) text.Append((int)span.TotalHours).Append('h');
        if (span.Minutes > 0) text.Append(span.Minutes).Append('m');
        if (span.Seconds > 0 || text.Length == 0) text.Append(span.Seconds).Append('s');
        return text.ToString();
    }
}
