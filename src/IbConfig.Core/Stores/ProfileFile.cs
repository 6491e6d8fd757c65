using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// One per-user profile settings file found on disk (<c>&lt;settings dir&gt;/&lt;profile dir&gt;/ibg.xml</c> or
/// <c>tws.xml</c>), whether IbConfig can read it, and whether <c>jts.ini</c> names its folder.
/// </summary>
public sealed class ProfileFile
{
    public ProfileFile(string path, string profile, IbProduct product, ProfileXmlState state, string? problem, bool namedInJtsIni)
    {
        Path = path;
        Profile = profile;
        Product = product;
        State = state;
        Problem = problem;
        NamedInJtsIni = namedInJtsIni;
    }

    /// <summary>Full path of the XML file.</summary>
    public string Path { get; }

    /// <summary>The profile folder's (opaque) name, e.g. <c>darykqabcdef</c>.</summary>
    public string Profile { get; }

    /// <summary>IB Gateway for <c>ibg.xml</c>, TWS for <c>tws.xml</c>.</summary>
    public IbProduct Product { get; }

    public ProfileXmlState State { get; }

    public bool IsReadable => State == ProfileXmlState.Readable;

    /// <summary>Why the file cannot be read; null when it can.</summary>
    public string? Problem { get; }

    /// <summary>True when jts.ini lists the folder (<c>[settings]</c> or <c>[Logon] UserNameToDirectory</c>).</summary>
    public bool NamedInJtsIni { get; }

    public override string ToString() => Path;
}
