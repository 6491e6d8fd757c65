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

    /// <summary>
    /// Copies <paramref name="path"/> to a new backup beside it, or in <paramref name="destinationFolder"/> (created if
    /// missing). Credential values (IBC's config.ini) are left out of the copy; see <see cref="Stores.IbcConfig.WithoutCredentials"/>.
    /// </summary>
    /// <exception cref="IbConfigException">ConfigFileNotFound, ConfigFileLocked, ConfigFileAccessDenied, ConfigFileWriteFailed.</exception>
    public ConfigBackupInfo Create(string path, string? destinationFolder = null)
    {
        var fullPath = RequireFile(path);
        var folder = BackupFolder(fullPath, destinationFolder);
        var stamp = _clock().DateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(folder);
            for (var copy = 1; copy <= MaxCopiesPerSecond; copy++)
            {
                var backupPath = Path.Combine(folder, BackupName(Path.GetFileName(fullPath), stamp, copy));
                if (File.Exists(backupPath)) continue;
                try
                {
                    using var stream = new FileStream(backupPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    var content = Stores.IbcConfig.WithoutCredentials(ConfigFileReader.ReadAllBytes(fullPath));
                    stream.Write(content, 0, content.Length);
                }
                catch (IOException) when (File.Exists(backupPath))
                {
                    continue; // another backup took this name between the check and the copy
                }
                return Describe(fullPath, backupPath);
            }
        }
        catch (Exception ex) when (FileAccessFailure.IsFileError(ex))
        {
            throw FileAccessFailure.Translate(ex, fullPath, writing: true);
        }
        throw new IbConfigException("ConfigBackupNameExhausted", IbErrorKind.ResourceUnavailable,
            $"There are already {MaxCopiesPerSecond} backups of '{fullPath}' stamped {stamp}. Wait a second and try again.", fullPath);
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
        var folder = BackupFolder(fullPath, destinationFolder);
        // No folder: no backups of a file that exists; for a file that does not exist either, the path is wrong, not empty.
        if (!Directory.Exists(folder)) return File.Exists(fullPath) ? Array.Empty<ConfigBackupInfo>() : throw FileAccessFailure.BackupFolderNotFound(fullPath, folder);
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
                .Select(x => Describe(fullPath, x.file))
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
        var name = Path.GetFileName(backupPath);
        var match = Regex.Match(name, @"\.(?<stamp>\d{8}-\d{6})(-\d+)?\.bak$", RegexOptions.CultureInvariant);
        var time = match.Success && TryParseStamp(match.Groups["stamp"].Value, out var stamped) ? stamped : File.GetLastWriteTime(backupPath);
        return new ConfigBackupInfo(Path.GetFullPath(path), Path.GetFullPath(backupPath), time, content.LongLength, ShortHash(content));
    }

    /// <summary>
    /// The content of a backup that is about to be restored into <paramref name="path"/>. Backups hold no credentials, so
    /// the current file's credential values are carried over (<see cref="Stores.IbcConfig.WithCredentialsFrom"/>).
    /// </summary>
    /// <exception cref="IbConfigException">ConfigBackupNotFound, ConfigBackupIsTarget, and the read errors of <see cref="ConfigFileReader"/>.</exception>
    public static byte[] ReadBackup(string backupPath, string path)
    {
        var fullBackup = Path.GetFullPath(backupPath ?? throw new ArgumentNullException(nameof(backupPath)));
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (!File.Exists(fullBackup))
            throw new IbConfigException("ConfigBackupNotFound", IbErrorKind.ObjectNotFound,
                $"The backup '{fullBackup}' does not exist. Run Get-IbConfigBackup to list the backups of '{fullPath}'.", fullBackup);
        if (FileSystemPath.AreSame(fullBackup, fullPath))
            throw new IbConfigException("ConfigBackupIsTarget", IbErrorKind.InvalidArgument,
                $"'{fullBackup}' is the settings file itself, not a backup of it. Name a backup file (see Get-IbConfigBackup).", fullBackup);
        var content = ConfigFileReader.ReadAllBytes(fullBackup);
        return File.Exists(fullPath) ? Stores.IbcConfig.WithCredentialsFrom(content, ConfigFileReader.ReadAllBytes(fullPath)) : content;
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

    private static bool TryParseStamp(string stamp, out DateTime time) =>
        DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
