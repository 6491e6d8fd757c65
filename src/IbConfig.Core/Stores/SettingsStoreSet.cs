using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// The stores that configure one gateway: its jts.ini, its profile XML (named or found beside jts.ini) and IBC's
/// config.ini (named or found in IBC's usual places). Gives the effective settings, each store's own view, the conflicts,
/// and the stores a write goes to.
/// </summary>
public sealed class SettingsStoreSet
{
    /// <summary>The warning code of a setting on which the stores disagree.</summary>
    public const string StoresDisagree = nameof(StoresDisagree);

    private readonly List<SettingWarning> _warnings = new();

    private SettingsStoreSet(JtsIniStore? jtsIni, ProfileXmlStore? profile, IbcConfigStore? ibc, IEnumerable<SettingWarning> warnings)
    {
        JtsIni = jtsIni;
        Profile = profile;
        Ibc = ibc;
        _warnings.AddRange(warnings);
        if (profile is { IsReadable: false }) _warnings.Add(new SettingWarning("ProfileXmlUnreadable", profile.Problem!, store: SettingStore.ProfileXml));
        if (ibc is not null && ibc.Config.Diagnostics.Count > 0)
            _warnings.AddRange(ibc.Config.Diagnostics.Select(d => new SettingWarning("IbcMalformedLine", d.Message, null, d.Line, SettingStore.Ibc)));
    }

    public JtsIniStore? JtsIni { get; }

    public ProfileXmlStore? Profile { get; }

    public IbcConfigStore? Ibc { get; }

    /// <summary>The stores that exist, lowest precedence first.</summary>
    public IReadOnlyList<ISettingsStore> Stores => new ISettingsStore?[] { JtsIni, Profile, Ibc }.Where(s => s is not null).Select(s => s!).ToArray();

    /// <summary>What was odd about finding or reading the stores (an encrypted profile, several candidate profiles).</summary>
    public IReadOnlyList<SettingWarning> Warnings => _warnings;

    /// <summary>
    /// Opens the stores. <paramref name="profile"/> is a profile folder or file; when null, the profiles beside jts.ini are
    /// searched. <paramref name="ibcConfigPath"/> names IBC's config.ini; when null, <paramref name="ibcCandidates"/> are tried.
    /// Named files that do not exist are <see cref="IbConfigException"/>s; files that are merely not found are left out.
    /// </summary>
    public static SettingsStoreSet Open(string? jtsIniPath, string? profile, string? ibcConfigPath, IEnumerable<string> ibcCandidates)
    {
        var warnings = new List<SettingWarning>();
        // A missing jts.ini is an error only when it is the one store named (ConfigFileReader raises ConfigFileNotFound).
        bool readJts = jtsIniPath is not null && (File.Exists(jtsIniPath) || (profile is null && ibcConfigPath is null));
        var jts = readJts ? new JtsIniStore(new JtsIniSettings(IniDocument.Parse(ConfigFileReader.ReadAllBytes(jtsIniPath!, ConfigFileLimits.JtsIniBytes), jtsIniPath))) : null;

        string? profilePath = profile is not null ? ProfileFileIn(profile) : FindProfile(jts, warnings);
        var profileStore = profilePath is null ? null : new ProfileXmlStore(ProfileXmlDocument.Load(profilePath));

        string? ibcPath = ibcConfigPath ?? ibcCandidates.FirstOrDefault(File.Exists);
        if (ibcConfigPath is not null && !File.Exists(ibcConfigPath)) throw StoreFailure.IbcConfigNotFound(ibcConfigPath);

        var ibc = ibcPath is null ? null : new IbcConfigStore(IbcConfig.Parse(ConfigFileReader.ReadAllBytes(ibcPath, ConfigFileLimits.IbcConfigBytes), ibcPath));
        return new SettingsStoreSet(jts, profileStore, ibc, warnings);
    }

