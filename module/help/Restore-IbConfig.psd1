@{
    Synopsis    = 'Puts a backup of a settings file back, after backing up the current content.'
    Description = @'
Restore-IbConfig replaces the settings file with the content of a backup, named with -BackupPath or chosen with -Latest (the newest backup). Like every IbConfig write it first saves the current content as a new timestamped backup (so a restore can itself be undone), and then replaces the file atomically: a crash leaves the old or the restored file, never a torn one.

IB Gateway and TWS write their settings back when they exit, which would undo the restore, so Restore-IbConfig refuses (error GatewayRunning) while an instance that may use the file's folder runs; close it first, or pass -Force. An empty backup (what a full disk used to leave) or one that does not parse as its kind of file is refused unless -Force. It asks for confirmation (ConfirmImpact High); -WhatIf shows what it would restore and writes nothing. Output: nothing, or with -PassThru the write result (Path, BackupPath of the saved current content, Changed, BytesWritten).
'@
    Parameters  = @{
        KeepBackups = 'How many backups of the file to keep (1 to 10000, default 20); older ones are deleted after the restore. Only IbConfig''s own backup names are ever deleted.'
        Path        = 'The settings file to restore. Accepts PowerShell paths and pipeline input by property name (Get-IbConfigBackup output binds). Default: the first existing jts.ini that Find-IbConfig lists.'
        BackupPath  = 'The backup file to restore from. Binds by property name from Get-IbConfigBackup output; several backups of one file piped in are refused (SeveralBackupsForOneFile) until one is picked, as restoring each in turn would leave the oldest.'
        Latest      = 'Restore the newest backup of the file (in its folder, or in -Destination).'
        Destination = 'The backup folder: where -Latest looks, and where the backup of the current content goes. Default: the settings file''s own folder.'
        Force       = 'Restore even though IB Gateway or TWS runs and may write its settings back on exit (a warning is still shown), and restore a backup that is empty or does not parse (refused otherwise: ConfigBackupEmpty, ConfigBackupUnparseable). Does not override a read-only file.'
        PassThru    = 'Output the write result (Path, BackupPath, Changed, BytesWritten).'
    }
    Examples    = @(
        @{ Title = 'Undo the last change to jts.ini'; Code = 'Restore-IbConfig -Latest -Path "$env:USERPROFILE\Jts\jts.ini"'; Remarks = 'Asks for confirmation, backs up the current content, and restores the newest backup. Close IB Gateway first, or the gateway overwrites the file when it exits.' }
        @{ Title = 'Restore a chosen backup without prompting'; Code = 'Get-IbConfigBackup | Where-Object Time -lt (Get-Date).Date | Select-Object -First 1 | Restore-IbConfig -Confirm:$false -PassThru'; Remarks = 'Restores the newest backup from before today and shows where the replaced content was saved.' }
        @{ Title = 'Preview a restore'; Code = 'Restore-IbConfig -BackupPath C:\Jts\jts.ini.20261126-031500.bak -Path C:\Jts\jts.ini -WhatIf'; Remarks = 'Shows the backup, its size and hash, and the file it would replace; writes nothing.' }
    )
    RelatedLinks = @('Get-IbConfigBackup', 'Backup-IbConfig', 'Get-IbGatewayProcess')
    Inputs      = @('IbConfig.Core.Files.ConfigBackupInfo')
}
