@{
    Synopsis    = 'Lists the addresses the gateway trusts now or after IBC''s next start, with their kind, state and every store and key that grants them.'
    Description = @'
Get-IbTrustedIp returns one object per trusted address: the address (IPAddress), what kind it is (Loopback, Private, Public or Unspecified), when it is trusted (State), every store that grants it (Stores) and every key with its line number (Sources: IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs in jts.ini, the profile XML's <String> list, IBC's TrustedTwsApiClientIPs), and the files it read (Path, ProfilePath, IbcConfigPath).

An address counts as trusted when any store the gateway may read grants it: it is not known which of jts.ini and the profile IB reads, so the conservative answer wins. Where IBC runs IB Gateway, IBC's next start replaces jts.ini's TrustedIPs with 127.0.0.1 plus IBC's list (IBC 3.24.1's JtsIniManager; TWS is left alone). State says what that means for each address: Trusted (now and after IBC's next start), UntilIbcStart (IBC's next start drops it), FromIbcStart (trusted once IBC has started the gateway again). docs/trusted-ips.md gives the evidence. -Source JtsIni, ProfileXml or Ibc shows only what one store grants.

Addresses are shown in normalised form and each once, even when both keys list it. Entries that are not exact addresses (CIDR blocks, ranges, host names: IB takes none of them), and guide and real lists that disagree, are reported as warnings.

The objects pipe into Add-IbTrustedIp, Remove-IbTrustedIp and Set-IbTrustedIp by property name (IPAddress, Path, ProfilePath and IbcConfigPath), so a piped removal edits the same stores that were read.
'@
    Parameters  = @{
        Path = 'The jts.ini to read. Binds from the pipeline by property name (Path, FullName, PSPath). Default: the first existing jts.ini that Find-IbConfig lists.'
        Source = 'Which grants: Effective (default: every store the gateway may read, and IBC''s list for after its next start), or JtsIni, ProfileXml or Ibc (only what that store grants).'
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
            Title   = 'See which addresses IBC''s next gateway start adds or drops'
            Code    = 'Get-IbTrustedIp -IbcConfigPath C:\IBC\config.ini | Where-Object State -ne Trusted'
            Remarks = 'IBC rewrites the gateway''s trusted list to 127.0.0.1 plus its TrustedTwsApiClientIPs at every start: an address only jts.ini grants is UntilIbcStart, one only IBC lists is FromIbcStart.'
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
