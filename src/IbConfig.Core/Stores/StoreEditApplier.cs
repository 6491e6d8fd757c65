using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Stores;

/// <summary>
/// Writes a <see cref="StoreEditPlan"/>: each changed store through the one guarded writer (running-gateway guard unless
/// forced, the file's lock, backup, atomic replace, pruning), one file at a time; a store that fails does not stop the
/// others. Under the lock the writer checks that the file still holds the bytes the plan was made from, so another
/// writer's change is never overwritten and no change is reported that is not in the file (ConfigFileChangedSinceRead).
/// </summary>
public sealed class StoreEditApplier
{
    private readonly ConfigFileWriter _writer;

    public StoreEditApplier(ConfigFileWriter writer) => _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <param name="force">Write although IB Gateway / TWS runs, and into a section holding lines the parser cannot read.</param>
    /// <param name="keepBackups">How many backups of each file to keep.</param>
    public StoreEditOutcome Apply(StoreEditPlan plan, bool force, int keepBackups = ConfigBackup.DefaultKeep)
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
                if (!force) edit.Store.RefuseUnreadableLines(edit.Plan);
                edit.Store.Apply(edit.Plan);
                var written = _writer.Write(edit.Path, edit.Store.ToBytes(), force, expected: edit.ReadBytes, keepBackups: keepBackups);
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
