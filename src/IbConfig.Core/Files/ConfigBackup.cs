using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Files;

/// <summary>
/// Timestamped copies of a settings file, beside it or in a chosen folder: <c>jts.ini.20261126-031500.bak</c>, then
/// <c>jts.ini.20261126-031500-2.bak</c> for a second copy within the same second. The name carries the time because a
/// copy keeps the original's last-write time.
/// </summary>
public sealed class ConfigBackup
{
    private const string StampFormat = "yyyyMMdd-HHmmss";
    private const int MaxCopiesPerSecond = 1000;

    private readonly Func<DateTimeOffset> _clock;

    /// <param name="clock">The time the backup names carry (the wall-clock time of the value it returns).</param>
    public ConfigBackup(Func<DateTimeOffset> clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Backups named after the local time now.</summary>
    public static ConfigBackup WithSystemClock() => new(() => DateTimeOffset.Now);

    /// <summary>How many backups of one file are kept when the caller does not say (older ones are deleted after a write).</summary>
    public const int DefaultKeep = 20;

    /// <summary>
    /// Copies <paramref name="path"/> (or <paramref name="content"/>, the bytes just read from it) to a new backup beside
    /// it, or in <paramref name="destinationFolder"/> (created if missing), with the file's own permissions. Credentials
    /// (IBC's config.ini) are left out of the copy; see <see cref="Stores.IbcConfig.WithoutCredentials"/>. A backup that
    /// cannot be written whole (a full disk) is deleted and reported: an empty or partial backup is never left behind.
    /// Without <paramref name="flushToDisk"/> the caller must call <see cref="FlushToDisk"/> before it relies on the backup.
    /// </summary>
    /// <exception cref="IbConfigException">ConfigFileNotFound, ConfigBackupWriteFailed, ConfigBackupNameExhausted, ConfigFileAccessDenied.</exception>
    public ConfigBackupInfo Create(string path, string? destinationFolder = null, byte[]? content = null, bool flushToDisk = true)
    {
        var fullPath = RequireFile(path);
        var copy = Stores.IbcConfig.WithoutCredentials(content ?? ConfigFileReader.ReadAllBytes(fullPath), Path.GetFileName(fullPath));
        var folder = BackupFolder(fullPath, destinationFolder);
        var stamp = _clock().DateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, folder, writing: true);
        }

        for (var number = 1; number <= MaxCopiesPerSecond; number++)
        {
            var backupPath = Path.Combine(folder, BackupName(Path.GetFileName(fullPath), stamp, number));
            FileStream stream;
            try
            {
                // Unbuffered, so a full disk fails in Write (inside the clean-up below), not later in Dispose.
                stream = new FileStream(backupPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            }
            catch (IOException) when (File.Exists(backupPath))
            {
                continue; // a real collision: another backup has this name
            }
            catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
            {
                throw FileAccessFailure.BackupWriteFailed(fullPath, backupPath, ex);
            }

            try
            {
                using (stream)
                {
                    FilePermissions.Copy(fullPath, backupPath); // before any byte is written
                    stream.Write(copy, 0, copy.Length);
                    stream.Flush(flushToDisk);
                }
            }
            catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
            {
                TryDelete(backupPath);
                throw FileAccessFailure.BackupWriteFailed(fullPath, backupPath, ex);
            }

            return new ConfigBackupInfo(fullPath, backupPath, TimeOf(backupPath), copy);
        }

        throw FileAccessFailure.BackupNameExhausted(fullPath, MaxCopiesPerSecond, stamp);
    }

    /// <summary>
    /// Puts a backup made without flushing on disk, after checking that it still holds all its bytes; one that does not,
    /// or cannot be flushed, is deleted and reported, as <see cref="Create"/> would.
    /// </summary>
    /// <exception cref="IbConfigException">ConfigBackupWriteFailed.</exception>
    public static void FlushToDisk(ConfigBackupInfo backup)
    {
        if (backup is null) throw new ArgumentNullException(nameof(backup));
        try
        {
            using var stream = new FileStream(backup.BackupPath, FileMode.Open, FileAccess.Write, FileShare.None, 1);
            if (stream.Length != backup.Length) throw new IOException($"it holds {stream.Length} of its {backup.Length} bytes.");
            stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            TryDelete(backup.BackupPath);
            throw FileAccessFailure.BackupWriteFailed(backup.Path, backup.BackupPath, ex);
        }
    }

