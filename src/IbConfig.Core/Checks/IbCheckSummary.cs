using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Checks;

/// <summary>The counts of one checklist run, its overall status and the exit code a scheduler sees.</summary>
public sealed class IbCheckSummary
{
    private IbCheckSummary(int passed, int warnings, int failed, int skipped)
    {
        Passed = passed;
        Warnings = warnings;
        Failed = failed;
        Skipped = skipped;
    }

    public int Total => Passed + Warnings + Failed + Skipped;

    public int Passed { get; }

    public int Warnings { get; }

    public int Failed { get; }

    public int Skipped { get; }

    /// <summary>Fail if anything failed, else Warn if anything warned, else Pass (also when every check was skipped).</summary>
    public IbCheckStatus Status => Failed > 0 ? IbCheckStatus.Fail : Warnings > 0 ? IbCheckStatus.Warn : IbCheckStatus.Pass;

    /// <summary>0 all pass, 1 warnings only, 2 any failure (3, could not run, is decided by the caller that failed to run).</summary>
    public IbCheckExitCode ExitCode => Failed > 0 ? IbCheckExitCode.Failures : Warnings > 0 ? IbCheckExitCode.Warnings : IbCheckExitCode.AllPassed;

    public static IbCheckSummary Of(IEnumerable<IbCheckResult> results)
    {
        if (results is null) throw new ArgumentNullException(nameof(results));
        var list = results as IReadOnlyCollection<IbCheckResult> ?? results.ToList();
        return new IbCheckSummary(
            list.Count(r => r.StatusValue == IbCheckStatus.Pass),
            list.Count(r => r.StatusValue == IbCheckStatus.Warn),
            list.Count(r => r.StatusValue == IbCheckStatus.Fail),
            list.Count(r => r.StatusValue == IbCheckStatus.Skipped));
    }

    /// <summary>The summary line: "Fail: 12 passed, 2 warnings, 1 failed, 3 skipped".</summary>
    public override string ToString() =>
        $"{Status}: {Passed} passed, {Warnings} warning{(Warnings == 1 ? "" : "s")}, {Failed} failed, {Skipped} skipped";
}
