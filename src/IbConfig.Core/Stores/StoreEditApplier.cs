using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Stores;

/// <summary>
/// Writes a <see cref="StoreEditPlan"/>: each changed store through the one guarded writer (running-gateway guard unless
/// forced, backup, atomic replace), one file at a time; a store that fails does not stop the others.
/// </summary>
public sealed class StoreEditApplier
{
    private readonly ConfigFileWriter _writer;

    public StoreEditApplier(ConfigFileWriter writer) => _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    public StoreEditOutcome Apply(StoreEditPlan plan, bool force)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        var results = new List<IbStoreWriteResult>();
        var errors = new List<IbConfigException>();
        var warnings = new List<string>();
        foreach (var edit in plan.Edits)
        {
            if (!edit.HasChanges)
            {
                if (edit.Plan.CanApply) results.Add(new IbStoreWriteResult(edit.Kind, edit.Path, IbStoreWriteResult.Unchanged, Array.Empty<Settings.SettingChange>(), null));
                continue;
            }

            try
            {
                if (force && _writer.RunningGatewayWarning(edit.Path) is { } warning) warnings.Add(warning);
                edit.Store.Apply(edit.Plan);
                var written = _writer.Write(edit.Path, edit.Store.ToBytes(), force);
                results.Add(new IbStoreWriteResult(edit.Kind, edit.Path, written.Changed ? IbStoreWriteResult.Changed : IbStoreWriteResult.Unchanged,
                    written.Changed ? edit.Plan.Changes.ToArray() : Array.Empty<Settings.SettingChange>(), written.BackupPath));
            }
            catch (IbConfigException ex)
            {
                errors.Add(ex);
            }
        }

        return new StoreEditOutcome(results, errors, warnings);
    }
}
