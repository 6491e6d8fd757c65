using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// An edit across stores, worked out before anything is written (<see cref="StoreEditPlanner"/>): per store its changes,
/// the errors (each once), the warnings (each naming its store), and whether it selects a live-trading port. The caller
/// asks the user between planning and <see cref="StoreEditApplier.Apply"/>.
/// </summary>
public sealed class StoreEditPlan
{
    internal StoreEditPlan(IEnumerable<StoreEdit> edits, IEnumerable<IbConfigException> errors, IEnumerable<SettingWarning> warnings)
    {
        Edits = edits.ToArray();
        Errors = errors.ToArray();
        Warnings = warnings.ToArray();
    }

    /// <summary>Every target store that could be planned, those already holding the values included.</summary>
    public IReadOnlyList<StoreEdit> Edits { get; }

    /// <summary>What was wrong: a bad value or address (once, not once per store), a store that cannot be edited.</summary>
    public IReadOnlyList<IbConfigException> Errors { get; }

    public IReadOnlyList<SettingWarning> Warnings { get; }

    public bool HasChanges => Edits.Any(e => e.HasChanges);

    /// <summary>True when a change sets a live-trading port (7496 or 4001): it deserves a High-impact confirmation.</summary>
    public bool SelectsLivePort => Edits.Any(e => e.HasChanges && e.Plan.SelectsLivePort);

    /// <summary>The stores that would change.</summary>
    public IEnumerable<StoreEdit> Changes => Edits.Where(e => e.HasChanges);

    /// <summary>
    /// The plan without the changes the user declined (-WhatIf, -Confirm): <paramref name="approve"/> is asked once per
    /// store that would change; stores already holding the values stay, so they are reported as unchanged.
    /// </summary>
    public StoreEditPlan Approved(Func<StoreEdit, bool> approve)
    {
        if (approve is null) throw new ArgumentNullException(nameof(approve));
        var kept = Edits.Where(e => !e.HasChanges || approve(e)).ToList();
        return new StoreEditPlan(kept, Errors, Warnings) { Declined = Declined + Edits.Count - kept.Count };
    }

    /// <summary>How many stores' changes the user declined.</summary>
    public int Declined { get; private set; }
}
