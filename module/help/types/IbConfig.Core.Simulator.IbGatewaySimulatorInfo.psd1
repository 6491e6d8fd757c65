@{
    Description = 'A snapshot of one registered simulator, as Start-/Get-/Stop-IbGatewaySimulator show it: flat, with the same ComputerName and Port names as the probes so it pipes into them; no live socket inside.'
    Properties  = @{
        Id                 = 'The simulator''s number in this session''s registry.'
        Status             = 'Whether it serves clients.'
        ComputerName       = 'The address clients connect to (loopback unless chosen otherwise).'
        Port               = 'The port it listens on (the one the OS chose for -Port 0).'
        Accounts           = 'The simulated account ids.'
        StartTime          = 'When it started (local time).'
        ConnectionCount    = 'Connections accepted since the start.'
        ActiveSessionCount = 'Connections open now.'
        ReadOnlyApi        = 'True when order requests are refused with error 321.'
        TrustedIps         = 'The addresses it serves besides loopback.'
        AllowLocalhostOnly = 'True when only loopback peers are served.'
        UntrustedBehaviour = 'What an untrusted peer gets: closed at once (IB Gateway), held without a reply (TWS''s accept dialog), or served.'
        MasterClientId     = 'The master API client id, or null.'
        MaxServerVersion   = 'The highest API version it offers.'
        ReplayTime         = 'The replay clock''s simulated time when the simulator replays bar series, else null.'
        Path               = 'The settings file the simulator was configured from, if any.'
    }
}
