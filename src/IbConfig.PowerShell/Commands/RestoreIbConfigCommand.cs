using System.Linq;
using System.Management.Automation;
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

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var destination = Destination is null ? null : ResolveFileSystemPath(Destination);
        var backupPath = Latest ? LatestBackup(path, destination) : ResolveFileSystemPath(BackupPath);
        if (backupPath is null) return;

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
        var latest = ConfigBackup.WithSystemClock().List(path, destination).FirstOrDefault();
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
