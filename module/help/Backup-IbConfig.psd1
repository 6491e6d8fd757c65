@{
    Synopsis    = 'Makes a timestamped backup copy of a settings file (jts.ini), beside it or in another folder.'
    Description = @'
Backup-IbConfig copies the settings file to <name>.<yyyyMMdd-HHmmss>.bak (for example jts.ini.20261126-031500.bak) beside it, or in -Destination. A second backup within the same second gets -2, -3 ... so no backup is ever overwritten. The backup keeps the file's permissions (mode bits on Linux and macOS, the ACL on Windows); a backup of IBC's config.ini leaves every credential out (values of IbLoginId, IbPassword and look-alike keys are blanked, and lines IbConfig cannot read are dropped). A backup that cannot be written whole (a full disk) is deleted and reported as ConfigBackupWriteFailed, never left empty or partial. Only the newest -KeepBackups backups of the file are kept. It outputs the backup: its path, time, size and a short SHA-256 hash (equal hashes mean equal content).

Every IbConfig cmdlet that changes a settings file already makes such a backup first; use Backup-IbConfig before changing the file in the IB Gateway / TWS GUI or by hand. Get-IbConfigBackup lists the backups and Restore-IbConfig puts one back.
'@
    Parameters  = @{
        KeepBackups = 'How many backups of the file to keep (1 to 10000, default 20). After the new backup is made, older ones are deleted; only files named as IbConfig names its backups are ever deleted, so your own copies (jts.ini.bak, jts.ini.before-upgrade) are safe.'
        Path        = 'The settings file to back up. Accepts PowerShell paths and pipeline input by property name (Path, FullName, PSPath), so Find-IbConfig and Get-ChildItem output bind. Default: the first existing jts.ini that Find-IbConfig lists.'
        Destination = 'The folder for the backup, created if missing. Default: the settings file''s own folder. Pass the same folder to Get-IbConfigBackup and Restore-IbConfig.'
    }
    Examples    = @(
        @{ Title = 'Back up the settings before changing them in the GUI'; Code = 'Backup-IbConfig -Path "$env:USERPROFILE\Jts\jts.ini"'; Remarks = 'Writes jts.ini.<time>.bak beside jts.ini and shows it.' }
        @{ Title = 'Keep backups in their own folder'; Code = 'Backup-IbConfig -Destination D:\Backups\IB'; Remarks = 'Backs up the default jts.ini into D:\Backups\IB (created if needed), for example from a scheduled task before the nightly auto-restart.' }
        @{ Title = 'Keep a longer history'; Code = 'Backup-IbConfig -KeepBackups 100'; Remarks = 'Backs up the default jts.ini and keeps its newest 100 backups instead of 20.' }
        @{ Title = 'Back up every settings file on the machine'; Code = 'Find-IbConfig | Where-Object Kind -eq JtsIni | Backup-IbConfig -WhatIf'; Remarks = 'Shows the backups it would make; drop -WhatIf to make them.' }
    )
    RelatedLinks = @('Get-IbConfigBackup', 'Restore-IbConfig', 'Find-IbConfig')
    Inputs      = @('IbConfig.Core.Discovery.IbConfigLocation', 'System.IO.FileInfo')
}
