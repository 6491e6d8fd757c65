using System;
using System.Collections.Generic;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Discovery;

/// <summary>A place where IB keeps (or would keep) a settings file, and what is in it.</summary>
public sealed class IbConfigLocation
{
    public IbConfigLocation(SettingStore kind, string path, string root, bool exists, JtsIniLayout layout,
        IReadOnlyList<string> profileFolders, DateTime? lastWriteTime, string? problem)
    {
        KindValue = kind;
        Path = path;
        Root = root;
        Exists = exists;
        LayoutValue = layout;
        ProfileFolders = profileFolders is string[] array ? array : new List<string>(profileFolders).ToArray();
        LastWriteTime = lastWriteTime;
        Problem = problem;
    }

    public string Kind => KindValue.ToString();

    internal SettingStore KindValue { get; }

    /// <summary>The file (pipe it into any cmdlet's -Path).</summary>
    public string Path { get; }

    /// <summary>The settings root (the Jts folder) it was found under.</summary>
    public string Root { get; }

    public bool Exists { get; }

    /// <summary>Which jts.ini layout the file uses (guide keys, real keys, both, or None when it has neither or is missing).</summary>
    public string Layout => LayoutValue.ToString();

    internal JtsIniLayout LayoutValue { get; }

    /// <summary>The per-user profile folders the file names ([Logon] UserNameToDirectory and the keys of [settings]).</summary>
    public string[] ProfileFolders { get; }

    public DateTime? LastWriteTime { get; }

    /// <summary>Why the file could not be read, or null.</summary>
    public string? Problem { get; }

    /// <summary>For a profile file: IB Gateway (ibg.xml) or TWS (tws.xml).</summary>
    public string? Product => ProductValue?.ToString();

    internal IbProduct? ProductValue { get; init; }

    /// <summary>For a profile file: Readable, Encrypted, Malformed or Unreadable (see <see cref="Problem"/>).</summary>
    public string? Status { get; init; }

    public override string ToString() => Path;
}
