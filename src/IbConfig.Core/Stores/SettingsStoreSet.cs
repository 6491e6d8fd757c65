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
    private readonly List<SettingWarning> _warnings = new();

    private SettingsStoreSet(JtsIniStore? jtsIni, ProfileXmlStore? profile, IbcConfigStore? ibc, IEnumerable<SettingWarning> warnings)
    {
        JtsIni = jtsIni;
        Profile = profile;
        Ibc = ibc;
        _warnings.AddRange(warnings);
        if (profile is { IsReadable: false }) _warnings.Add(new SettingWarning("ProfileXmlUnreadable", profile.Problem!));
        if (ibc is not null && ibc.Config.Diagnostics.Count > 0)
            _warnings.AddRange(ibc.Config.Diagnostics.Select(d => new SettingWarning("IbcMalformedLine", d.Message, null, d.Line)));
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
        var jts = readJts ? new JtsIniStore(new JtsIniSettings(IniDocument.Parse(ConfigFileReader.ReadAllBytes(jtsIniPath!), jtsIniPath))) : null;

        string? profilePath = profile is not null ? ProfileFileIn(profile) : FindProfile(jts, warnings);
        var profileStore = profilePath is null ? null : new ProfileXmlStore(ProfileXmlDocument.Parse(ConfigFileReader.ReadAllBytes(profilePath), profilePath));

        string? ibcPath = ibcConfigPath ?? ibcCandidates.FirstOrDefault(File.Exists);
        if (ibcConfigPath is not null && !File.Exists(ibcConfigPath))
        {
            throw new IbConfigException("IbcConfigNotFound", IbErrorKind.ObjectNotFound,
                $"IBC's config.ini '{ibcConfigPath}' does not exist. Check -IbcConfigPath (IBC's usual places: Documents\\IBC\\config.ini, C:\\IBC\\config.ini, ~/ibc/config.ini).", ibcConfigPath);
        }

        var ibc = ibcPath is null ? null : new IbcConfigStore(IbcConfig.Parse(ConfigFileReader.ReadAllBytes(ibcPath), ibcPath));
        return new SettingsStoreSet(jts, profileStore, ibc, warnings);
    }

    /// <summary>Every store merged: each value names its source and what it overrode; conflicts listed.</summary>
    public IbApiSettings Effective()
    {
        var resolution = SettingsResolver.Resolve(Stores.SelectMany(s => s.Read()));
        var effective = SettingsResolver.OneLockAndExitTime(resolution.Effective, out var cleared);
        var warnings = BaseWarnings().Concat(IbcTimeWarnings()).Concat(cleared.Where(c => c.Source.Store != SettingStore.IbcConfig).Select(LockAndExitWarning)).Concat(resolution.Conflicts.Select(ConflictWarning));
        return Build("Effective", effective, warnings, resolution.Conflicts);
    }

    /// <summary>One store's own values (IBC's blank keys included, shown empty).</summary>
    public IbApiSettings View(SettingStore store)
    {
        var source = Stores.FirstOrDefault(s => s.Kind == store);
        var values = source?.Read() ?? Array.Empty<SettingValue>();
        string view = store == SettingStore.IbcConfig ? "Ibc" : store.ToString();
        var warnings = store == SettingStore.JtsIni ? BaseWarnings() : _warnings.Where(w => w.Code.StartsWith(view, StringComparison.Ordinal) || (store == SettingStore.ProfileXml && w.Code.StartsWith("Profile", StringComparison.Ordinal)));
        return Build(view, values, warnings, Array.Empty<IbSettingConflict>());
    }

    /// <summary>
    /// The stores a write of <paramref name="settings"/> goes to. <see cref="StoreTarget.Governing"/>: every store that
    /// currently decides one of them, or jts.ini alone when none does. A named store that does not exist is an error.
    /// </summary>
    public IReadOnlyList<ISettingsStore> Targets(StoreTarget target, IReadOnlyCollection<string> settings)
    {
        ISettingsStore Named(ISettingsStore? store, string what, string parameter) => store ?? throw new IbConfigException("StoreNotFound", IbErrorKind.ObjectNotFound,
            $"-Target {what} was asked for, but no {what} store was found. Pass {parameter} to name it.", what);

        switch (target)
        {
            case StoreTarget.JtsIni: return new[] { Named(JtsIni, "JtsIni", "-Path") };
            case StoreTarget.ProfileXml: return new[] { Named(Profile, "ProfileXml", "-Profile") };
            case StoreTarget.Ibc: return new[] { Named(Ibc, "Ibc", "-IbcConfigPath") };
            case StoreTarget.All: return Stores.Where(s => settings.Any(s.CanHold)).ToArray();
            default:
                var governing = Stores.Where(s => settings.Any(s.Governs)).ToList();
                if (governing.Count == 0 && JtsIni is not null) governing.Add(JtsIni);
                return governing;
        }
    }

    /// <summary>
    /// The list a trusted-IP edit starts from: the addresses that count plus every entry any store holds (so 127.0.0.1 is
    /// protected wherever it is, and an entry that is not an address can be removed by its text).
    /// </summary>
    public TrustedIpList CurrentTrustedList()
    {
        var texts = Stores.SelectMany(s => s.Read()).Where(v => v.Name == SettingDefinition.TrustedIps.Name).Select(v => v.Text);
        return TrustedIpList.Parse(string.Join(",", TrustedIps().Select(t => t.IPAddress).Concat(texts).Where(t => t.Length > 0)));
    }

    /// <summary>
    /// The trusted addresses that count (IBC's, else the profile's, else jts.ini's), each naming every store and key that
    /// holds it; with <paramref name="store"/>, that store's own list.
    /// </summary>
    public IReadOnlyList<IbTrustedIp> TrustedIps(SettingStore? store = null)
    {
        var all = Stores.SelectMany(s => s.Read()).Where(v => v.Name == SettingDefinition.TrustedIps.Name && v.Value is string[]).ToList();
        var counted = store is null ? SettingsResolver.Resolve(all).Effective.FirstOrDefault() : all.FirstOrDefault(v => v.Source.Store == store);
        if (counted?.Value is not string[] addresses) return Array.Empty<IbTrustedIp>();
        var holders = all.SelectMany(v => v.Overridden.Prepend(v)).Where(v => v.Value is string[]).ToList();
        return addresses.Select(a => new IbTrustedIp(a, TrustedIpAddress.Parse(a).Kind,
                holders.Where(h => ((string[])h.Value!).Contains(a, StringComparer.OrdinalIgnoreCase)).Select(h => $"{Describe(h.Source)} (line {h.Source.LineNumber})").Distinct().ToArray(),
                counted.Path))
            .ToArray();
    }

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
            yield return new SettingWarning("IbcRestartOverridesLogoff", "IBC's config.ini sets both AutoRestartTime and AutoLogoffTime; IBC applies the restart time and ignores the logoff time.", SettingDefinition.AutoLogoffTime.Name);
    }

    private static SettingWarning LockAndExitWarning(SettingValue cleared) =>
        new("IbcClearsLockAndExitTime", $"{cleared.Name} {cleared.DisplayValue} ({Describe(cleared.Source)}) does not count: IB keeps one auto-logoff/auto-restart time, " +
            $"and IBC's config.ini sets the other one at every start (docs/settings-sources.md).", cleared.Name);

    private static SettingWarning ConflictWarning(IbSettingConflict conflict) =>
        new("StoresDisagree", $"{conflict.Setting}: {string.Join(", ", conflict.Values.Select(v => $"{Describe(v.Source)} says {v.DisplayValue}"))}. {conflict.EffectiveStore} counts: {conflict.Reason}", conflict.Setting);

    private static string Describe(SettingSource source) => $"{System.IO.Path.GetFileName(source.Path)} {source.Location}";

    private static string? FindProfile(JtsIniStore? jts, List<SettingWarning> warnings)
    {
        if (jts?.Settings.Path is not { } jtsPath) return null;
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(jtsPath))!;
        var files = ProfileFileFinder.Find(folder, jts.Settings.ProfileDirectories);
        var preferred = jts.Settings.Read().ApiOnly == false ? IbProduct.Tws : IbProduct.Gateway;
        var chosen = ProfileSelection.Choose(files, preferred, out string? note);
        if (note is not null) warnings.Add(new SettingWarning("SeveralProfiles", note));
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

        throw new IbConfigException("ProfileNotFound", IbErrorKind.ObjectNotFound,
            $"No profile settings file at '{profile}': name a profile folder holding ibg.xml or tws.xml, or the file itself (Find-IbConfig lists them).", profile);
    }
}
