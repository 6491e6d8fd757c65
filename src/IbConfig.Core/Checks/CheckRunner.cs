using System;
using System.Collections.Generic;

namespace IbConfig.Core.Checks;

/// <summary>
/// Runs checks over one context, in order. A check that throws does not stop the checklist: it reports a warning that says
/// it could not tell, because one unreadable file must not hide the other findings.
/// </summary>
public static class CheckRunner
{
    public static IReadOnlyList<IbCheckResult> Run(IEnumerable<IbCheck> checks, CheckContext context)
    {
        if (checks is null) throw new ArgumentNullException(nameof(checks));
        if (context is null) throw new ArgumentNullException(nameof(context));
        var results = new List<IbCheckResult>();
        foreach (var check in checks)
        {
            if (check.IsLive && context.Request.Offline)
            {
                results.Add(new IbCheckResult(check.Id, check.Name, check.Category, IbCheckStatus.Skipped, string.Empty,
                    "Skipped: -Offline", "live", null));
                continue;
            }
            try
            {
                results.AddRange(check.Evaluate(context));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Add(new IbCheckResult(check.Id, check.Name, check.Category, IbCheckStatus.Warn, string.Empty,
                    $"Could not check: {ex.Message}", string.Empty, null));
            }
        }
        return results;
    }
}
