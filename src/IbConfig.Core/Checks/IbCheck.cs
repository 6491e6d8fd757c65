using System.Collections.Generic;

namespace IbConfig.Core.Checks;

/// <summary>
/// One item of the checklist: a small pure function over a <see cref="CheckContext"/> (the settings, stores, processes and
/// live results gathered beforehand), so each check is unit-tested with fixtures and never touches the machine itself.
/// </summary>
public abstract class IbCheck
{
    public abstract string Id { get; }

    public abstract string Name { get; }

    public abstract IbCheckCategory Category { get; }

    /// <summary>Live checks need the running gateway; -Offline skips them.</summary>
    public bool IsLive => Category == IbCheckCategory.Live;

    /// <summary>Usually one result; a check over several instances or stores may return one per item.</summary>
    public abstract IEnumerable<IbCheckResult> Evaluate(CheckContext context);

    protected IbCheckResult Pass(string expected, string actual, string source) =>
        Result(IbCheckStatus.Pass, expected, actual, source, null);

    protected IbCheckResult Warn(string expected, string actual, string source, string? remedy) =>
        Result(IbCheckStatus.Warn, expected, actual, source, remedy);

    protected IbCheckResult Fail(string expected, string actual, string source, string? remedy) =>
        Result(IbCheckStatus.Fail, expected, actual, source, remedy);

    protected IbCheckResult Skip(string expected, string reason) =>
        Result(IbCheckStatus.Skipped, expected, reason, string.Empty, null);

    protected IbCheckResult Result(IbCheckStatus status, string expected, string actual, string source, string? remedy) =>
        new(Id, Name, Category, status, expected, actual, source, remedy);
}
