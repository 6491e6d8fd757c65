using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Checks;

/// <summary>
/// Judges a file's permissions without changing it: writable means it opens for writing (shared, so a running gateway is
/// not disturbed) and a temporary file can be created and deleted beside it (saving replaces the file through one);
/// readable by others comes from the mode bits on Linux/macOS and from the ACL on Windows, which
/// netstandard2.0 cannot read itself, so the caller supplies it (the cmdlets use Get-Acl).
/// </summary>
public sealed class FileAccessInspector
{
    private readonly Func<string, IReadOnlyList<FileAccessRule>?> _windowsAcl;

    /// <param name="windowsAcl">Reads a file's ACL on Windows; returns null when it cannot.</param>
    public FileAccessInspector(Func<string, IReadOnlyList<FileAccessRule>?> windowsAcl) =>
        _windowsAcl = windowsAcl ?? throw new ArgumentNullException(nameof(windowsAcl));

    /// <summary>An inspector that cannot read Windows ACLs (it says "cannot tell" there).</summary>
    public static FileAccessInspector WithoutWindowsAcl { get; } = new(_ => null);

    public IbFileAccess Inspect(string path)
    {
        if (!File.Exists(path)) return new IbFileAccess(path, false, null, null, "the file does not exist");
        var (writable, writeNote) = CanWrite(path);
        var (readable, readNote) = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ReadableByOthersOnWindows(path) : ReadableByOthersOnUnix(path);
        return new IbFileAccess(path, true, writable, readable, string.Join("; ", new[] { writeNote, readNote }.Where(n => n.Length > 0)));
    }

    private static (bool?, string) CanWrite(string path)
    {
        if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0) return (false, "the file is marked read-only");
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) { }
        }
        catch (UnauthorizedAccessException ex)
        {
            return (false, ex.Message);
        }
        catch (IOException ex)
        {
            return (null, ex.Message);
        }

        return CanCreateBeside(path);
    }

    // IB and IbConfig both save by writing a new file beside the old one and renaming it: the folder must take a new file
    // (a read-only or immutable folder lets the file open for writing, yet every save fails). Proven by doing it.
    private static (bool?, string) CanCreateBeside(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var probe = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".writable");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return (true, string.Empty);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return (false, $"cannot create a file in '{folder}' ({ex.Message})");
        }
        finally
        {
            try
            {
                if (File.Exists(probe)) File.Delete(probe);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                // DeleteOnClose already removed it, or it was never made.
            }
        }
    }

    private (bool?, string) ReadableByOthersOnWindows(string path)
    {
        var rules = _windowsAcl(path);
        if (rules is null) return (null, "the ACL could not be read");
        var broad = FileAccessRule.BroadReaders(rules);
        return broad.Count == 0 ? (false, "ACL: owner, SYSTEM and administrators only") : (true, "ACL: " + string.Join(", ", broad));
    }

    // File.GetUnixFileMode exists from .NET 7 (what pwsh 7.4+ runs on) but netstandard2.0 cannot name it.
    private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

    private static (bool?, string) ReadableByOthersOnUnix(string path)
    {
        if (GetUnixFileMode is null) return (null, "this .NET cannot read Unix file modes");
        var mode = Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { path }));
        var text = "mode " + Convert.ToString(mode & 0x1FF, 8).PadLeft(3, '0');
        return ((mode & 0x4) != 0, text); // 0o004: read by others
    }
}
