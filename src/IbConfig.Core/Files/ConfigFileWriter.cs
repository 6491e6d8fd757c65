using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using IbConfig.Core.Errors;
using IbConfig.Core.Processes;

namespace IbConfig.Core.Files;

/// <summary>
/// The one guarded write every IbConfig change goes through: refuse while an IB Gateway / TWS that may use the file's
/// folder runs (IB writes its settings back on exit and would undo the change) unless forced; hold the file's lock
/// (<see cref="ConfigFileLock"/>) and refuse if the file changed since the caller read it; keep a timestamped backup of
/// the previous content (pruned to the newest few); then replace the file atomically. A symbolic link is written through:
/// the link stays and its target changes.
/// </summary>
public sealed class ConfigFileWriter
{
    private readonly GatewayProcessFinder _finder;
    private readonly ConfigBackup _backup;
    private readonly TimeSpan _lockWait;

    /// <param name="lockWait">How long to wait for another writer's lock; default <see cref="ConfigFileLock.DefaultWait"/>.</param>
    public ConfigFileWriter(GatewayProcessFinder finder, Func<DateTimeOffset> clock, TimeSpan? lockWait = null)
    {
        _finder = finder ?? throw new ArgumentNullException(nameof(finder));
        _backup = new ConfigBackup(clock ?? throw new ArgumentNullException(nameof(clock)));
        _lockWait = lockWait ?? ConfigFileLock.DefaultWait;
    }

    /// <summary>The running instances that may write their settings back into the folder of <paramref name="path"/>.</summary>
    public IReadOnlyList<GatewayProcessInfo> FindBlockingProcesses(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var blocking = _finder.FindUsing(folder);
        // A profile XML sits in a profile folder inside the settings folder the gateway names (docs/ib-settings.md, section 2).
        if (Stores.ProfileXmlDocument.ProductOf(Path.GetFileName(path)) is not null && Path.GetDirectoryName(folder) is { } settingsFolder)
            blocking = blocking.Concat(_finder.FindUsing(settingsFolder)).GroupBy(p => p.Id).Select(g => g.First()).ToList();
        return blocking;
    }

    /// <summary>
    /// With force the guard is skipped, but the user should still hear that IB may undo the change when it exits: the
    /// warning to give, or null when nothing runs that may write into the folder of <paramref name="path"/>.
    /// </summary>
    public string? RunningGatewayWarning(string path)
    {
        var blocking = FindBlockingProcesses(path);
        return blocking.Count == 0 ? null
            : $"{string.Join(" and ", blocking.Select(p => p.ToString()))} may write its settings back to '{Path.GetDirectoryName(Path.GetFullPath(path))}' when it exits and undo this change (-Force given).";
    }

