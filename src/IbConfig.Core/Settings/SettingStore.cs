namespace IbConfig.Core.Settings;

/// <summary>Where IB or IBC keeps a setting (docs/ib-settings.md sections 1–3).</summary>
public enum SettingStore
{
    /// <summary>The settings folder's jts.ini.</summary>
    JtsIni,

    /// <summary>The per-user profile XML (ibg.xml / tws.xml).</summary>
    ProfileXml,

    /// <summary>IBC's config.ini, re-applied at every gateway start.</summary>
    IbcConfig,
}
