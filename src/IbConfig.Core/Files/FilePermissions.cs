using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IbConfig.Core.Files;

/// <summary>
/// Gives a new file (a backup) the permissions of the file it copies: a backup of a 0600 config.ini must not be readable by
/// everyone because of the umask. POSIX mode bits on Linux/macOS; the access rules of the ACL on Windows.
/// netstandard2.0 names neither API, so both are found at run time (File.Get/SetUnixFileMode from .NET 7,
/// FileSystemAclExtensions in pwsh 7, File.Get/SetAccessControl in .NET Framework).
/// </summary>
internal static class FilePermissions
{
    private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
    private static readonly MethodInfo? SetUnixFileMode = typeof(File).GetMethods().FirstOrDefault(m => m.Name == "SetUnixFileMode" && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(string));

    /// <summary>Copies the permissions of <paramref name="source"/> onto <paramref name="destination"/>; false when this platform cannot.</summary>
    public static bool Copy(string source, string destination)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            try
            {
                return CopyMode(source, destination);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } inner && FileAccessFailure.IsFileError(inner))
            {
                throw inner;
            }
        }

        try
        {
            return CopyAcl(source, destination);
        }
        catch (Exception ex) when (ex is TargetInvocationException or MemberAccessException or ArgumentException or NullReferenceException or InvalidOperationException)
        {
            return false; // the new file keeps the folder's inherited ACL, as any file created there would
        }
    }

    private static bool CopyMode(string source, string destination)
    {
        if (GetUnixFileMode is null || SetUnixFileMode is null) return false;
        var mode = GetUnixFileMode.Invoke(null, new object[] { source })!;
        SetUnixFileMode.Invoke(null, new[] { destination, mode });
        return true;
    }

    // The DACL travels as SDDL text, so no type from System.Security.AccessControl has to be named here.
    private static bool CopyAcl(string source, string destination)
    {
        var (get, set) = AclMethods();
        if (get is null || set is null) return false;
        object Read(string path) => get.Invoke(null, new object[] { get.GetParameters()[0].ParameterType == typeof(string) ? path : new FileInfo(path) })!;
        var sourceSecurity = Read(source);
        var sections = Enum.ToObject(sourceSecurity.GetType().Assembly.GetType("System.Security.AccessControl.AccessControlSections")!, 2); // Access
        var sddl = (string)sourceSecurity.GetType().GetMethod("GetSecurityDescriptorSddlForm", new[] { sections.GetType() })!.Invoke(sourceSecurity, new[] { sections })!;
        var target = Read(destination);
        target.GetType().GetMethod("SetSecurityDescriptorSddlForm", new[] { typeof(string), sections.GetType() })!.Invoke(target, new[] { sddl, sections });
        set.Invoke(null, new[] { set.GetParameters()[0].ParameterType == typeof(string) ? destination : (object)new FileInfo(destination), target });
        return true;
    }

    private static (MethodInfo? Get, MethodInfo? Set) AclMethods()
    {
        var extensions = Type.GetType("System.IO.FileSystemAclExtensions, System.IO.FileSystem.AccessControl", throwOnError: false);
        if (extensions is not null)
        {
            return (extensions.GetMethods().FirstOrDefault(m => m.Name == "GetAccessControl" && m.GetParameters() is { Length: 1 } p && p[0].ParameterType == typeof(FileInfo)),
                extensions.GetMethods().FirstOrDefault(m => m.Name == "SetAccessControl" && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(FileInfo)));
        }

        return (typeof(File).GetMethods().FirstOrDefault(m => m.Name == "GetAccessControl" && m.GetParameters().Length == 1),
            typeof(File).GetMethods().FirstOrDefault(m => m.Name == "SetAccessControl" && m.GetParameters().Length == 2));
    }
}
