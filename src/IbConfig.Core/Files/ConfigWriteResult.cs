namespace IbConfig.Core.Files;

/// <summary>What a guarded write did: which file, where the previous content was saved, and whether anything changed.</summary>
public sealed class ConfigWriteResult
{
    public ConfigWriteResult(string path, string? backupPath, bool changed, long bytesWritten)
    {
        Path = path;
        BackupPath = backupPath;
        Changed = changed;
        BytesWritten = bytesWritten;
    }

    public string Path { get; }

    /// <summary>The copy of the previous content, or null when nothing was written or the file is new.</summary>
    public string? BackupPath { get; }

    /// <summary>False when the file already held exactly these bytes (then nothing was written and no backup made).</summary>
    public bool Changed { get; }

    public long BytesWritten { get; }
}
