using System;
using System.IO;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Files;

/// <summary>Compares file-system paths the way the OS does: case-insensitive on Windows and macOS, trailing separators ignored.</summary>
internal static class FileSystemPath
{
    private static readonly bool CaseSensitive = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    public static StringComparison Comparison => CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        return full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    public static bool AreSame(string a, string b)
    {
        try
        {
            return string.Equals(Normalize(a), Normalize(b), Comparison);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return string.Equals(a, b, Comparison);
        }
    }
}
