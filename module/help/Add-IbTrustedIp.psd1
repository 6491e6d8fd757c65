@{
    Synopsis    = 'Adds trusted API client addresses to a jts.ini, validated, backed up and written atomically.'
    Description = @'
Add-IbTrustedIp adds addresses to the trusted IP list, the "Configure..." dialog next to Trusted IPs on the guide's API page. Addresses already trusted, and duplicates among the ones given, are folded; the entries already in the file keep their order and spelling.

Each address must be an exact IPv4 or IPv6 address: IB takes no CIDR blocks, ranges, wildcards or host names. Each bad entry is reported as its own error and the good ones are still added. 0.0.0.0, :: (any address) and public Internet addresses are refused unless you pass -Force, and always produce a warning (the guide: "only add IPs you control").

The list is written to every trusted-IP key the file has: IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs. A file with neither gets the key of its layout. Like every IbConfig write it supports -WhatIf and -Confirm, refuses while IB Gateway or TWS runs unless -Force, keeps a timestamped backup (the newest -KeepBackups) and replaces the file atomically. A change into a section holding lines IbConfig cannot read (binary data, NUL) is refused unless -Force (error ConfigSectionUnreadable). Addresses from the pipeline are collected and written once per file.

The trusted list lives in jts.ini ([IBGateway] TrustedIPs and the guide's s.TrustedIPs), in the profile XML (one <String> element per address inside ApiSettings) and in IBC's TrustedTwsApiClientIPs. By default the cmdlet adds the addresses where the gateway reads: jts.ini, the profile XML when it holds a list, and IBC's config.ini where IBC runs IB Gateway (IBC rewrites jts.ini's list at every start; 127.0.0.1 is left out there because IBC always adds it), so Get-IbTrustedIp shows them trusted now and after IBC's next start. -Target JtsIni, ProfileXml, Ibc or All chooses. Each store emits one IbStoreWriteResult saying what changed (docs/trusted-ips.md).
'@
    Parameters  = @{
        KeepBackups = 'How many backups of each file to keep (1 to 10000, default 20). After a write, older backups of that file are deleted; only files named as IbConfig names its backups (<file>.yyyyMMdd-HHmmss[-n].bak) are ever deleted.'
        Target = 'Which stores to change: JtsIni, ProfileXml, Ibc, or All (every readable store). Default: where the gateway reads (jts.ini, the profile XML when it holds a list, IBC''s config.ini where IBC runs IB Gateway). An encrypted profile is skipped with a warning. A named store that does not exist is a StoreNotFound error.'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose API page to use. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names ([Logon] UserNameToDirectory, [settings]), found beside jts.ini; when several qualify a warning names them.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places (%USERPROFILE%\Documents\IBC\config.ini and C:\IBC\config.ini on Windows, ~/ibc/config.ini elsewhere). Its credential keys are never read into any output.'
        IPAddress = 'The addresses to trust: exact IPv4 or IPv6 addresses such as 127.0.0.1 or 192.168.1.100; several per string when comma-separated. Position 0; binds from the pipeline by value and by property name (IPAddress, IP, Address).'
        Force     = 'Allow 0.0.0.0, :: and public addresses (a warning is still written), write even though IB Gateway or TWS is running, and write into a section holding lines IbConfig cannot read (binary data, NUL).'
        Path      = 'The jts.ini to change. Binds from the pipeline by property name (Path, FullName, PSPath), so Get-IbTrustedIp output targets its own file. Default: the first existing jts.ini that Find-IbConfig lists.'
        PassThru  = 'Return the trusted addresses after the change, one IbTrustedIp object each (as Get-IbTrustedIp returns).'
    }
    Examples    = @(
        @{
            Title   = 'Trust a bot host in the profile and in IBC'
            Code    = 'Add-IbTrustedIp 192.168.1.100 -Target All -IbcConfigPath C:\IBC\config.ini'
            Remarks = 'Adds the address to jts.ini, to ibg.xml (a <String> element after the last one, same indentation) and to IBC''s TrustedTwsApiClientIPs; one result per file.'
        }
        @{
            Title   = 'Trust the machine itself, as the guide requires'
            Code    = 'Add-IbTrustedIp 127.0.0.1 -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Adds 127.0.0.1 if it is missing; does nothing (and writes nothing) if it is already there.'
        }
        @{
            Title   = 'Trust the bot machine on the local network'
            Code    = 'Add-IbTrustedIp -IPAddress 192.168.1.100 -WhatIf'
            Remarks = 'Shows the key changes, e.g. [IBGateway] TrustedIPs: 127.0.0.1 -> 127.0.0.1,192.168.1.100, and writes nothing.'
        }
        @{
            Title   = 'Add several addresses from a file'
            Code    = 'Get-Content .\bot-hosts.txt | Add-IbTrustedIp -PassThru'
            Remarks = 'Each line is one address; bad lines are reported one by one, the rest are added in one write.'
        }
    )
    Notes       = 'IBC rewrites TrustedIPs at every gateway start to 127.0.0.1 plus its own TrustedTwsApiClientIPs; for an IBC-managed gateway change that setting too.'
    RelatedLinks = @('Get-IbTrustedIp', 'Remove-IbTrustedIp', 'Set-IbTrustedIp')
    Inputs      = @('System.String', 'IbConfig.Core.Settings.IbApiSettings')
}
