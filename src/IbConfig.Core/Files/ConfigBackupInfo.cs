using System;

namespace IbConfig.Core.Files;

/// <summary>
/// One backup copy of a settings file. <see cref="Path"/> is the file it backs up and <see cref="BackupPath"/> the copy,
/// so piping a backup into Restore-IbConfig binds both by name.
/// </summary>
public sealed class ConfigBackupInfo
{
    public ConfigBackupInfo(string path, string backupPath, DateTime time, long length, string hash)
        : this(path, backupPath, time, length, new Lazy<string>(() => hash))
    {
    }

    // A write that backs up on its way does not look at the hash: it is worked out when first read.
    internal ConfigBackupInfo(string path, string backupPath, DateTime time, byte[] content)
        : this(path, backupPath, time, content.LongLength, new Lazy<string>(() => ConfigBackup.ShortHash(content)))
    {
    }

    private ConfigBackupInfo(string path, string backupPath, DateTime time, long length, Lazy<string> hash)
    {
        Path = path;
        BackupPath = backupPath;
        Time = time;
        Length = length;
        _hash = hash;
    }

    private readonly Lazy<string> _hash;

    /// <summary>The settings file this is a backup of.</summary>
    public string Path { get; }

    /// <summary>The backup copy.</summary>
    public string BackupPath { get; }

    /// <summary>When the backup was taken (local clock time, from the backup's name).</summary>
    public DateTime Time { get; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of the content: equal hashes mean equal content.</summary>
    public string Hash => _hash.Value;

    public override string ToString() => BackupPath;
}
