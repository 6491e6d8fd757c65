using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Plans an edit across the stores of one gateway without writing anything: which stores it goes to, each store's
/// changes, the validation errors (once, not once per store) and the warnings. <see cref="StoreEditApplier"/> writes it.
/// </summary>
public sealed class StoreEditPlanner
{
    private readonly SettingsStoreSet _stores;

    public StoreEditPlanner(SettingsStoreSet stores) => _stores = stores ?? throw new ArgumentNullException(nameof(stores));

    /// <summary>Sets API settings: a plan with a bad value has no changes at all (all or nothing).</summary>
    public StoreEditPlan PlanSettings(IReadOnlyCollection<SettingRequest> requests, StoreTargets targets, bool allowLivePort)
    {
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        var names = requests.Select(r => r.Setting.Name).ToArray();
        return Plan(() => _stores.Targets(targets, names), targets, store => store.Plan(requests, allowLivePort), validationErrors: null);
    }

    /// <summary>
    /// Adds, removes or replaces trusted addresses (docs/trusted-ips.md): each bad entry is its own error and the rest
    /// still apply; by default a removal reaches every store that grants an address, and an addition or replacement every
    /// store the gateway reads, IBC's config.ini included where IBC rewrites jts.ini at every start.
    /// </summary>
    public StoreEditPlan PlanTrustedIps(TrustedIpOperation operation, IEnumerable<string> entries, StoreTargets targets, bool force)
    {
        var edit = TrustedIpEdit.Create(operation, _stores.CurrentTrustedList(), entries, force);
        return Plan(() => _stores.TrustedIpTargets(operation, targets), targets, store => store.PlanTrustedIps(edit), edit.Errors);
    }

    private StoreEditPlan Plan(Func<IReadOnlyList<ISettingsStore>> targetsOf, StoreTargets targets, Func<ISettingsStore, SettingPlan> plan,
        IReadOnlyList<IbConfigException>? validationErrors)
    {
        var errors = new List<IbConfigException>();
        var warnings = new List<SettingWarning>();
        if (targets.Only is null && _stores.Profile is { IsReadable: false } profile)
            warnings.Add(new SettingWarning("ProfileXmlLeftUnchanged", $"{profile.Problem} It is left unchanged.", store: SettingStore.ProfileXml));

        IReadOnlyList<ISettingsStore> stores;
        try
        {
            stores = targetsOf();
        }
        catch (IbConfigException ex)
        {
            return new StoreEditPlan(Array.Empty<StoreEdit>(), new[] { ex }, warnings);
        }

        var edits = new List<StoreEdit>();
        foreach (var store in stores)
        {
            try
            {
                edits.Add(new StoreEdit(store, plan));
            }
            catch (IbConfigException ex)
            {
                errors.Add(ex);
            }
        }

        // The same requests are validated by every store: report their errors once.
        errors.InsertRange(0, validationErrors ?? edits.FirstOrDefault()?.Plan.Errors ?? Array.Empty<IbConfigException>());
        foreach (var edit in edits)
        {
            foreach (var note in edit.Plan.Notes)
            {
                if (!warnings.Any(w => w.Message == note)) warnings.Add(new SettingWarning("PlanNote", note, store: edit.Kind));
            }
        }

        // A plan whose every store failed validation writes nothing, and reports no store as unchanged either.
        if (edits.All(e => !e.HasChanges && !e.Plan.CanApply)) edits.Clear();
        return new StoreEditPlan(edits, errors, warnings);
    }
}
