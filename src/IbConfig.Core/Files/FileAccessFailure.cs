using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>Turns the BCL's file exceptions into IbConfigExceptions that say what went wrong and what to do.</summary>
public static class FileAccessFailure
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

    public static IbConfigException TooLarge(string path, long length, long cap) =>
        new("ConfigFileTooLarge", IbErrorKind.InvalidData,
            $"'{path}' is {length:N0} bytes; a settings file of this kind is at most {cap:N0} bytes (see docs/write-safety.md). Check the path.", path);

    public static IbConfigException NotRegularFile(string path, string kind) =>
        new("ConfigFileNotRegular", IbErrorKind.InvalidArgument,
            $"'{path}' is {kind}, not a regular file; IbConfig reads and writes only regular settings files. Name the settings file itself.", path);

    public static IbConfigException LinkNotSupported(string path) =>
        new("ConfigFileLinkUnsupported", IbErrorKind.NotImplemented,
            $"'{path}' is a symbolic link, and this .NET cannot tell where it points, so writing would replace the link. Run the command in PowerShell 7, or name the link's target.", path);

    public static IbConfigException LockHeld(string path, string lockPath, TimeSpan age, string owner, bool ownerGone) =>
        new("ConfigFileLockHeld", IbErrorKind.ResourceBusy,
            $"Another IbConfig command is writing '{path}': its lock '{lockPath}' exists since {Math.Round(age.TotalSeconds)} s ago ({owner}). " +
            (ownerGone
                ? $"That process is no longer running, so the lock is stale (left by a command that was killed): delete '{lockPath}' and try again."
                : $"Try again when it is done; if no IbConfig command is running, the lock is stale: delete '{lockPath}'."),
            path);

    /// <param name="conflicting">The places this change sets that the other writer changed too ("[IBGateway] MasterClientId"), when known.</param>
    public static IbConfigException ChangedSinceRead(string path, IReadOnlyCollection<string>? conflicting = null) =>
        new("ConfigFileChangedSinceRead", IbErrorKind.ResourceBusy, conflicting is { Count: > 0 }
            ? $"'{path}' changed after it was read (another program or IbConfig command wrote it), and it now holds other values for what this change sets ({string.Join(", ", conflicting)}), so this change was not written, to avoid undoing that one. Check the file's values with Get-IbApiSetting and run the command again if it is still wanted."
            : $"'{path}' changed after it was read (another program or IbConfig command wrote it), so this change was not written, to avoid undoing that one. Run the command again.", path);

    public static IbConfigException BackupWriteFailed(string path, string backupPath, Exception ex) =>
        new("ConfigBackupWriteFailed", IbErrorKind.WriteError,
            $"Could not write the backup '{backupPath}' of '{path}': {ex.Message} Nothing was changed and no partial backup was left. Free disk space or fix the folder's permissions, then try again.", path, ex);

    public static IbConfigException BackupNameExhausted(string path, int copies, string stamp) =>
        new("ConfigBackupNameExhausted", IbErrorKind.ResourceUnavailable,
            $"There are already {copies} backups of '{path}' stamped {stamp}. Wait a second and try again.", path);

    public static IbConfigException BackupNotFound(string backupPath, string path) =>
        new("ConfigBackupNotFound", IbErrorKind.ObjectNotFound,
            $"The backup '{backupPath}' does not exist. Run Get-IbConfigBackup to list the backups of '{path}'.", backupPath);

    public static IbConfigException NoBackupOf(string path, string? folder) =>
        new("ConfigBackupNotFound", IbErrorKind.ObjectNotFound,
            $"There is no backup of '{path}' in '{folder}'. Run Backup-IbConfig to make one, or name one with -BackupPath.", path);

    public static IbConfigException SeveralBackupsForOneFile(string path, int count) =>
        new("SeveralBackupsForOneFile", IbErrorKind.InvalidArgument,
            $"{count} backups of '{path}' were piped in, and only one can be restored. Pick one: " +
            "pipe it alone (Get-IbConfigBackup | Select-Object -First 1 | Restore-IbConfig), name it with -BackupPath, or use -Latest. Nothing was restored.", path);

    /// <summary><paramref name="blockers"/> names each running gateway or TWS that would write its settings back on exit.</summary>
    public static IbConfigException GatewayRunning(string path, IReadOnlyList<string> blockers)
    {
        var one = blockers.Count == 1;
        return new("GatewayRunning", IbErrorKind.ResourceBusy,
            $"{string.Join(" and ", blockers)} {(one ? "is" : "are")} running and {(one ? "writes its" : "write their")} settings back when {(one ? "it exits" : "they exit")}, " +
            $"which would undo this change. Close {(one ? "it" : "them")}, or pass -Force to write anyway.", path);
    }

    public static IbConfigException BackupIsTarget(string backupPath) =>
        new("ConfigBackupIsTarget", IbErrorKind.InvalidArgument,
            $"'{backupPath}' is the settings file itself, not a backup of it. Name a backup file (see Get-IbConfigBackup).", backupPath);

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
