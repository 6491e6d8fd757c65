@{
    Synopsis    = 'Lists the trusted API client addresses that count, with their kind and every store and key that holds them.'
    Description = @'
Get-IbTrustedIp returns one object per trusted address: the address (IPAddress), what kind it is (Loopback, Private, Public or Unspecified), every store and key that holds it with their line numbers (IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs in jts.ini, the profile XML's <String> list, IBC's TrustedTwsApiClientIPs), and the file of the list that counts (Path).

By default it lists the addresses that count: IBC's list when IBC's config.ini sets one (IBC rewrites the gateway's list at every start), else the profile XML's, else jts.ini's, the same precedence Get-IbApiSetting uses. -Source shows one store's own list.

Addresses are shown in normalised form and each once, even when both keys list it. Entries that are not exact addresses (CIDR blocks, ranges, host names: IB takes none of them), and guide and real lists that disagree, are reported as warnings.

The objects pipe into Add-IbTrustedIp, Remove-IbTrustedIp and Set-IbTrustedIp by property name (IPAddress and Path).
'@
    Parameters  = @{
        Path = 'The jts.ini to read. Binds from the pipeline by property name (Path, FullName, PSPath). Default: the first existing jts.ini that Find-IbConfig lists.'
        Source = 'Which list: Effective (default: the list that counts, IBC over the profile XML over jts.ini), JtsIni, ProfileXml or Ibc (that store''s own list).'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose trusted list to read. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names, found beside jts.ini.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places. Its credential keys are never read into any output.'
    }
    Examples    = @(
        @{
            Title   = 'Check that 127.0.0.1 is trusted'
            Code    = 'Get-IbTrustedIp -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Lists every trusted address; the guide requires 127.0.0.1 (Kind Loopback) so that a bot on the same machine can connect.'
        }
        @{
            Title   = 'See which addresses IBC will put back at the next gateway start'
            Code    = 'Get-IbTrustedIp -IbcConfigPath C:\IBC\config.ini -Source Ibc'
            Remarks = 'IBC rewrites the gateway''s trusted list to 127.0.0.1 plus its TrustedTwsApiClientIPs at every start: an address added only to jts.ini is lost then.'
        }
        @{
            Title   = 'Find addresses that anyone on the Internet could use'
            Code    = 'Get-IbTrustedIp | Where-Object Kind -in Public, Unspecified'
            Remarks = 'The guide says to add only IPs you control; public and 0.0.0.0 entries deserve a second look.'
        }
    )
    RelatedLinks = @('Add-IbTrustedIp', 'Remove-IbTrustedIp', 'Set-IbTrustedIp', 'Get-IbApiSetting')
    Inputs      = @('IbConfig.Core.Discovery.IbConfigLocation', 'IbConfig.Core.Settings.IbApiSettings')
}
