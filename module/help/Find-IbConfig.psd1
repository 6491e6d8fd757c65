@{
    Synopsis    = 'Finds the IB Gateway / TWS settings files (jts.ini, the profile XML files beside it, IBC''s config.ini) on this machine and the installed gateway and TWS versions.'
    Description = @'
Find-IbConfig answers the guide's first question, "which jts.ini does my gateway use?". It looks in the settings roots IB uses: $env:TWS_SETTINGS_PATH (IBC and the Docker images), then on Windows %SYSTEMDRIVE%\Jts (IB's default install) and %USERPROFILE%\Jts (the guide's layout), and on Linux and macOS ~/Jts. In each root it checks jts.ini itself and a jts.ini beside each gateway version (ibgateway\<version>\jts.ini).

For each settings file it reports whether it exists, which layout it uses (Guide: the s.SocketPort / s.TrustedIPs keys the seed guide documents; Real: the [IBGateway] TrustedIPs, ApiOnly, [Logon] keys IB writes; Both; or None), the per-user profile folders it names ([Logon] UserNameToDirectory and the [settings] section), and when it was last written. It then lists the installed versions: IB Gateway in <root>\ibgateway\<version>\ and TWS in <root>\<version>\, with their launchers (ibgateway.exe / tws.exe on Windows).

Beside each jts.ini it lists the per-user profile files (Kind ProfileXml: <profile folder>\ibg.xml for IB Gateway, tws.xml for TWS) with their Product and Status: Readable, or Encrypted when a recent IB build stores them encrypted (then change those settings in the GUI or through IBC's config.ini), Malformed or Unreadable. It also lists IBC's config.ini (Kind Ibc) from $env:IBC_INI or IBC's usual places (%USERPROFILE%\Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini); its credentials are never read into the output.

The first existing file listed is the default -Path of every other IbConfig cmdlet. Settings-file objects carry Path, so they pipe into Get-IbApiSetting, Backup-IbConfig and the others; installations carry InstallFolder instead, so they do not bind to -Path.
'@
    Parameters  = @{
        Root           = 'Settings roots (Jts folders) to search instead of this machine''s usual ones. Accepts PowerShell paths (relative, ~, PSDrives) and pipeline input. A root that is not a folder is an error (ConfigRootNotFound).'
        IncludeMissing = 'Also list the candidate settings files that do not exist, so you can see every place IbConfig looked.'
    }
    Examples    = @(
        @{ Title = 'Which settings files are there?'; Code = 'Find-IbConfig'; Remarks = 'Lists the existing jts.ini files with their layout and profile folders, then the installed IB Gateway and TWS versions. On a machine set up as in the guide this shows C:\Users\<you>\Jts\jts.ini with Layout Guide.' }
        @{ Title = 'See every place IbConfig looks'; Code = 'Find-IbConfig -IncludeMissing | Format-Table Exists, Layout, Path'; Remarks = 'Also lists the candidate files that do not exist, which explains a ConfigNotFound error from another cmdlet.' }
        @{ Title = 'Search a settings folder used by IBC'; Code = 'Find-IbConfig -Root D:\IB\Jts'; Remarks = 'Searches only D:\IB\Jts (for example the folder IBC passes as -DjtsConfigDir).' }
        @{ Title = 'Which profiles can IbConfig read?'; Code = 'Find-IbConfig | Where-Object Kind -eq ProfileXml | Format-Table Product, Status, Path'; Remarks = 'One row per ibg.xml / tws.xml with its product and whether it is readable or encrypted.' }
        @{ Title = 'Back up every settings file found'; Code = 'Find-IbConfig | Where-Object Kind -eq JtsIni | Backup-IbConfig'; Remarks = 'Each existing jts.ini gets a timestamped backup beside it before you change anything.' }
    )
    RelatedLinks = @('Get-IbApiSetting', 'Backup-IbConfig', 'Get-IbGatewayProcess')
    Inputs      = @('System.String', 'IbConfig.Core.Discovery.IbInstallation')
}
