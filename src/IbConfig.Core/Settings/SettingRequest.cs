namespace IbConfig.Core.Settings;

/// <summary>A value someone asked to set, as text (validated by <see cref="SettingDefinition.TryParse"/> when planned).</summary>
public sealed class SettingRequest
{
    public SettingRequest(SettingDefinition setting, string text)
    {
        Setting = setting;
        Text = text;
    }

    public SettingDefinition Setting { get; }

    public string Text { get; }

    public override string ToString() => $"{Setting.Name}={Text}";
}
