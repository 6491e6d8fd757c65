using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace IbConfig.Core.Files;

/// <summary>
/// Where a settings file really is when its path is a symbolic link: a write must replace the target and keep the link,
/// or the gateway, which reads the target, would never see the change.
/// </summary>
internal static class FileLink
{
    // File.ResolveLinkTarget exists from .NET 6 (what pwsh 7 runs on); netstandard2.0 cannot name it.
    private static readonly MethodInfo? ResolveLinkTarget = typeof(File).GetMethod("ResolveLinkTarget", new[] { typeof(string), typeof(bool) });

    /// <summary>The final target of <paramref name="fullPath"/> when it is a link, else the path itself.</summary>
    /// <exception cref="Errors.IbConfigException">ConfigFileLinkUnsupported: a link this .NET cannot resolve.</exception>
    public static string FinalTarget(string fullPath)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(fullPath);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            return fullPath; // missing (or unreadable): nothing to resolve, the write reports the rest
        }

        if ((attributes & FileAttributes.ReparsePoint) == 0) return fullPath;
        if (ResolveLinkTarget is null) return WindowsFinalPath(fullPath);
        try
        {
            var target = (FileSystemInfo?)ResolveLinkTarget.Invoke(null, new object[] { fullPath, true });
            return target is null ? fullPath : Path.GetFullPath(target.FullName);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } inner && FileAccessFailure.IsFileError(inner))
        {
            throw FileAccessFailure.Translate(inner, fullPath, writing: true);
        }
    }

    /// <summary>Windows PowerShell 5.1 (.NET Framework): ask Windows for the final path of an open handle.</summary>
    private static string WindowsFinalPath(string fullPath)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) throw FileAccessFailure.LinkNotSupported(fullPath);
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new StringBuilder(1024);
            var length = GetFinalPathNameByHandle(stream.SafeFileHandle, buffer, buffer.Capacity, 0);
            if (length <= 0 || length >= buffer.Capacity) throw FileAccessFailure.LinkNotSupported(fullPath);
            var final = buffer.ToString();
            if (final.StartsWith(@"\\?\UNC\", StringComparison.Ordinal)) return @"\\" + final.Substring(8);
            return final.StartsWith(@"\\?\", StringComparison.Ordinal) ? final.Substring(4) : final;
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, fullPath, writing: true);
        }
    }

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode, EntryPoint = "GetFinalPathNameByHandleW")]
    private static extern int GetFinalPathNameByHandle(Microsoft.Win32.SafeHandles.SafeFileHandle file, StringBuilder path, int length, int flags);
}
