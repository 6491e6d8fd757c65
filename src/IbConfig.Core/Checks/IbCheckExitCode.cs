namespace IbConfig.Core.Checks;

/// <summary>
/// The process exit code of a scheduled health check, so Task Scheduler, cron, systemd and Docker can act on it without
/// parsing output.
/// </summary>
public enum IbCheckExitCode
{
    /// <summary>Every check that ran passed.</summary>
    AllPassed = 0,

    /// <summary>Warnings, but no failure.</summary>
    Warnings = 1,

    /// <summary>At least one check failed.</summary>
    Failures = 2,

    /// <summary>The checklist could not run at all (bad arguments, no settings found, an unexpected error).</summary>
    CouldNotRun = 3,
}
