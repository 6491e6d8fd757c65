namespace IbConfig.Core.Checks;

/// <summary>The outcome of one check. Skipped checks (e.g. live checks with -Offline) do not affect the exit code.</summary>
public enum IbCheckStatus
{
    Pass,
    Warn,
    Fail,
    Skipped,
}
