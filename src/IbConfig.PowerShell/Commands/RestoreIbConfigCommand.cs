using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.PowerShell.Commands;

/// <summary>Restore-IbConfig: puts a backup back, after backing up the current content, under the running-gateway guard.</summary>
[Cmdlet(VerbsData.Restore, "IbConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = FromBackupPath)]
[OutputType(typeof(ConfigWriteResult))]
public sealed class RestoreIbConfigCommand : IbConfigFileCmdlet
{
    private const string FromBackupPath = "BackupPath";
    private const string FromLatest = "Latest";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FromBackupPath, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BackupPath { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = FromLatest)]
    public SwitchParameter Latest { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    [Parameter]
    public override SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [ValidateRange(1, 10000)]
    public override int KeepBackups { get; set; } = ConfigBackup.DefaultKeep;

    private readonly List<(string Path, string? Destination, string BackupPath)> _restores = new();

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var destination = Destination is null ? null : ResolveFileSystemPath(Destination);
        var backupPath = Latest ? LatestBackup(path, destination) : ResolveFileSystemPath(BackupPath);
        if (backupPath is not null) _restores.Add((path, destination, backupPath));
    }

    /// <summary>
    /// Restores once the pipeline has ended: restoring each piped backup in turn would leave the last one (the oldest, as
    /// Get-IbConfigBackup lists newest first), so several backups of one file are refused until the user picks one.
    /// </summary>
    protected override void EndProcessing()
    {
        // Linux file names are case-sensitive; Windows' and macOS's default file systems are not.
        var comparer = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? System.StringComparer.Ordinal : System.StringComparer.OrdinalIgnoreCase;
        foreach (var restores in _restores.GroupBy(r => r.Path, comparer))
        {
            var backups = restores.Select(r => r.BackupPath).Distinct(comparer).ToArray();
            if (backups.Length > 1)
            {
                WriteIbError("SeveralBackupsForOneFile", ErrorCategory.InvalidArgument, restores.Key,
                    $"{backups.Length} backups of '{restores.Key}' were piped in, and only one can be restored. Pick one: " +
                    "pipe it alone (Get-IbConfigBackup | Select-Object -First 1 | Restore-IbConfig), name it with -BackupPath, or use -Latest. Nothing was restored.");
                continue;
            }
            var (path, destination, backupPath) = restores.First();
            Restore(path, destination, backupPath);
        }
    }

    private void Restore(string path, string? destination, string backupPath)
    {
        byte[] content;
        try
        {
            content = ConfigBackup.ReadBackup(backupPath, path, Force);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return;
        }

        var result = SaveFile(path, content, $"Restore the content of '{backupPath}' ({content.Length} bytes, {ConfigBackup.ShortHash(content)})", destination);
        if (result is not null && PassThru) WriteObject(result);
    }

    private string? LatestBackup(string path, string? destination)
    {
        ConfigBackupInfo? latest;
        try
        {
            latest = ConfigBackup.WithSystemClock().List(path, destination).FirstOrDefault();
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return null;
        }
        if (latest is not null)
        {
            WriteVerbose($"The latest backup of '{path}' is '{latest.BackupPath}' ({latest.Time:yyyy-MM-dd HH:mm:ss}).");
            return latest.BackupPath;
        }
        WriteIbError(new IbConfigException("ConfigBackupNotFound", IbErrorKind.ObjectNotFound,
            $"There is no backup of '{path}' in '{destination ?? System.IO.Path.GetDirectoryName(path)}'. Run Backup-IbConfig to make one, or name one with -BackupPath.", path));
        return null;
    }
}
