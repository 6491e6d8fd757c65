@{
    Description = 'A snapshot of one client connection to the simulator: flat, so it prints and serialises cleanly.'
    Properties  = @{
        Id             = 'The session number (matches SessionId in the event log).'
        RemoteAddress  = 'The peer''s address.'
        RemotePort     = 'The peer''s port.'
        State          = 'Where the connection is in its life.'
        ClientId       = 'The client id from START_API, once accepted.'
        ServerVersion  = 'The negotiated server version, or 0 before the handshake.'
        IsMasterClient = 'True when the client id is the configured master API client id.'
        ConnectedAt    = 'When the client connected, with its UTC offset.'
        RequestCount   = 'Requests received after START_API.'
    }
}
