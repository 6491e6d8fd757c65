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
        if (ResolveAcl() is not { } api) return false;
        object Read(string path) => api.Get.Invoke(null, new object[] { api.Get.GetParameters()[0].ParameterType == typeof(string) ? path : new FileInfo(path) })!;
        var sddl = (string)api.GetSddl.Invoke(Read(source), new[] { api.AccessSection })!;
        var target = Read(destination);
        api.SetSddl.Invoke(target, new[] { sddl, api.AccessSection });
        api.Set.Invoke(null, new[] { api.Set.GetParameters()[0].ParameterType == typeof(string) ? destination : (object)new FileInfo(destination), target });
        return true;
    }

    /// <summary>The ACL members this runtime offers, found once by name; null where it has none.</summary>
    internal sealed record AclApi(MethodInfo Get, MethodInfo Set, MethodInfo GetSddl, MethodInfo SetSddl, object AccessSection);

    internal static AclApi? ResolveAcl()
    {
        var (get, set) = AclMethods();
        if (get is null || set is null) return null;
        // FileSecurity and AccessControlSections live in different assemblies on .NET (one in .NET Framework's mscorlib):
        // the enum is taken from the SDDL method's own parameter, never looked up by assembly.
        var security = get.ReturnType;
        var getSddl = security.GetMethods().FirstOrDefault(m => m.Name == "GetSecurityDescriptorSddlForm" && m.GetParameters().Length == 1);
        var setSddl = security.GetMethods().FirstOrDefault(m => m.Name == "SetSecurityDescriptorSddlForm" && m.GetParameters().Length == 2);
        if (getSddl is null || setSddl is null || !getSddl.GetParameters()[0].ParameterType.IsEnum) return null;
        return new AclApi(get, set, getSddl, setSddl, Enum.ToObject(getSddl.GetParameters()[0].ParameterType, 2)); // 2 = Access (the DACL)
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
