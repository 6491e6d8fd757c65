@{
    Synopsis    = 'Removes trusted API client addresses from a jts.ini, validated, backed up and written atomically.'
    Description = @'
Remove-IbTrustedIp removes addresses from the trusted IP list, from every trusted-IP key the file has (IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs), keeping the other entries as they are. An entry that is not an address (such as 10.0.0.0/8, which IB ignores) can be removed by its exact text.

127.0.0.1 is not removed unless you pass -Force: bots on the same machine connect from it. Each bad entry is reported as its own error and the others are still removed. Removing an address that is not in the list changes nothing.

Like every IbConfig write it supports -WhatIf and -Confirm, refuses while IB Gateway or TWS runs unless -Force, keeps a timestamped backup (the newest -KeepBackups) and replaces the file atomically.

The trusted list lives in jts.ini ([IBGateway] TrustedIPs and the guide's s.TrustedIPs), in the profile XML (one <String> element per address inside ApiSettings) and in IBC's TrustedTwsApiClientIPs. By default the cmdlet removes the addresses from every store that holds a list, so nothing still grants them; afterwards it reads the stores again and warns for each address something still grants (a narrower -Target, an encrypted profile, or IBC, which always puts 127.0.0.1 back). -Target JtsIni, ProfileXml, Ibc or All chooses. Each store emits one IbStoreWriteResult saying what changed (docs/trusted-ips.md).
'@
    Parameters  = @{
        KeepBackups = 'How many backups of each file to keep (1 to 10000, default 20). After a write, older backups of that file are deleted; only files named as IbConfig names its backups (<file>.yyyyMMdd-HHmmss[-n].bak) are ever deleted.'
        Target = 'Which stores to change: JtsIni, ProfileXml, Ibc, or All (every readable store). Default: every store that holds a list. An encrypted profile is skipped with a warning. A named store that does not exist is a StoreNotFound error.'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose API page to use. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names ([Logon] UserNameToDirectory, [settings]), found beside jts.ini; when several qualify a warning names them.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places (%USERPROFILE%\Documents\IBC\config.ini and C:\IBC\config.ini on Windows, ~/ibc/config.ini elsewhere). Its credential keys are never read into any output.'
        IPAddress = 'The addresses to remove: exact IPv4 or IPv6 addresses, or the exact text of an entry that is not one; several per string when comma-separated. Position 0; binds from the pipeline by value and by property name (IPAddress, IP, Address). Tab completes the addresses trusted now.'
        Force     = 'Allow removing 127.0.0.1, write even though IB Gateway or TWS is running, and write into a section holding lines IbConfig cannot read (binary data, NUL).'
        Path      = 'The jts.ini to change. Binds from the pipeline by property name (Path, FullName, PSPath), so Get-IbTrustedIp output targets its own file. Default: the first existing jts.ini that Find-IbConfig lists.'
        PassThru  = 'Return the trusted addresses after the change, one IbTrustedIp object each (as Get-IbTrustedIp returns).'
    }
    Examples    = @(
        @{
            Title   = 'Remove an address from IBC''s list only'
            Code    = 'Remove-IbTrustedIp 10.0.0.7 -Target Ibc -IbcConfigPath C:\IBC\config.ini'
            Remarks = 'Changes only TrustedTwsApiClientIPs in IBC''s config.ini.'
        }
        @{
            Title   = 'Stop trusting a machine that was retired'
            Code    = 'Remove-IbTrustedIp 192.168.1.100 -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Removes the address from TrustedIPs and s.TrustedIPs; a backup of the previous file is kept beside it.'
        }
        @{
            Title   = 'Remove every public address'
            Code    = 'Get-IbTrustedIp | Where-Object Kind -eq Public | Remove-IbTrustedIp -WhatIf'
            Remarks = 'Get-IbTrustedIp objects bind IPAddress and Path by property name; -WhatIf shows the change first.'
        }
    )
    RelatedLinks = @('Get-IbTrustedIp', 'Add-IbTrustedIp', 'Set-IbTrustedIp')
    Inputs      = @('System.String', 'IbConfig.Core.Settings.IbTrustedIp')
}
