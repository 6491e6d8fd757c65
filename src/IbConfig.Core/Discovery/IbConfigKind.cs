namespace IbConfig.Core.Discovery;

/// <summary>Which kind of settings file a location is (docs/ib-settings.md lists the stores; more kinds join as IbConfig reads them).</summary>
public enum IbConfigKind
{
    /// <summary>The settings folder's global <c>jts.ini</c>.</summary>
    JtsIni,

    /// <summary>A per-user profile file (<c>ibg.xml</c> / <c>tws.xml</c>) in a profile folder of the settings root.</summary>
    ProfileXml,

    /// <summary>IBC's <c>config.ini</c>.</summary>
    IbcConfig,
}
