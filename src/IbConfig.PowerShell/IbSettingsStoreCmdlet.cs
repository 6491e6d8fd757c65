using System;
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
/// <c>-Profile</c> and <c>-IbcConfigPath</c> parameters, opening the stores, and writing what Core's
/// <see cref="StoreEditPlanner"/> and <see cref="StoreEditApplier"/> report. The workflow itself is Core's; a derived
/// cmdlet reads: open, plan, <see cref="Approve"/>, apply, <see cref="WriteOutcome"/>.
/// </summary>
public abstract class IbSettingsStoreCmdlet : IbConfigFileCmdlet
{
    /// <summary>The value of <c>-Source</c> that merges every store.</summary>
    protected const string Effective = nameof(Effective);

    /// <summary>The profile folder (or its ibg.xml / tws.xml). Default: the profile jts.ini names, found beside it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfilePath")]
    [AllowNull, AllowEmptyString] // settings objects without a profile pipe in a null ProfilePath
    public string? Profile { get; set; }

    /// <summary>IBC's config.ini. Default: $env:IBC_INI, else IBC's usual places.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? IbcConfigPath { get; set; }

    /// <summary>
    /// Opens the stores named by <paramref name="path"/>, <paramref name="profile"/> and <paramref name="ibcConfigPath"/>
    /// (each may be null: found as the machine's defaults); on failure writes a non-terminating error and returns null.
    /// </summary>
    protected SettingsStoreSet? OpenStores(string? path, string? profile, string? ibcConfigPath)
    {
        // Find-IbConfig also lists profile files and IBC's config.ini: piped in as -Path they name those stores, not a jts.ini.
        profile = NullIfEmpty(profile);
        string? ibc = NullIfEmpty(ibcConfigPath);
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

    /// <summary>The store a <c>-Source</c> value names; null for <see cref="Effective"/>.</summary>
    protected static SettingStore? StoreOf(string source) =>
        string.Equals(source, Effective, StringComparison.OrdinalIgnoreCase) ? null : (SettingStore)Enum.Parse(typeof(SettingStore), source, ignoreCase: true);

    /// <summary>
    /// Writes the plan's errors and warnings, then asks ShouldProcess once per store that would change (-WhatIf lists each
    /// change, -Confirm asks per file). Returns the approved plan, or null when there is nothing to apply.
    /// </summary>
    protected StoreEditPlan? Approve(StoreEditPlan plan)
    {
        foreach (var error in plan.Errors) WriteIbError(error);
        foreach (var warning in plan.Warnings) WriteWarning(warning.Message);
        if (plan.Edits.Count == 0) return null;
        foreach (var edit in plan.Edits.Where(e => !e.HasChanges)) WriteVerbose($"{edit.Kind} '{edit.Path}' already holds these values; nothing to change.");
        return plan.Approved(edit =>
        {
            WriteVerbose($"Changing {edit.Kind} '{edit.Path}': {edit.Plan.Describe()}");
            return ShouldProcess(edit.Path, edit.Describe());
        });
    }

    /// <summary>Writes what the apply did: its warnings, one error per failed store, and (when <paramref name="emit"/>) one result per store.</summary>
    protected void WriteOutcome(StoreEditOutcome outcome, bool emit)
    {
        foreach (var note in outcome.Notes) WriteVerbose(note);
        foreach (var warning in outcome.Warnings) WriteWarning(warning);
        foreach (var error in outcome.Errors) WriteIbError(error);
        foreach (var result in outcome.Results)
        {
            if (result.BackupPath is not null) WriteVerbose($"Saved the previous content of '{result.Path}' to '{result.BackupPath}'.");
            WriteVerbose($"{result.Store} '{result.Path}': {result.Status}.");
            if (emit) WriteObject(result);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
