@{
    Synopsis    = 'Replaces the trusted API client address list in a jts.ini with exactly the given addresses.'
    Description = @'
Set-IbTrustedIp writes exactly the given addresses (duplicates folded, order kept) to every trusted-IP key the file has, IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs, so the two layouts agree afterwards. A file with neither gets the key of its layout.

Each address must be an exact IPv4 or IPv6 address; each bad one is reported as its own error and the list is set from the others. 0.0.0.0, :: and public addresses are refused unless you pass -Force, and always produce a warning. A list that leaves out 127.0.0.1 while the file trusts it is refused unless you pass -Force, because bots on the same machine connect from it.

Like every IbConfig write it supports -WhatIf and -Confirm, refuses while IB Gateway or TWS runs unless -Force, keeps a timestamped backup (the newest -KeepBackups) and replaces the file atomically. Addresses from the pipeline are collected and written once per file.

The trusted list lives in jts.ini ([IBGateway] TrustedIPs and the guide's s.TrustedIPs), in the profile XML (one <String> element per address inside ApiSettings) and in IBC's TrustedTwsApiClientIPs. By default the cmdlet writes the list where the gateway reads: jts.ini, the profile XML when it holds a list, and IBC's config.ini where IBC runs IB Gateway (IBC rewrites jts.ini's list at every start; 127.0.0.1 is left out there because IBC always adds it), so Get-IbTrustedIp shows exactly this list now and after IBC's next start. -Target JtsIni, ProfileXml, Ibc or All chooses. Each store emits one IbStoreWriteResult saying what changed (docs/trusted-ips.md).
'@
    Parameters  = @{
        KeepBackups = 'How many backups of each file to keep (1 to 10000, default 20). After a write, older backups of that file are deleted; only files named as IbConfig names its backups (<file>.yyyyMMdd-HHmmss[-n].bak) are ever deleted.'
        Target = 'Which stores to change: JtsIni, ProfileXml, Ibc, or All (every readable store). Default: where the gateway reads (jts.ini, the profile XML when it holds a list, IBC''s config.ini where IBC runs IB Gateway). An encrypted profile is skipped with a warning. A named store that does not exist is a StoreNotFound error.'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose API page to use. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names ([Logon] UserNameToDirectory, [settings]), found beside jts.ini; when several qualify a warning names them.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places (%USERPROFILE%\Documents\IBC\config.ini and C:\IBC\config.ini on Windows, ~/ibc/config.ini elsewhere). Its credential keys are never read into any output.'
        IPAddress = 'The complete list of addresses to trust: exact IPv4 or IPv6 addresses; several per string when comma-separated. Position 0; binds from the pipeline by value and by property name (IPAddress, IP, Address).'
        Force     = 'Allow 0.0.0.0, :: and public addresses (a warning is still written), allow a list without 127.0.0.1, write even though IB Gateway or TWS is running, and write into a section holding lines IbConfig cannot read (binary data, NUL).'
        Path      = 'The jts.ini to change. Binds from the pipeline by property name (Path, FullName, PSPath), so Get-IbTrustedIp output targets its own file. Default: the first existing jts.ini that Find-IbConfig lists.'
        PassThru  = 'Return the trusted addresses after the change, one IbTrustedIp object each (as Get-IbTrustedIp returns).'
    }
    Examples    = @(
        @{
            Title   = 'Make the profile XML trust exactly localhost and one bot host'
            Code    = 'Set-IbTrustedIp 127.0.0.1, 10.0.0.5 -Target ProfileXml -Profile C:\Jts\darykqabcdef'
            Remarks = 'Rewrites only the <String> elements of ibg.xml''s ApiSettings; every other byte of the file stays.'
        }
        @{
            Title   = 'Trust only this machine, as the guide recommends'
            Code    = 'Set-IbTrustedIp 127.0.0.1 -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Writes TrustedIPs=127.0.0.1 (and s.TrustedIPs where the file has it), dropping every other entry.'
        }
        @{
            Title   = 'Make the guide and IB keys agree'
            Code    = 'Set-IbTrustedIp -IPAddress 127.0.0.1, 192.168.1.100 -WhatIf'
            Remarks = 'Shows the old and new value of each trusted-IP key, and writes nothing.'
        }
    )
    RelatedLinks = @('Get-IbTrustedIp', 'Add-IbTrustedIp', 'Remove-IbTrustedIp')
    Inputs      = @('System.String', 'IbConfig.Core.Settings.IbApiSettings')
}
