using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>One check's fix, planned against the stores as they stand: the change in each store it reaches, or why it cannot be made.</summary>
public sealed class RepairStep
{
    internal RepairStep(IbCheckResult result, SettingsFix fix, IReadOnlyList<(ISettingsStore Store, SettingPlan Plan)> plans, IReadOnlyList<IbConfigException> errors)
    {
        Result = result;
        Fix = fix;
        Plans = plans;
        Errors = errors;
    }

    /// <summary>The failing or warning check the step fixes.</summary>
    public IbCheckResult Result { get; }

    public SettingsFix Fix { get; }

    /// <summary>Each target store and its changes (stores already holding the value have none).</summary>
    public IReadOnlyList<(ISettingsStore Store, SettingPlan Plan)> Plans { get; }

    /// <summary>Why the fix cannot be made (an invalid value, an encrypted profile); a step with errors changes nothing.</summary>
    public IReadOnlyList<IbConfigException> Errors { get; }

    public bool HasChanges => Errors.Count == 0 && Plans.Any(p => p.Plan.HasChanges);

    /// <summary>"LocalhostTrusted: add 127.0.0.1 to the trusted IPs in jts.ini (TrustedIPs: 10.0.0.5 -> 10.0.0.5,127.0.0.1 (line 3))": what -WhatIf shows.</summary>
    public string Describe() =>
        $"{Result.Id}: {Fix.Describe()} in " + string.Join("; ", Plans.Where(p => p.Plan.HasChanges).Select(p => $"{System.IO.Path.GetFileName(p.Store.Path)} ({p.Plan.Describe()})"));
}
