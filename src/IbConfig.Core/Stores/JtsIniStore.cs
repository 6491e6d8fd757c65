using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>jts.ini as a settings store: the foundation's <see cref="JtsIniSettings"/> behind the common interface.</summary>
public sealed class JtsIniStore : ISettingsStore
{
    public JtsIniStore(JtsIniSettings settings) => Settings = settings;

    public JtsIniSettings Settings { get; }

    public SettingStore Kind => SettingStore.JtsIni;

    public string Path => Settings.Path ?? string.Empty;

    public bool IsReadable => true;

    public string? Problem => null;

    public static JtsIniStore Load(string path) => new(JtsIniSettings.Load(path));

    /// <summary>The value that counts per setting, each listing the other keys of the file it overrode.</summary>
    public IReadOnlyList<SettingValue> Read() => Settings.Read().Values;

    public bool Governs(string setting) => Settings.Read().Get(setting) is not null;

    public bool CanHold(string setting) => SettingDefinition.Find(setting) is not null;

    public SettingPlan Plan(IEnumerable<SettingRequest> requests, bool allowLivePort) => Settings.Plan(requests, allowLivePort);

    public SettingPlan PlanTrustedIps(TrustedIpEdit edit) => Settings.PlanTrustedIps(edit);

    public void Apply(SettingPlan plan) => Settings.Apply(plan);

    public byte[] ToBytes() => Settings.Document.ToBytes();

    public byte[] ContentRead => Settings.Document.ContentRead;

    public ISettingsStore Reread(byte[] content) => new JtsIniStore(new JtsIniSettings(Ini.IniDocument.Parse(content, Settings.Path)));

    public void RefuseUnreadableLines(SettingPlan plan)
    {
        foreach (var section in plan.Changes.Select(c => c.Section).Distinct(System.StringComparer.OrdinalIgnoreCase))
        {
            var lines = Settings.Document.UnreadableLinesIn(section);
            if (lines.Count > 0) throw Files.ConfigContentFailure.UnreadableLines(Path, section, lines);
        }
    }

    public override string ToString() => Path;
}