    /// <summary>Every store merged: each value names its source and what it overrode; conflicts listed.</summary>
    public IbApiSettings Effective()
    {
        var resolution = SettingsResolver.Resolve(Stores.SelectMany(s => s.Read()));
        var effective = SettingsResolver.OneLockAndExitTime(resolution.Effective, out var cleared);
        var warnings = BaseWarnings().Concat(IbcTimeWarnings()).Concat(cleared.Where(c => c.Source.StoreValue != SettingStore.Ibc).Select(LockAndExitWarning)).Concat(resolution.Conflicts.Select(ConflictWarning));
        return Build("Effective", effective, warnings, resolution.Conflicts);
    }

    /// <summary>One store's own values (IBC's blank keys included, shown empty).</summary>
    public IbApiSettings View(SettingStore store)
    {
        var source = Stores.FirstOrDefault(s => s.Kind == store);
        var values = source?.Read() ?? Array.Empty<SettingValue>();
        return Build(store.ToString(), values, BaseWarnings().Where(w => w.StoreValue == store), Array.Empty<IbSettingConflict>());
    }

    /// <summary>
    /// The stores a write of <paramref name="settings"/> goes to. By default every store that currently decides one of
    /// them, or jts.ini alone when none does. A named store that does not exist is an error.
    /// </summary>
    public IReadOnlyList<ISettingsStore> Targets(StoreTargets targets, IReadOnlyCollection<string> settings)
    {
        if (targets.OnlyValue is { } only) return new[] { Named(only) };
        if (targets.Every) return Stores.Where(s => settings.Any(s.CanHold)).ToArray();
        var governing = Stores.Where(s => settings.Any(s.Governs)).ToList();
        if (governing.Count == 0 && JtsIni is not null) governing.Add(JtsIni);
        return governing;
    }

