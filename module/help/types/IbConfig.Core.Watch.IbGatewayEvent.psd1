@{
    Description = 'One thing that happened to a watched gateway, written by Watch-IbGateway as it happened. Flat, so it pipes into Export-Csv, a log or a webhook unchanged.'
    Properties  = @{
        Time         = 'When the watcher saw it, in local time with its UTC offset.'
        ComputerName = 'The gateway''s host as watched.'
        Port         = 'The gateway''s API port.'
        Code         = 'IB''s message code (1100, 2104, ...); empty for the watcher''s own events (Connected, Disconnected, Reconnecting, Reconnected, NotLoggedIn, ClockSkew).'
        Kind         = 'What happened (see docs/monitoring.md for the codes behind each kind).'
        Farm         = 'The data farm of a farm event (usfarm, ushmds, secdefnj, ...); empty otherwise.'
        Message      = 'IB''s text, or the watcher''s own account: why it dropped, when it retries, how long it was away.'
    }
}
