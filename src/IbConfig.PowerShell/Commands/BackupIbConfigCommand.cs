using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.PowerShell.Commands;

/// <summary>Backup-IbConfig: a timestamped copy of a settings file, beside it or in -Destination.</summary>
[Cmdlet(VerbsData.Backup, "IbConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ConfigBackupInfo))]
public sealed class BackupIbConfigCommand : IbConfigFileCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>The folder for the copy (created if missing). Default: the settings file's own folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    [Parameter]
    [ValidateRange(1, 10000)]
    public override int KeepBackups { get; set; } = ConfigBackup.DefaultKeep;

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var destination = Destination is null ? null : ResolveFileSystemPath(Destination);
        try
        {
            // Checked before ShouldProcess: -WhatIf must not say it would back up a file that is not there.
            path = ConfigBackup.RequireFile(path);
            if (!ShouldProcess(path, $"Back up to '{destination ?? System.IO.Path.GetDirectoryName(path)}'")) return;
            var backups = ConfigBackup.WithSystemClock();
            var backup = backups.Create(path, destination);
            WriteVerbose($"Copied '{path}' to '{backup.BackupPath}' ({backup.Length} bytes, {backup.Hash}).");
            foreach (var pruned in backups.Prune(path, destination, KeepBackups)) WriteVerbose($"Deleted the old backup '{pruned}' (keeping the newest {KeepBackups}).");
            WriteObject(backup);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }
}