    /// <summary>
    /// The stores a trusted-IP edit goes to (docs/trusted-ips.md). By default: a removal goes to every store that holds a
    /// list (so nothing still grants the address); an addition or replacement goes where the gateway reads: jts.ini, the
    /// profile when it holds a list, and IBC's config.ini where IBC rewrites jts.ini at every start.
    /// </summary>
    public IReadOnlyList<ISettingsStore> TrustedIpTargets(TrustedIpOperation operation, StoreTargets targets)
    {
        string name = SettingDefinition.TrustedIps.Name;
        if (targets.OnlyValue is { } only) return new[] { Named(only) };
        var readable = Stores.Where(s => s.IsReadable).ToList();
        if (targets.Every) return readable;
        bool HoldsList(ISettingsStore store) => store.Read().SelectMany(v => v.OverriddenValues.Prepend(v)).Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase) && v.Text.Length > 0);
        if (operation == TrustedIpOperation.Remove) return readable.Where(HoldsList).ToArray();
        return readable.Where(s => s.Kind switch
        {
            SettingStore.JtsIni => true,
            SettingStore.ProfileXml => HoldsList(s),
            _ => IbcManagesTrustedIps,
        }).ToArray();
    }

    /// <summary>The product these stores configure: the profile's, else IB Gateway unless jts.ini says ApiOnly=false (TWS).</summary>
    public IbProduct Product => Profile?.Product ?? (JtsIni?.Settings.Read().ApiOnly == false ? IbProduct.Tws : IbProduct.Gateway);

    /// <summary>True when IBC rewrites jts.ini's trusted list at every start: IBC's config.ini exists and the product is IB Gateway (docs/trusted-ips.md).</summary>
    public bool IbcManagesTrustedIps => Ibc is not null && Product == IbProduct.Gateway;

    /// <summary>
    /// The list a trusted-IP edit starts from: every address trusted now or after IBC's next start, plus every entry any
    /// store holds (so 127.0.0.1 is protected wherever it is, and an entry that is not an address can be removed by its text).
    /// </summary>
    public TrustedIpList CurrentTrustedList()
    {
        var texts = Stores.SelectMany(s => s.Read()).Where(v => v.Name == SettingDefinition.TrustedIps.Name).Select(v => v.Text);
        return TrustedIpList.Parse(string.Join(",", TrustedIps().Select(t => t.IPAddress).Concat(texts).Where(t => t.Length > 0)));
    }

    /// <summary>
    /// Every address the gateway trusts now or will trust after IBC's next start, each with every store and key granting it
    /// (docs/trusted-ips.md); with <paramref name="store"/>, only what that store grants.
    /// </summary>
    public IReadOnlyList<IbTrustedIp> TrustedIps(SettingStore? store = null) => TrustedIpGrants.Of(this, store);

    private ISettingsStore Named(SettingStore store) => Stores.FirstOrDefault(s => s.Kind == store) ?? throw StoreFailure.StoreNotFound(store);

    private IbApiSettings Build(string view, IEnumerable<SettingValue> values, IEnumerable<SettingWarning> warnings, IEnumerable<IbSettingConflict> conflicts)
    {
        var jts = JtsIni?.Settings;
        return new IbApiSettings(jts?.Path, jts?.Layout ?? JtsIniLayout.None, values, jts?.ProfileDirectories ?? Array.Empty<string>(), warnings)
        {
            View = view,
            ProfilePath = Profile?.Path,
            IbcConfigPath = Ibc?.Path,
            Conflicts = conflicts.ToArray(),
        };
    }

    private IEnumerable<SettingWarning> BaseWarnings() => (JtsIni?.Settings.Read().Warnings ?? Array.Empty<SettingWarning>()).Concat(_warnings);

    // IBC's documented rule: with both set, the auto-restart wins and the auto-logoff time is ignored.
    private IEnumerable<SettingWarning> IbcTimeWarnings()
    {
        var values = Ibc?.Read() ?? Array.Empty<SettingValue>();
        bool restart = values.Any(v => v.Name == SettingDefinition.AutoRestartTime.Name && v.Text.Length > 0);
        bool logoff = values.Any(v => v.Name == SettingDefinition.AutoLogoffTime.Name && v.Text.Length > 0);
        if (restart && logoff)
            yield return new SettingWarning("IbcRestartOverridesLogoff", "IBC's config.ini sets both AutoRestartTime and AutoLogoffTime; IBC applies the restart time and ignores the logoff time.", SettingDefinition.AutoLogoffTime.Name, store: SettingStore.Ibc);
    }

    private static SettingWarning LockAndExitWarning(SettingValue cleared) =>
        new("IbcClearsLockAndExitTime", $"{cleared.Name} {cleared.DisplayValue} ({Describe(cleared.Source)}) does not count: IB keeps one auto-logoff/auto-restart time, " +
            $"and IBC's config.ini sets the other one at every start (docs/settings-sources.md).", cleared.Name);

    private static SettingWarning ConflictWarning(IbSettingConflict conflict) =>
        new(StoresDisagree, $"{conflict.Setting}: {string.Join(", ", conflict.ValuesRead.Select(v => $"{Describe(v.Source)} says {v.DisplayValue}"))}. {conflict.EffectiveStore} counts: {conflict.Reason}", conflict.Setting);

    private static string Describe(SettingSource source) => $"{System.IO.Path.GetFileName(source.Path)} {source.Location}";

    private static string? FindProfile(JtsIniStore? jts, List<SettingWarning> warnings)
    {
        if (jts?.Settings.Path is not { } jtsPath) return null;
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(jtsPath))!;
        var files = ProfileFileFinder.Find(folder, jts.Settings.ProfileDirectories);
        var preferred = jts.Settings.Read().ApiOnly == false ? IbProduct.Tws : IbProduct.Gateway;
        var chosen = ProfileSelection.Choose(files, preferred, out string? note);
        if (note is not null) warnings.Add(new SettingWarning("SeveralProfiles", note, store: SettingStore.ProfileXml));
        return chosen?.Path;
    }

    private static string ProfileFileIn(string profile)
    {
        if (File.Exists(profile)) return profile;
        if (Directory.Exists(profile))
        {
            foreach (string name in new[] { ProfileXmlDocument.GatewayFileName, ProfileXmlDocument.TwsFileName })
            {
                string candidate = System.IO.Path.Combine(profile, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw StoreFailure.ProfileNotFound(profile);
    }
}
