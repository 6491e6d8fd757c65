using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.PowerShell.Commands;

/// <summary>Get-IbConfigBackup: the backups of a settings file, newest first.</summary>
[Cmdlet(VerbsCommon.Get, "IbConfigBackup")]
[OutputType(typeof(ConfigBackupInfo))]
public sealed class GetIbConfigBackupCommand : IbConfigFileCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>The folder the backups were written to with Backup-IbConfig -Destination. Default: the file's own folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    protected override void ProcessRecord()
    {
        var path = ResolveConfigPath();
        var destination = Destination is null ? null : ResolveFileSystemPath(Destination);
        try
        {
            var backups = ConfigBackup.WithSystemClock().List(path, destination);
            WriteVerbose($"{backups.Count} backup(s) of '{path}' in '{destination ?? System.IO.Path.GetDirectoryName(path)}'.");
            foreach (var backup in backups) WriteObject(backup);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }
}
