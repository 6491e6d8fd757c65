@{
    Description = 'One entry of a simulator''s event log: flat, so it prints and serialises cleanly.'
    Properties  = @{
        Sequence      = 'Position in the simulator''s whole history (the log keeps only the latest entries).'
        Time          = 'When it happened, with its UTC offset.'
        Kind          = 'What happened.'
        SessionId     = 'The connection it concerns, or 0 for the simulator itself.'
        RemoteAddress = 'The peer''s address and port, or empty for the simulator itself.'
        ClientId      = 'The client id of the session, once known.'
        MessageId     = 'The request''s message id, when the event concerns one.'
        Message       = 'The event in words.'
    }
}
