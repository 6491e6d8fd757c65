@{
    Synopsis    = 'Lists the backups of a settings file, newest first, with their time, size and a short hash.'
    Description = @'
Get-IbConfigBackup lists the backups Backup-IbConfig and every writing IbConfig cmdlet made of a settings file: the files named <name>.<yyyyMMdd-HHmmss>[-n].bak beside it (or in -Destination), newest first. Each backup shows when it was taken, its size and the first 12 hex digits of its SHA-256 (equal hashes mean equal content), and carries both Path (the settings file) and BackupPath (the copy), so it pipes straight into Restore-IbConfig.

The settings file itself need not exist any more: you can list and restore the backups of a deleted jts.ini.
'@
    Parameters  = @{
        Path        = 'The settings file whose backups to list. Accepts PowerShell paths and pipeline input by property name. Default: the first existing jts.ini that Find-IbConfig lists.'
        Destination = 'The folder the backups were written to (Backup-IbConfig -Destination). Default: the settings file''s own folder.'
    }
    Examples    = @(
        @{ Title = 'What backups are there?'; Code = 'Get-IbConfigBackup -Path "$env:USERPROFILE\Jts\jts.ini"'; Remarks = 'Lists the backups newest first with time, size and hash.' }
        @{ Title = 'Undo the last change'; Code = 'Get-IbConfigBackup | Select-Object -First 1 | Restore-IbConfig'; Remarks = 'Restores the newest backup of the default jts.ini (after confirming and backing up the current content).' }
        @{ Title = 'Find the backups that differ from the current file'; Code = '$now = (Backup-IbConfig).Hash; Get-IbConfigBackup | Where-Object Hash -ne $now'; Remarks = 'Backs up the current content, then lists only the backups with different content.' }
    )
    RelatedLinks = @('Backup-IbConfig', 'Restore-IbConfig')
    Inputs      = @('IbConfig.Core.Discovery.IbConfigLocation', 'System.IO.FileInfo')
}
