namespace IbConfig.Core.Stores;

/// <summary>Which values Get-IbApiSetting shows (<c>-Source</c>).</summary>
public enum SettingsView
{
    /// <summary>Every store merged: what the gateway runs with.</summary>
    Effective,

    JtsIni,

    ProfileXml,

    Ibc,
}
