using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell;

/// <summary>
/// Base of the cmdlets that read or write every store of a gateway (jts.ini, the profile XML, IBC's config.ini): the
/// <c>-Profile</c> and <c>-IbcConfigPath</c> parameters, opening the stores, and the guarded write of each target store
/// with one result object per store.
/// </summary>
public abstract class IbSettingsStoreCmdlet : IbConfigFileCmdlet
{
    /// <summary>The profile folder (or its ibg.xml / tws.xml). Default: the profile jts.ini names, found beside it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfilePath")]
    [AllowNull, AllowEmptyString] // settings objects without a profile pipe in a null ProfilePath
    public string? Profile { get; set; }

    /// <summary>IBC's config.ini. Default: $env:IBC_INI, else IBC's usual places.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? IbcConfigPath { get; set; }

    /// <summary>Opens the stores; on failure writes a non-terminating error and returns null.</summary>
    protected SettingsStoreSet? OpenStores()
    {
        // Find-IbConfig also lists profile files and IBC's config.ini: piped in as -Path they name those stores, not a jts.ini.
        string? path = Path, profile = NullIfEmpty(Profile), ibc = NullIfEmpty(IbcConfigPath);
        string name = string.IsNullOrEmpty(path) ? string.Empty : System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (profile is null && ProfileXmlDocument.ProductOf(name) is not null) (profile, path) = (path, null);
        else if (ibc is null && name == "config.ini") (ibc, path) = (path, null);

        bool namesOtherStores = profile is not null || ibc is not null;
        string? jtsIni = !string.IsNullOrEmpty(path) ? ResolveFileSystemPath(path!)
            : profile is not null && ProfileFileFinder.SettingsFileOf(ResolveFileSystemPath(profile)) is { } beside ? beside
            : namesOtherStores ? ConfigLocator.ForThisMachine().FindFirstExisting() : ResolveConfigPath();
        try
        {
            var set = SettingsStoreSet.Open(jtsIni, profile is null ? null : ResolveFileSystemPath(profile), ibc is null ? null : ResolveFileSystemPath(ibc),
                IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows)));
            foreach (var store in set.Stores) WriteVerbose($"Reading {store.Kind} '{store.Path}'{(store.IsReadable ? "" : " (unreadable)")}.");
            return set;
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return null;
        }
    }

    /// <summary>
    /// Plans a change in every target store and writes it: validation errors (the same for every store) are written once
    /// (a settings plan with errors has no changes; a trusted-IP plan keeps those of its valid entries); a store that
    /// cannot be edited (an encrypted profile) fails alone. Emits one <see cref="IbStoreWriteResult"/> per store written or
    /// already up to date, unless the cmdlet returns something else (-PassThru).
    /// </summary>
    protected void WriteStores(IReadOnlyList<ISettingsStore> targets, Func<ISettingsStore, SettingPlan> plan, bool emitResults, Func<bool>? confirmLivePort = null)
    {
        var plans = new List<(ISettingsStore Store, SettingPlan Plan)>();
        foreach (var store in targets)
        {
            try
            {
                plans.Add((store, plan(store)));
            }
            catch (IbConfigException ex)
            {
                WriteIbError(ex);
            }
        }

        if (plans.Count == 0) return;
        foreach (var error in plans[0].Plan.Errors) WriteIbError(error);
        foreach (var note in plans.SelectMany(p => p.Plan.Notes).Distinct()) WriteWarning(note);
        if (plans.All(p => !p.Plan.HasChanges && !p.Plan.CanApply)) return;
        if (confirmLivePort is not null && plans.Any(p => p.Plan.HasChanges && p.Plan.SelectsLivePort) && !confirmLivePort()) return;

        foreach (var (store, storePlan) in plans)
        {
            if (!storePlan.HasChanges && storePlan.CanApply)
            {
                WriteVerbose($"{store.Kind} '{store.Path}' already holds these values; nothing to change.");
                if (emitResults) WriteObject(new IbStoreWriteResult(store.Kind, store.Path, "Unchanged", Array.Empty<SettingChange>(), null));
                continue;
            }

            if (!storePlan.HasChanges) continue;
            store.Apply(storePlan);
            WriteVerbose($"Changing {store.Kind} '{store.Path}': {storePlan.Describe()}");
            var written = SaveFile(store.Path, store.ToBytes(), "Set " + storePlan.Describe());
            if (written is not null && emitResults) WriteObject(new IbStoreWriteResult(store.Kind, store.Path, written.Changed ? "Changed" : "Unchanged", storePlan.Changes.ToArray(), written.BackupPath));
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The stores a write goes to; a named store that does not exist is a non-terminating error (empty list).</summary>
    protected IReadOnlyList<ISettingsStore> TargetsOf(SettingsStoreSet set, StoreTarget target, IReadOnlyCollection<string> settings)
    {
        if (set.Profile is { IsReadable: false } profile && target is StoreTarget.Governing or StoreTarget.All)
            WriteWarning($"{profile.Problem} It is left unchanged.");
        try
        {
            return set.Targets(target, settings);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return Array.Empty<ISettingsStore>();
        }
    }
}
