using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using IbConfig.Core.Checks;
using IbConfig.Core.Files;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Baseline;

/// <summary>
/// The desired state of a gateway's API access: the effective settings, the trusted list and the restart plan, with no
/// credentials. Its file is ini text with sorted keys and one value per line, so two baselines (or two versions of one in
/// git) diff cleanly, and IbConfig's own ini parser reads it back with line numbers.
/// </summary>
public sealed class IbApiBaseline
{
    public const string SettingsSection = "Settings";
    public const string TrustedIpsSection = "TrustedIps";
    public const string RestartPlanSection = "RestartPlan";
    public const string AddressKey = "Address";

    /// <summary>The settings of the restart plan: kept in their own section, as they change together.</summary>
    public static IReadOnlyList<string> RestartSettings { get; } = new[]
    {
        SettingDefinition.AutoLogoffTime.Name, SettingDefinition.AutoRestartTime.Name, IbcKeys.ColdRestartTime, IbcKeys.ClosedownAt,
    };

    public IbApiBaseline(IDictionary<string, string> settings, IEnumerable<string> trustedIps, IDictionary<string, string> restartPlan,
        IEnumerable<string> maintenanceWindows)
    {
        Settings = Sorted(settings);
        TrustedIps = trustedIps.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(ip => ip, StringComparer.OrdinalIgnoreCase).ToArray();
        RestartPlan = Sorted(restartPlan);
        MaintenanceWindows = maintenanceWindows.ToArray();
    }

    /// <summary>Every setting that counts, by name, as IB writes it (restart settings and the trusted list excepted).</summary>
    public SortedDictionary<string, string> Settings { get; }

    /// <summary>The trusted addresses that count, sorted.</summary>
    public string[] TrustedIps { get; }

    /// <summary>The restart settings (auto-logoff, auto-restart, IBC's cold restart and closedown) that are set.</summary>
    public SortedDictionary<string, string> RestartPlan { get; }

    /// <summary>The planned downtime the restart plan implies (a comment in the file: it follows from the settings).</summary>
    public string[] MaintenanceWindows { get; }

    /// <summary>The settings file the baseline was taken from; null for a baseline read from a file.</summary>
    public string? SettingsPath { get; init; }

    /// <summary>The baseline file written or read; null when not written. Not "Path": piped on, that would name a jts.ini.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>The baseline of <paramref name="settings"/>: every value that counts except credentials.</summary>
    public static IbApiBaseline From(IbApiSettings settings)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        var values = settings.Values.Where(v => !IbcKeys.IsCredential(v.Name) && !IbcKeys.IsCredential(v.Source.Key)).ToList();
        var restart = values.Where(v => RestartSettings.Contains(v.Name, StringComparer.OrdinalIgnoreCase) && v.Text.Length > 0).ToDictionary(v => v.Name, v => v.DisplayValue);
        var plain = values.Where(v => !RestartSettings.Contains(v.Name, StringComparer.OrdinalIgnoreCase) && !IsTrustedIps(v.Name)).ToDictionary(v => v.Name, v => v.DisplayValue);
        var windows = MaintenanceWindowCheck.Windows(settings).Select(w => w.ToString());
        return new IbApiBaseline(plain, settings.TrustedIps, restart, windows) { SettingsPath = settings.Path };
    }

    public static bool IsTrustedIps(string name) => string.Equals(name, SettingDefinition.TrustedIps.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's text: a header comment, then the three sections with sorted keys, one value per line.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("; IbConfig API baseline (Export-IbApiBaseline). No credentials. Check a gateway against it:\n");
        text.Append("; Compare-IbApiConfiguration -Baseline <this file>, or Test-IbApiConfiguration -Baseline <this file>.\n");
        text.Append('[').Append(SettingsSection).Append("]\n");
        foreach (var pair in Settings) text.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        text.Append('[').Append(TrustedIpsSection).Append("]\n");
        foreach (var ip in TrustedIps) text.Append(AddressKey).Append('=').Append(ip).Append('\n');
        text.Append('[').Append(RestartPlanSection).Append("]\n");
        foreach (var pair in RestartPlan) text.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        foreach (var window in MaintenanceWindows) text.Append("; window: ").Append(window).Append('\n');
        return text.ToString();
    }

    /// <summary>Replaces <paramref name="path"/> atomically with <see cref="ToText"/> (UTF-8, no BOM).</summary>
    public void Write(string path) => AtomicFileWriter.Write(path, new UTF8Encoding(false).GetBytes(ToText()));

    /// <summary>Reads a baseline file. Throws <see cref="Errors.IbConfigException"/>: the file errors, BaselineInvalid for text that is not a baseline.</summary>
    public static IbApiBaseline Load(string path) => Parse(ConfigFileReader.ReadAllBytes(path), path);

    public static IbApiBaseline Parse(byte[] bytes, string path)
    {
        var document = IniDocument.Parse(bytes, path);
        var problem = document.Diagnostics.FirstOrDefault(d => d.Kind != IniDiagnosticKind.DuplicateKey);
        if (problem is not null) throw BaselineFailure.Invalid(path, problem.LineNumber, problem.Message);
        var sections = new[] { SettingsSection, TrustedIpsSection, RestartPlanSection };
        if (!sections.Any(document.HasSection)) throw BaselineFailure.Invalid(path, null, "it has none of the sections [Settings], [TrustedIps], [RestartPlan]");
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var restart = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = new List<string>();
        foreach (var entry in document.Entries)
        {
            if (Is(entry.SectionName, SettingsSection)) settings[entry.Key] = entry.Value;
            else if (Is(entry.SectionName, RestartPlanSection)) restart[entry.Key] = entry.Value;
            else if (Is(entry.SectionName, TrustedIpsSection) && Is(entry.Key, AddressKey)) trusted.Add(entry.Value);
            else throw BaselineFailure.Invalid(path, entry.LineNumber, $"'{entry.Key}' in [{entry.SectionName}] is not part of a baseline");
        }
        var windows = document.Lines.Where(l => l.Kind == IniLineKind.Comment && l.Text.StartsWith("; window: ", StringComparison.Ordinal))
            .Select(l => l.Text.Substring("; window: ".Length));
        return new IbApiBaseline(settings, trusted, restart, windows) { BaselinePath = path };
    }

    public override string ToString() => $"{Settings.Count} settings, {TrustedIps.Length} trusted addresses, {RestartPlan.Count} restart settings";

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static SortedDictionary<string, string> Sorted(IDictionary<string, string> values)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values) sorted[pair.Key] = pair.Value;
        return sorted;
    }
}
