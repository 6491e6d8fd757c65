using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>What Repair-IbApiConfiguration did for one check in one store: the keys it changed, and the backup of the file.</summary>
public sealed class IbRepairChange
{
    public IbRepairChange(string checkId, string fix, SettingStore store, string path, string status, SettingChange[] changes, string? backupPath)
    {
        CheckId = checkId;
        Fix = fix;
        StoreValue = store;
        Path = path;
        Status = status;
        Changes = changes.Select(c => c.ToString()).ToArray();
        BackupPath = backupPath;
    }

    /// <summary>The check the change fixes (<see cref="IbCheckId"/>).</summary>
    public string CheckId { get; }

    /// <summary>What was asked: "ApiEnabled=true", "add 127.0.0.1 to the trusted IPs".</summary>
    public string Fix { get; }

    public string Store => StoreValue.ToString();

    internal SettingStore StoreValue { get; }

    public string Path { get; }

    /// <summary><c>Changed</c>, or <c>NotWritten</c> when the file could not be written (the error says why).</summary>
    public string Status { get; }

    /// <summary>One line per key: <c>ApiSettings/@socketClient: false -> true (line 4)</c>.</summary>
    public string[] Changes { get; }

    /// <summary>The one backup of the file's previous content, shared by every change to that file.</summary>
    public string? BackupPath { get; }

    public override string ToString() => $"{CheckId} {Store} {Path}: {Status}";
}
