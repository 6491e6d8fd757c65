using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>The store a <see cref="SettingsView"/> names: null for the effective view, which merges them all.</summary>
public static class SettingsViewStore
{
    public static SettingStore? StoreOf(this SettingsView view) => view switch
    {
        SettingsView.JtsIni => SettingStore.JtsIni,
        SettingsView.ProfileXml => SettingStore.ProfileXml,
        SettingsView.Ibc => SettingStore.IbcConfig,
        _ => null,
    };
}