    /// <summary>Throws GatewayRunning when an instance may write its settings back into the folder of <paramref name="path"/>.</summary>
    public void EnsureNoGatewayUses(string path)
    {
        var blocking = FindBlockingProcesses(path);
        if (blocking.Count == 0) return;
        throw FileAccessFailure.GatewayRunning(Path.GetFullPath(path), blocking.Select(p => p.ToString()).ToList());
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>: nothing when the file already holds exactly these bytes;
    /// otherwise the running-gateway guard (skipped when <paramref name="force"/>), a backup of the current content beside
    /// the file or in <paramref name="backupFolder"/>, an atomic replace, and the backups pruned to <paramref name="keepBackups"/>.
    /// With <paramref name="expected"/> (the bytes the change was planned from) a file that no longer holds them is left
    /// alone. A file that does not exist yet is created.
    /// </summary>
    /// <exception cref="IbConfigException">GatewayRunning, ConfigFileChangedSinceRead, ConfigFileLockHeld, ConfigFileNotRegular, ConfigPathIsFolder,
    /// ConfigFolderNotFound, ConfigFileReadOnly, ConfigFileLocked, ConfigFileAccessDenied, ConfigBackupWriteFailed, ConfigFileWriteFailed.</exception>
    public ConfigWriteResult Write(string path, byte[] content, bool force, string? backupFolder = null, byte[]? expected = null, int keepBackups = ConfigBackup.DefaultKeep)
    {
        if (content is null) throw new ArgumentNullException(nameof(content));
        return Write(path, current =>
        {
            if (expected is not null && !SameBytes(current ?? Array.Empty<byte>(), expected)) throw FileAccessFailure.ChangedSinceRead(Path.GetFullPath(path));
            return content;
        }, force, backupFolder, keepBackups);
    }

    /// <summary>
    /// The guarded write of <see cref="Write(string, byte[], bool, string?, byte[]?, int)"/>, with the content worked out
    /// under the file's lock: <paramref name="contentFor"/> gets what the file holds now (null when it does not exist) and
    /// returns the bytes to write, or throws to leave the file alone. No other IbConfig writer can change the file between
    /// that read and the replace, so what it returns is exactly what the file will hold.
    /// </summary>
    /// <param name="contentRead">The bytes the caller read before (if any): when the file still holds them,
    /// <paramref name="contentFor"/> gets this very array, and the file is compared in blocks instead of read into a second copy.</param>
    /// <exception cref="IbConfigException">What <paramref name="contentFor"/> throws, and the errors of <see cref="Write(string, byte[], bool, string?, byte[]?, int)"/>.</exception>
    public ConfigWriteResult Write(string path, Func<byte[]?, byte[]> contentFor, bool force, string? backupFolder = null, int keepBackups = ConfigBackup.DefaultKeep, byte[]? contentRead = null)
    {
        if (contentFor is null) throw new ArgumentNullException(nameof(contentFor));
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (Directory.Exists(fullPath)) throw FileAccessFailure.PathIsFolder(fullPath);
        var target = FileLink.FinalTarget(fullPath);
        FileNode.EnsureRegular(target);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw FileAccessFailure.FolderNotFound(fullPath, folder);

        using (ConfigFileLock.Acquire(target, _lockWait))
        {
            var current = File.Exists(target) ? ConfigFileReader.ReadAllBytes(target, ConfigFileLimits.AnyBytes, contentRead) : null;
            var content = contentFor(current) ?? throw new InvalidOperationException("No content to write.");
            if (current is not null && SameBytes(current, content)) return new ConfigWriteResult(fullPath, null, changed: false, bytesWritten: 0);

            if (!force) EnsureNoGatewayUses(fullPath);
            // Refuse a read-only file before making a backup that would suggest something was written.
            if (current is not null && (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0) throw FileAccessFailure.ReadOnly(fullPath);
            // The backup comes from the bytes just read (no second read or copy), and is flushed together with the new content.
            var backup = current is null ? null : _backup.Create(fullPath, backupFolder, current, flushToDisk: false);
            AtomicFileWriter.Write(target, content, backup is null ? null : () => ConfigBackup.FlushToDisk(backup));
            if (backup is not null) _backup.Prune(fullPath, backupFolder, keepBackups);
            return new ConfigWriteResult(fullPath, backup?.BackupPath, changed: true, bytesWritten: content.LongLength);
        }
    }

    /// <summary>Byte-for-byte equality, without LINQ's enumerator per element on .NET Framework.</summary>
    [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization, as in IniDocument: a command runs once, in a fresh process
    internal static bool SameBytes(byte[] a, byte[] b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }

        return true;
    }

    /// <summary>
    /// Puts the content of <paramref name="backupPath"/> back into <paramref name="path"/> through <see cref="Write"/>, so the
    /// current content is itself backed up first and the running-gateway guard applies. <paramref name="force"/> also
    /// restores an empty or unparseable backup.
    /// </summary>
    /// <exception cref="IbConfigException">ConfigBackupNotFound, ConfigBackupIsTarget, and the errors of <see cref="Write"/>.</exception>
    public ConfigWriteResult Restore(string backupPath, string path, bool force, string? backupFolder = null, int keepBackups = ConfigBackup.DefaultKeep) =>
        Write(path, ConfigBackup.ReadBackup(backupPath, path, force), force, backupFolder, keepBackups: keepBackups);
}
