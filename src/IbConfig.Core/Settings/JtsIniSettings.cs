using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Ini;

namespace IbConfig.Core.Settings;

/// <summary>
/// The API settings in one jts.ini, in either layout of docs/ib-settings.md: reads them with their sources and warnings, and
/// plans and applies writes that touch every key of a setting the file has (both layouts), adding a key only when the
/// file has none (the real layout's key when the file uses that layout, else the guide's).
/// </summary>
public sealed class JtsIniSettings
{
    private static readonly string[] RealSections = { "Logon", "Communication", "settings", "ns" };

    public JtsIniSettings(IniDocument document) => Document = document ?? throw new ArgumentNullException(nameof(document));

    public IniDocument Document { get; }

    public string? Path => Document.Path;

    /// <summary>Which layout's keys the file holds.</summary>
    public JtsIniLayout Layout
    {
        get
        {
            var layout = JtsIniLayout.None;
            foreach (var key in SettingDefinition.All.SelectMany(d => d.Keys))
            {
                if (Document.Find(key.Section, key.Key) is not null) layout |= key.LayoutValue;
            }
            if (RealSections.Any(Document.HasSection)) layout |= JtsIniLayout.Real;
            return layout;
        }
    }

    /// <summary>The per-user profile folders: [Logon] UserNameToDirectory ("user,dir" pairs) and the keys of [settings].</summary>
    public IReadOnlyList<string> ProfileDirectories
    {
        get
        {
            var folders = new List<string>();
            var pairs = (Document.GetValue("Logon", "UserNameToDirectory") ?? "").Split(',');
            for (var i = 1; i < pairs.Length; i += 2) folders.Add(pairs[i].Trim());
            folders.AddRange(Document.EntriesIn("settings").Select(e => e.Key));
            return folders.Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>Reads a jts.ini (see <see cref="IniDocument.Load"/> for the errors it can raise).</summary>
    public static JtsIniSettings Load(string path) => new(IniDocument.Load(path));

    /// <summary>Every value the file holds for a setting, one per key present, the one that counts first.</summary>
    public IReadOnlyList<SettingValue> ReadAll(SettingDefinition setting)
    {
        var values = new List<SettingValue>();
        foreach (var key in setting.Keys)
        {
            var entry = Document.Find(key.Section, key.Key);
            if (entry is null) continue;
            var valid = setting.TryParse(entry.Value, out var value, out var error);
            values.Add(new SettingValue(setting.Name, entry.Value, value, SourceOf(entry), valid ? null : error));
        }
        return values;
    }

    /// <summary>The typed settings: one value per setting the file holds, plus warnings for anything odd.</summary>
    /// <remarks>Computed once per state of the document: every store query (effective view, governs, layout) asks for it.</remarks>
    public IbApiSettings Read()
    {
        if (_read is { } cached && cached.Version == Document.Version) return cached.Settings;
        var settings = ReadNow();
        _read = (Document.Version, settings);
        return settings;
    }

    private (int Version, IbApiSettings Settings)? _read;

    private IbApiSettings ReadNow()
    {
        var values = new List<SettingValue>();
        var warnings = new List<SettingWarning>();
        foreach (var setting in SettingDefinition.All)
        {
            var all = ReadAll(setting);
            if (all.Count == 0) continue;
            var winner = all.Count > 1 ? all[0].Overriding(all.Skip(1)) : all[0];
            values.Add(winner);
            foreach (var invalid in all.Where(v => !v.IsValid))
            {
                warnings.Add(new SettingWarning("InvalidValue", $"{invalid.Source.Location} on line {invalid.Source.LineNumber}: {invalid.Problem}", setting.Name, invalid.Source.LineNumber, SettingStore.JtsIni));
            }
        }

        var layout = Layout;
        var folders = ProfileDirectories;
        var settings = new IbApiSettings(Path, layout, values, folders, warnings);
        warnings.AddRange(CrossChecks(settings));
        warnings.AddRange(Document.Diagnostics.Select(d => new SettingWarning("Ini" + d.Kind, d.Message, null, d.LineNumber, SettingStore.JtsIni)));
        return new IbApiSettings(Path, layout, values, folders, warnings);
    }

    /// <summary>The trusted list that counts (the real key's when both exist).</summary>
    public TrustedIpList TrustedIps
    {
        get
        {
            var entry = SettingDefinition.TrustedIps.Keys.Select(k => Document.Find(k.Section, k.Key)).FirstOrDefault(e => e is not null);
            return TrustedIpList.Parse(entry?.Value);
        }
    }

    /// <summary>
    /// Works out a write of typed settings without touching the document: validates every request (each bad one is its own
    /// error), refuses a live port unless allowed, and checks that auto-logoff comes before auto-restart.
    /// </summary>
    public SettingPlan Plan(IEnumerable<SettingRequest> requests, bool allowLivePort)
    {
        var errors = new List<IbConfigException>();
        var notes = new List<string>();
        var changes = new List<SettingChange>();
        var values = SettingValidation.Validate(requests, allowLivePort, s => ReadAll(s).FirstOrDefault()?.TypedValue, errors, out var livePort);
        foreach (var pair in values)
        {
            changes.AddRange(ChangesFor(pair.Key, _ => pair.Key.Format(pair.Value), notes));
        }
        return new SettingPlan(Path, errors.Count == 0 ? changes : Array.Empty<SettingChange>(), errors, notes, livePort);
    }

    /// <summary>Works out a trusted-IP edit for every key that holds the list (or the layout's key when none does).</summary>
    public SettingPlan PlanTrustedIps(TrustedIpEdit edit)
    {
        var notes = new List<string>(edit.Warnings);
        var changes = edit.CanApply
            ? ChangesFor(SettingDefinition.TrustedIps, old => edit.ApplyTo(TrustedIpList.Parse(old)).ToString(), notes)
            : Array.Empty<SettingChange>();
        return new SettingPlan(Path, changes, edit.Errors, notes, selectsLivePort: false);
    }

    /// <summary>
    /// Applies a plan's changes to the document (in memory; writing the file is the caller's job). A settings plan with
    /// errors has no changes; a trusted-IP plan keeps the changes of its valid entries.
    /// </summary>
    public void Apply(SettingPlan plan)
    {
        foreach (var change in plan.Changes) Document.SetValue(change.Section, change.Key, change.NewValue);
    }

    private IReadOnlyList<SettingChange> ChangesFor(SettingDefinition setting, Func<string?, string> newText, List<string> notes)
    {
        var present = setting.Keys.Where(k => Document.Find(k.Section, k.Key) is not null).ToArray();
        var targets = present.Length > 0 ? present : new[] { KeyToAdd(setting, notes) };
        var changes = new List<SettingChange>();
        foreach (var key in targets)
        {
            var entry = Document.Find(key.Section, key.Key);
            var text = newText(entry?.Value);
            if (entry is null ? text.Length == 0 : string.Equals(entry.Value, text, StringComparison.Ordinal)) continue;
            changes.Add(new SettingChange(setting.Name, SettingStore.JtsIni, Path, entry?.SectionName ?? key.Section, entry?.Key ?? key.Key, entry?.Value, text, entry?.LineNumber));
        }
        return changes;
    }

    private JtsIniKey KeyToAdd(SettingDefinition setting, List<string> notes)
    {
        var layout = Layout;
        var real = setting.Keys.FirstOrDefault(k => k.LayoutValue == JtsIniLayout.Real);
        if (real is not null && (layout.HasFlag(JtsIniLayout.Real) || layout == JtsIniLayout.None)) return real;
        var key = setting.Keys.FirstOrDefault(k => k.LayoutValue == JtsIniLayout.Guide) ?? setting.Keys[0];
        if (key.LayoutValue == JtsIniLayout.Guide && layout == JtsIniLayout.Real)
        {
            notes.Add($"{key} is the seed guide's key; IB itself reads {setting.Name} from the profile XML (ibg.xml / tws.xml) or IBC's config.ini, so change it there for it to take effect.");
        }
        return key;
    }

    private SettingSource SourceOf(IniEntry entry) => new(SettingStore.JtsIni, Path, entry.SectionName, entry.Key, entry.LineNumber);

    private static IEnumerable<SettingWarning> CrossChecks(IbApiSettings settings)
    {
        var trusted = settings.Get(SettingDefinition.TrustedIps.Name);
        if (trusted is not null && trusted.OverriddenValues.Count > 0)
        {
            var counted = TrustedIpList.Parse(trusted.Text);
            foreach (var other in trusted.OverriddenValues.Where(o => !TrustedIpList.Parse(o.Text).SameAddressesAs(counted)))
            {
                yield return new SettingWarning("TrustedIpsDisagree",
                    $"{other.Source.Location} ({other.Text}) disagrees with {trusted.Source.Location} ({trusted.Text}); IB reads {trusted.Source.Location}. " +
                    "Run Set-IbTrustedIp to write one list to both.", trusted.Name, other.Source.LineNumber, SettingStore.JtsIni);
            }
        }

        if (settings.AutoLogoffTimeValue is { } logoff && settings.AutoRestartTimeValue is { } restart && logoff >= restart)
        {
            yield return new SettingWarning("AutoLogoffNotBeforeRestart",
                $"Auto-logoff ({SettingValueParser.FormatTime(logoff)}) is not before auto-restart ({SettingValueParser.FormatTime(restart)}); the guide logs off 5 minutes before the restart.",
                SettingDefinition.AutoLogoffTime.Name, store: SettingStore.JtsIni);
        }

        if (settings.SocketPort is { } port && settings.TradingModeValue is { } mode && ConventionalPort.Find(port) is { } conventional && conventional.TradingMode != mode)
        {
            yield return new SettingWarning("PortTradingModeMismatch",
                $"Socket port {conventional} does not match the last login's trading mode ({mode.ToString().ToLowerInvariant()}): check that the bot connects to the account you mean.",
                SettingDefinition.SocketPort.Name, store: SettingStore.JtsIni);
        }
    }
}
