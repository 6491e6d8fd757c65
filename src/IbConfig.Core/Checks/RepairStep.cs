using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>One check's fix, planned against the stores as they stand: the change in each store it reaches, or why it cannot be made.</summary>
public sealed class RepairStep
{
    internal RepairStep(IbCheckResult result, SettingsFix fix, StoreEditPlan plan)
    {
        Result = result;
        Fix = fix;
        Plan = plan;
    }

    /// <summary>The failing or warning check the step fixes.</summary>
    public IbCheckResult Result { get; }

    public SettingsFix Fix { get; }

    /// <summary>Each target store and its changes (stores already holding the value have none), errors and warnings.</summary>
    public StoreEditPlan Plan { get; }

    /// <summary>Why (part of) the fix cannot be made: an invalid value, a store that cannot be edited.</summary>
    public IReadOnlyList<IbConfigException> Errors => Plan.Errors;

    public bool HasChanges => Plan.HasChanges;

    /// <summary>"NoOpenTrustedIps: remove 0.0.0.0 from the trusted IPs in jts.ini ([IBGateway] TrustedIPs: ... (line 3))": what -WhatIf shows.</summary>
    public string Describe() =>
        $"{Result.Id}: {Fix.Describe()} in " + string.Join("; ", Plan.Changes.Select(e => $"{System.IO.Path.GetFileName(e.Path)} ({e.Plan.Describe()})"));
}
