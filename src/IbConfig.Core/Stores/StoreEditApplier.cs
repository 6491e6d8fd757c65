using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Writes a <see cref="StoreEditPlan"/>: each changed store through the one guarded writer (running-gateway guard unless
/// forced, the file's lock, backup, atomic replace, pruning), one file at a time; a store that fails does not stop the
/// others. The content written is settled under the file's lock (docs/write-safety.md, "Planning under the lock"): a file
/// that still holds the bytes the plan was made from gets the plan; a file another writer changed meanwhile is planned
/// again on what it holds now, and written when that gives the very changes the user approved, refused otherwise
/// (ConfigFileChangedSinceRead). Either way no change is reported that is not in the file.
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
        var notes = new List<string>();
        foreach (var edit in plan.Edits)
        {
            if (!edit.HasChanges)
            {
                if (edit.Plan.CanApply) results.Add(new IbStoreWriteResult(edit.Kind, edit.Path, IbStoreWriteResult.Unchanged, Array.Empty<SettingChange>(), null));
                continue;
            }

            try
            {
                if (force && _writer.RunningGatewayWarning(edit.Path) is { } warning) warnings.Add(warning);
                if (!force) edit.Store.RefuseUnreadableLines(edit.Plan);
                var applied = edit.Plan;
                var written = _writer.Write(edit.Path, current =>
                {
                    var store = edit.Store;
                    if (current is null || !ConfigFileWriter.SameBytes(current, edit.ReadBytes))
                    {
                        (store, applied) = PlanAgain(edit, current, force);
                        notes.Add($"{edit.Kind} '{edit.Path}' changed after it was read (another writer); planned again on its new content, which gave the same changes: {applied.Describe()}");
                    }

                    store.Apply(applied);
                    return store.ToBytes();
                }, force, keepBackups: keepBackups, contentRead: edit.ReadBytes);
                results.Add(new IbStoreWriteResult(edit.Kind, edit.Path, written.Changed ? IbStoreWriteResult.Changed : IbStoreWriteResult.Unchanged,
                    written.Changed ? applied.Changes.ToArray() : Array.Empty<SettingChange>(), written.BackupPath));
            }
            catch (IbConfigException ex)
            {
                errors.Add(ex);
            }
        }

        return new StoreEditOutcome(results, errors, warnings, notes);
    }

    /// <summary>
    /// Plans <paramref name="edit"/> again on <paramref name="current"/>, what the file holds under its lock. The user
    /// approved "these places, from these values, to these": only a plan giving exactly that may be written.
    /// </summary>
    private static (ISettingsStore Store, SettingPlan Plan) PlanAgain(StoreEdit edit, byte[]? current, bool force)
    {
        if (current is null) throw FileAccessFailure.ChangedSinceRead(edit.Path); // deleted meanwhile: nothing to plan on
        var store = edit.Store.Reread(current);
        var again = store.IsReadable ? edit.PlanOn(store) : null;
        if (again is null || !again.CanApply || !SameChanges(edit.Plan.Changes, again.Changes))
        {
            var places = edit.Plan.Changes.Concat(again?.Changes ?? Array.Empty<SettingChange>())
                .Where(c => again is null || !again.Changes.Any(a => Same(a, c)) || !edit.Plan.Changes.Any(o => Same(o, c)))
                .Select(Place).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            throw FileAccessFailure.ChangedSinceRead(edit.Path, places);
        }

        if (!force) store.RefuseUnreadableLines(again);
        return (store, again);
    }

    private static bool SameChanges(IReadOnlyList<SettingChange> approved, IReadOnlyList<SettingChange> again) =>
        approved.Count == again.Count && approved.All(a => again.Any(b => Same(a, b)));

    // The same place, from the same value, to the same value; line numbers may differ (the other writer added lines above).
    private static bool Same(SettingChange a, SettingChange b) =>
        string.Equals(a.Section, b.Section, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Key, b.Key, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.OldValue, b.OldValue, StringComparison.Ordinal) && string.Equals(a.NewValue, b.NewValue, StringComparison.Ordinal);

    private static string Place(SettingChange change) => change.Section.Length == 0 ? change.Key : $"[{change.Section}] {change.Key}";
}
