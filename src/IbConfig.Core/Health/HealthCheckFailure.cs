using System;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Health;

/// <summary>The failures of scheduling a health check and of writing its log.</summary>
internal static class HealthCheckFailure
{
    public static IbConfigException IntervalTooShort(TimeSpan every) =>
        new("HealthCheckIntervalTooShort", IbErrorKind.InvalidArgument,
            $"A health check every {every} is too often: schedulers repeat at most once a minute. Use -Every 00:01:00 or more.", every);

    public static IbConfigException IntervalNotCron(TimeSpan every) =>
        new("HealthCheckIntervalNotCron", IbErrorKind.InvalidArgument,
            $"cron cannot repeat every {every}: use a number of minutes that divides 60 (1, 2, 5, 10, 15, 30) or of hours that divides 24.", every);

    public static IbConfigException IntervalOutOfRange(TimeSpan every) =>
        new("HealthCheckIntervalOutOfRange", IbErrorKind.InvalidArgument,
            $"Task Scheduler repeats a task every 1 minute to 31 days; {every} is outside that. Use for example -Every 00:05:00.", every);

    public static IbConfigException LogWriteFailed(string path, Exception ex) =>
        new("HealthCheckLogWriteFailed", IbErrorKind.WriteError,
            $"Cannot append to the health-check log {path}: {ex.Message} Choose a -LogPath in a folder the task's user can write to.", path, ex);

    public static IbConfigException TaskAccessDenied(string action, string taskName, int exitCode, string why) =>
        new("HealthCheckTaskAccessDenied", IbErrorKind.PermissionDenied,
            $"schtasks could not {action} the task {taskName} (exit {exitCode}): {why} Run PowerShell as administrator (needed for -RunAsSystem and for tasks other users created).", taskName);

    public static IbConfigException TaskFailed(string action, string taskName, int exitCode, string why) =>
        new("HealthCheckTaskFailed", IbErrorKind.InvalidOperation,
            $"schtasks could not {action} the task {taskName} (exit {exitCode}): {why} Check the task in Task Scheduler (taskschd.msc) and try again.", taskName);
}
