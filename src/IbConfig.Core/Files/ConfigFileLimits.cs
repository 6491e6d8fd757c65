using System;
using System.IO;

namespace IbConfig.Core.Files;

/// <summary>
/// The largest file each store reads (docs/write-safety.md): real files are far smaller, and a cap keeps a wrong path or a
/// damaged file from costing gigabytes of memory. Reading uses a few times the file's size at most.
/// </summary>
public static class ConfigFileLimits
{
    /// <summary>jts.ini: a few kilobytes in practice (a few dozen keys per user).</summary>
    public const long JtsIniBytes = 4L * 1024 * 1024;

    /// <summary>The profile XML (ibg.xml / tws.xml): hundreds of kilobytes, a few megabytes for a TWS with many pages.</summary>
    public const long ProfileXmlBytes = 32L * 1024 * 1024;

    /// <summary>IBC's config.ini: about 50 kilobytes with all of IBC's comments.</summary>
    public const long IbcConfigBytes = 1L * 1024 * 1024;

    /// <summary>The largest cap: for a file whose kind is not known.</summary>
    public const long AnyBytes = ProfileXmlBytes;

    /// <summary>The cap for a settings file (or a backup of one) by its name: *.xml is a profile, jts.ini jts.ini, any other an IBC config.</summary>
    public static long For(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.Contains(".xml")) return ProfileXmlBytes;
        if (name.StartsWith("jts.ini", StringComparison.Ordinal)) return JtsIniBytes;
        return name.Contains(".ini") ? IbcConfigBytes : AnyBytes;
    }
}
