using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>
/// Turns the checklist's settings fixes into changes of the stores, in memory: each fix is planned against the stores as the
/// fixes before it left them, and applied only when the caller agrees, so every file collects all its changes and is
/// written once (one backup per file). Writing is the caller's job, through the guarded writer.
/// </summary>
public sealed class SettingsRepairPlanner
{
    private readonly SettingsStoreSet _stores;
    private readonly List<ISettingsStore> _changed = new();

    public SettingsRepairPlanner(SettingsStoreSet stores) => _stores = stores;

    /// <summary>The stores holding applied changes, in the order first changed: each to be written once.</summary>
    public IReadOnlyList<ISettingsStore> Changed => _changed;

    /// <summary>The results a repair acts on: failures and warnings whose remedy is a settings change.</summary>
    public static IEnumerable<IbCheckResult> Repairable(IEnumerable<IbCheckResult> results) =>
        results.Where(r => r.Fix is not null && r.Status is IbCheckStatus.Fail or IbCheckStatus.Warn);

    /// <summary>Plans one result's fix against the stores as they stand now.</summary>
    public RepairStep Plan(IbCheckResult result)
    {
        var fix = result.Fix ?? throw new System.ArgumentException($"{result.Id} has no settings fix.", nameof(result));
        var errors = new List<IbConfigException>();
        var plans = new List<(ISettingsStore, SettingPlan)>();
        IReadOnlyList<ISettingsStore> targets;
        try
        {
            targets = _stores.Targets(fix.Target, fix.SettingNames.ToArray());
        }
        catch (IbConfigException ex)
        {
            return new RepairStep(result, fix, plans, new[] { ex });
        }

        var edit = fix.TrustedIpOperation is { } operation ? TrustedIpEdit.Create(operation, _stores.CurrentTrustedList(), fix.Addresses, force: false) : null;
        foreach (var store in targets)
        {
            try
            {
                var plan = edit is null ? store.Plan(fix.Settings, fix.AllowLivePort) : store.PlanTrustedIps(edit);
                errors.AddRange(plan.Errors.Where(e => !errors.Any(x => x.Message == e.Message)));
                plans.Add((store, plan));
            }
            catch (IbConfigException ex)
            {
                errors.Add(ex);
            }
        }
        return new RepairStep(result, fix, plans, errors);
    }

    /// <summary>Applies a planned step to the stores in memory.</summary>
    public void Apply(RepairStep step)
    {
        if (!step.HasChanges) return;
        foreach (var (store, plan) in step.Plans.Where(p => p.Plan.HasChanges))
        {
            store.Apply(plan);
            if (!_changed.Contains(store)) _changed.Add(store);
        }
    }
}