    /// <summary>
    /// Deletes all but the newest <paramref name="keep"/> backups of <paramref name="path"/>. Only files named as IbConfig
    /// names its backups are ever touched. Returns the deleted paths; one that cannot be deleted is left alone.
    /// </summary>
    public IReadOnlyList<string> Prune(string path, string? destinationFolder, int keep)
    {
        if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), keep, "At least the newest backup is kept.");
        var deleted = new List<string>();
        foreach (var old in BackupPaths(Path.GetFullPath(path), destinationFolder).Skip(keep))
        {
            if (TryDelete(old)) deleted.Add(old);
        }

        return deleted;
    }

    /// <summary>The full path of a settings file that can be backed up; checked before -WhatIf says it would back it up.</summary>
    /// <exception cref="IbConfigException">ConfigFileNotFound, ConfigPathIsFolder.</exception>
    public static string RequireFile(string path)
    {
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (Directory.Exists(fullPath)) throw FileAccessFailure.PathIsFolder(fullPath);
        if (!File.Exists(fullPath)) throw FileAccessFailure.FileNotFound(fullPath);
        return fullPath;
    }

    /// <summary>The backups of <paramref name="path"/> in its folder (or <paramref name="destinationFolder"/>), newest first.</summary>
    public IReadOnlyList<ConfigBackupInfo> List(string path, string? destinationFolder = null)
    {
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        return BackupPaths(fullPath, destinationFolder).Select(file => Describe(fullPath, file)).ToArray();
    }

    // The backup files of fullPath, newest first, without reading them: only names IbConfig gives its backups.
    private static IReadOnlyList<string> BackupPaths(string fullPath, string? destinationFolder)
    {
        var folder = BackupFolder(fullPath, destinationFolder);
        // No folder: no backups of a file that exists; for a file that does not exist either, the path is wrong, not empty.
        if (!Directory.Exists(folder)) return File.Exists(fullPath) ? Array.Empty<string>() : throw FileAccessFailure.BackupFolderNotFound(fullPath, folder);
        var fileName = Path.GetFileName(fullPath);
        var pattern = new Regex("^" + Regex.Escape(fileName) + @"\.(?<stamp>\d{8}-\d{6})(-(?<copy>\d+))?\.bak$",
            RegexOptions.CultureInvariant | (FileSystemPath.Comparison == StringComparison.Ordinal ? RegexOptions.None : RegexOptions.IgnoreCase));
        try
        {
            return Directory.EnumerateFiles(folder, fileName + ".*.bak")
                .Select(file => (file, match: pattern.Match(Path.GetFileName(file))))
                .Where(x => x.match.Success && TryParseStamp(x.match.Groups["stamp"].Value, out _))
                .OrderByDescending(x => x.match.Groups["stamp"].Value, StringComparer.Ordinal)
                .ThenByDescending(x => x.match.Groups["copy"].Success ? int.Parse(x.match.Groups["copy"].Value, CultureInfo.InvariantCulture) : 1)
                .Select(x => x.file)
                .ToArray();
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, folder, writing: false);
        }
    }

    /// <summary>Describes an existing backup file of <paramref name="path"/> (time from its name, else its last-write time).</summary>
    public static ConfigBackupInfo Describe(string path, string backupPath)
    {
        var content = ConfigFileReader.ReadAllBytes(backupPath);
        return new ConfigBackupInfo(Path.GetFullPath(path), Path.GetFullPath(backupPath), TimeOf(backupPath), content.LongLength, ShortHash(content));
    }

    private static DateTime TimeOf(string backupPath)
    {
        var match = Regex.Match(Path.GetFileName(backupPath), @"\.(?<stamp>\d{8}-\d{6})(-\d+)?\.bak$", RegexOptions.CultureInvariant);
        return match.Success && TryParseStamp(match.Groups["stamp"].Value, out var stamped) ? stamped : File.GetLastWriteTime(backupPath);
    }

    /// <summary>
    /// The content of a backup that is about to be restored into <paramref name="path"/>. Backups hold no credentials, so
    /// the current file's credential values are carried over (<see cref="Stores.IbcConfig.WithCredentialsFrom"/>). An empty
    /// backup, or one that does not parse as its kind of file, is refused unless <paramref name="force"/>.
    /// </summary>
    /// <exception cref="IbConfigException">ConfigBackupNotFound, ConfigBackupIsTarget, ConfigBackupEmpty, ConfigBackupUnparseable, and the read errors of <see cref="ConfigFileReader"/>.</exception>
    public static byte[] ReadBackup(string backupPath, string path, bool force = false)
    {
        var fullBackup = Path.GetFullPath(backupPath ?? throw new ArgumentNullException(nameof(backupPath)));
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (!File.Exists(fullBackup)) throw FileAccessFailure.BackupNotFound(fullBackup, fullPath);
        if (FileSystemPath.AreSame(fullBackup, fullPath)) throw FileAccessFailure.BackupIsTarget(fullBackup);
        var content = ConfigFileReader.ReadAllBytes(fullBackup);
        if (!force && ConfigContentFailure.UnusableBackup(fullBackup, content) is { } refused) throw refused;
        return File.Exists(fullPath) ? Stores.IbcConfig.WithCredentialsFrom(content, ConfigFileReader.ReadAllBytes(fullPath), fullPath) : content;
    }

    /// <summary>The first 12 hex digits of the content's SHA-256.</summary>
    public static string ShortHash(byte[] content)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(content), 0, 6).Replace("-", string.Empty).ToLowerInvariant();
    }

    private static string BackupName(string fileName, string stamp, int copy) =>
        copy == 1 ? $"{fileName}.{stamp}.bak" : $"{fileName}.{stamp}-{copy}.bak";

    private static string BackupFolder(string fullPath, string? destinationFolder) =>
        string.IsNullOrEmpty(destinationFolder) ? Path.GetDirectoryName(fullPath)! : Path.GetFullPath(destinationFolder);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            return false;
        }
    }

    private static bool TryParseStamp(string stamp, out DateTime time) =>
        DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
