using System;
using System.IO;
using System.Runtime.InteropServices;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>Turns the BCL's file exceptions into IbConfigExceptions that say what went wrong and what to do.</summary>
internal static class FileAccessFailure
{
    // Windows: Win32 codes carried in IOException.HResult (0x8007xxxx).
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private const int UnableToRemoveReplaced = 1175;

    // Unix: .NET puts the raw errno in HResult; a FileShare.None holder (flock) gives EWOULDBLOCK (11 on Linux, 35 on macOS).
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    public static bool IsFileError(Exception ex) => ex is IOException or UnauthorizedAccessException or System.Security.SecurityException;

    public static IbConfigException FileNotFound(string path) =>
        new("ConfigFileNotFound", IbErrorKind.ObjectNotFound,
            $"The settings file '{path}' does not exist. Check the path, or run Find-IbConfig to list the settings files on this machine.", path);

    public static IbConfigException FolderNotFound(string path, string folder) =>
        new("ConfigFolderNotFound", IbErrorKind.ObjectNotFound,
            $"The folder '{folder}' does not exist, so '{path}' cannot be written. Check the path.", path);

    public static IbConfigException BackupFolderNotFound(string path, string folder) =>
        new("ConfigBackupFolderNotFound", IbErrorKind.ObjectNotFound,
            $"The folder '{folder}' does not exist, so it holds no backups of '{path}'. Check -Path, or name the folder Backup-IbConfig wrote to with -Destination.", path);

    public static IbConfigException PathIsFolder(string path) =>
        new("ConfigPathIsFolder", IbErrorKind.InvalidArgument,
            $"'{path}' is a folder; name the settings file in it (for example '{Path.Combine(path, "jts.ini")}').", path);

    public static IbConfigException ReadOnly(string path) =>
        new("ConfigFileReadOnly", IbErrorKind.PermissionDenied,
            $"The settings file '{path}' is read-only. Clear its read-only attribute (Set-ItemProperty -Path '{path}' -Name IsReadOnly -Value $false) and try again.", path);

    private static bool IsLock(int hresult)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return hresult is LinuxWouldBlock or MacWouldBlock;
        return (hresult >> 16 & 0x7FFF) == 7 && (hresult & 0xFFFF) is SharingViolation or LockViolation or UnableToRemoveReplaced;
    }

    public static IbConfigException Translate(Exception ex, string path, bool writing)
    {
        if (ex is IOException && IsLock(ex.HResult))
        {
            return new IbConfigException("ConfigFileLocked", IbErrorKind.ResourceBusy,
                $"The settings file '{path}' is locked by another program (often IB Gateway, TWS, an editor or a backup tool). Close it and try again.", path, ex);
        }
        return ex switch
        {
            FileNotFoundException => new IbConfigException("ConfigFileNotFound", IbErrorKind.ObjectNotFound, FileNotFound(path).Message, path, ex),
            DirectoryNotFoundException => new IbConfigException("ConfigFolderNotFound", IbErrorKind.ObjectNotFound,
                $"A folder on the path '{path}' does not exist. Check the path.", path, ex),
            UnauthorizedAccessException or System.Security.SecurityException => new IbConfigException("ConfigFileAccessDenied", IbErrorKind.PermissionDenied,
                $"Access to '{path}' was denied. Run PowerShell as the user who owns the IB settings folder, or as administrator, or grant yourself write access to the folder. ({ex.Message})", path, ex),
            _ when writing => new IbConfigException("ConfigFileWriteFailed", IbErrorKind.WriteError,
                $"Could not write '{path}': {ex.Message} The file was left as it was.", path, ex),
            _ => new IbConfigException("ConfigFileReadFailed", IbErrorKind.ReadError, $"Could not read '{path}': {ex.Message}", path, ex),
        };
    }
}
