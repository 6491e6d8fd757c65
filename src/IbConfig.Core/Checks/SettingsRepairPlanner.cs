using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Checks;

/// <summary>
/// Turns the checklist's settings fixes into changes of the stores, in memory: each fix is planned (by the same
/// <see cref="StoreEditPlanner"/> as Set-IbApiSetting and the trusted-IP cmdlets) against the stores as the fixes before it
/// left them, and applied only when the caller agrees, so every file collects all its changes and is written once (one
/// backup per file). Writing is the caller's job, through the guarded writer.
/// </summary>
public sealed class SettingsRepairPlanner
{
    private readonly StoreEditPlanner _planner;
    private readonly List<ISettingsStore> _changed = new();
    private readonly Dictionary<ISettingsStore, byte[]> _read = new();

    public SettingsRepairPlanner(SettingsStoreSet stores) => _planner = new StoreEditPlanner(stores);

    /// <summary>The stores holding applied changes, in the order first changed: each to be written once.</summary>
    public IReadOnlyList<ISettingsStore> Changed => _changed;

    /// <summary>The bytes a changed store held before the repair touched it: the write refuses a file that no longer holds them.</summary>
    public byte[] ContentRead(ISettingsStore store) => _read[store];

    /// <summary>The results a repair acts on: failures and warnings whose remedy is a settings change.</summary>
    public static IEnumerable<IbCheckResult> Repairable(IEnumerable<IbCheckResult> results) =>
        results.Where(r => r.Fix is not null && r.StatusValue is IbCheckStatus.Fail or IbCheckStatus.Warn);

    /// <summary>Plans one result's fix against the stores as they stand now.</summary>
    public RepairStep Plan(IbCheckResult result)
    {
        var fix = result.Fix ?? throw new System.ArgumentException($"{result.Id} has no settings fix.", nameof(result));
        var plan = fix.TrustedIpOperationValue is { } operation
            ? _planner.PlanTrustedIps(operation, fix.Addresses, fix.Target, force: false)
            : _planner.PlanSettings(fix.Settings.ToArray(), fix.Target, fix.AllowLivePort);
        return new RepairStep(result, fix, plan);
    }

    /// <summary>Applies a planned step to the stores in memory.</summary>
    public void Apply(RepairStep step)
    {
        foreach (var edit in step.Plan.Changes)
        {
            if (!_changed.Contains(edit.Store))
            {
                _read[edit.Store] = edit.Store.ToBytes();
                _changed.Add(edit.Store);
            }
            edit.Store.Apply(edit.Plan);
        }
    }
}
