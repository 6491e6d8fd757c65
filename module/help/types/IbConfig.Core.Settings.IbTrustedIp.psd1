@{
    Description = 'One trusted address as Get-IbTrustedIp shows it: what it is and which keys of which file hold it.'
    Properties  = @{
        IPAddress = 'The normalised address; pipes into Add/Remove/Set-IbTrustedIp -IPAddress by property name.'
        Kind      = 'How far the address opens the API.'
        Sources   = 'The keys holding it, e.g. "[IBGateway] TrustedIPs (line 4)".'
        Path      = 'The first file that holds it.'
    }
}
