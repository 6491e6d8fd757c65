@{
    Description = 'One address the gateway trusts now or after IBC''s next start: what it is, when it is trusted, and every store and key that grants it (docs/trusted-ips.md).'
    Properties  = @{
        IPAddress     = 'The normalised address; pipes into Add/Remove/Set-IbTrustedIp -IPAddress by property name.'
        Kind          = 'How far the address opens the API: Loopback, Private, Public or Unspecified.'
        State         = 'When it is trusted: Trusted (now and after IBC''s next start), UntilIbcStart (IBC''s next start drops it), FromIbcStart (trusted once IBC has started the gateway again).'
        Stores        = 'Every store that grants it: JtsIni, ProfileXml, Ibc.'
        Sources       = 'Every key granting it with its line, e.g. "jts.ini [IBGateway] TrustedIPs (line 3)".'
        Path          = 'The jts.ini read; binds to -Path of Add/Remove/Set-IbTrustedIp.'
        ProfilePath   = 'The profile XML read; binds to -Profile.'
        IbcConfigPath = 'IBC''s config.ini read; binds to -IbcConfigPath.'
    }
}
