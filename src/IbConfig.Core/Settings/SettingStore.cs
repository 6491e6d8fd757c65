namespace IbConfig.Core.Settings;

/// <summary>
/// The one name of each place IB or IBC keeps settings (docs/ib-settings.md sections 1–3): what <c>-Source</c> and <c>-Target</c>
/// take, what results, warnings and Find-IbConfig's locations say.
/// </summary>
public enum SettingStore
{
    /// <summary>The settings folder's jts.ini.</summary>
    JtsIni,

    /// <summary>The per-user profile XML (ibg.xml / tws.xml).</summary>
    ProfileXml,

    /// <summary>IBC's config.ini, re-applied at every gateway start.</summary>
    Ibc,
}
