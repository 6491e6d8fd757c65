using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>What a write did to one store: Set-IbApiSetting and the trusted-IP cmdlets emit one per store they target.</summary>
public sealed class IbStoreWriteResult
{
    public const string Changed = nameof(Changed);

    public const string Unchanged = nameof(Unchanged);

    public IbStoreWriteResult(SettingStore store, string path, string status, SettingChange[] changes, string? backupPath)
    {
        StoreValue = store;
        Path = path;
        Status = status;
        Changes = changes.Select(c => c.ToString()).ToArray();
        BackupPath = backupPath;
    }

    public string Store => StoreValue.ToString();

    internal SettingStore StoreValue { get; }

    public string Path { get; }

    /// <summary><c>Changed</c>, <c>Unchanged</c> (it already held the values) or <c>NotWritten</c> (-WhatIf, declined, or failed).</summary>
    public string Status { get; }

    /// <summary>One line per key: <c>ApiSettings/@port: 4002 -> 4012 (line 5)</c>.</summary>
    public string[] Changes { get; }

    /// <summary>The backup of the previous content, when the file was written.</summary>
    public string? BackupPath { get; }

    public override string ToString() => $"{Store} {Path}: {Status}";
}
