@{
    Description = 'One trusted address as Get-IbTrustedIp shows it: what it is and which keys of which file hold it.'
    Properties  = @{
        IPAddress = 'The normalised address; pipes into Add/Remove/Set-IbTrustedIp -IPAddress by property name.'
        Kind      = 'How far the address opens the API.'
        Sources   = 'The keys holding it, e.g. "[IBGateway] TrustedIPs (line 4)".'
        State     = 'Trusted now, only until IBC''s next start, or only from it (docs/trusted-ips.md).'
        Stores    = 'Every store that grants it.'
        Path      = 'The jts.ini read; binds to -Path.'
        ProfilePath = 'The profile XML read; binds to -Profile.'
        IbcConfigPath = 'IBC''s config.ini read; binds to -IbcConfigPath.'
    }
}
