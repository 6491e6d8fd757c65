@{
    Synopsis    = 'Lists the trusted API client addresses in a jts.ini, with their kind and the keys that hold them.'
    Description = @'
Get-IbTrustedIp returns one object per trusted address: the address (IPAddress), what kind it is (Loopback, Private, Public or Unspecified), the keys that hold it with their line numbers (IB's own [IBGateway] TrustedIPs and the guide's s.TrustedIPs), and the file (Path).

Addresses are shown in normalised form and each once, even when both keys list it. Entries that are not exact addresses (CIDR blocks, ranges, host names: IB takes none of them), and guide and real lists that disagree, are reported as warnings.

The objects pipe into Add-IbTrustedIp, Remove-IbTrustedIp and Set-IbTrustedIp by property name (IPAddress and Path).
'@
    Parameters  = @{
        Path = 'The jts.ini to read. Binds from the pipeline by property name (Path, FullName, PSPath). Default: the first existing jts.ini that Find-IbConfig lists.'
    }
    Examples    = @(
        @{
            Title   = 'Check that 127.0.0.1 is trusted'
            Code    = 'Get-IbTrustedIp -Path "$env:USERPROFILE\Jts\jts.ini"'
            Remarks = 'Lists every trusted address; the guide requires 127.0.0.1 (Kind Loopback) so that a bot on the same machine can connect.'
        }
        @{
            Title   = 'Find addresses that anyone on the Internet could use'
            Code    = 'Get-IbTrustedIp | Where-Object Kind -in Public, Unspecified'
            Remarks = 'The guide says to add only IPs you control; public and 0.0.0.0 entries deserve a second look.'
        }
    )
    RelatedLinks = @('Add-IbTrustedIp', 'Remove-IbTrustedIp', 'Set-IbTrustedIp', 'Get-IbApiSetting')
}
