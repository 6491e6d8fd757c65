namespace IbConfig.Core.Health;

/// <summary>Where a scheduled health check runs; each has its own quoting rules and exit-code meaning.</summary>
public enum HealthCheckCommandKind
{
    /// <summary>Windows Task Scheduler: a program and its arguments, no shell in between.</summary>
    TaskScheduler,

    /// <summary>A crontab line (Linux, macOS): /bin/sh quoting, and <c>%</c> is special to cron.</summary>
    Cron,

    /// <summary>A systemd service and timer: <c>$</c> and <c>%</c> are special in unit files; exit 1 (warnings) counts as success.</summary>
    Systemd,

    /// <summary>A Dockerfile HEALTHCHECK: exec form (no shell), and Docker only knows 0 healthy / 1 unhealthy.</summary>
    DockerHealthcheck,
}
