@{
    Description = 'One fault played on a gateway simulator (Invoke-IbGatewaySimulatorFault -PassThru, or a scenario file''s [Faults] row): what it does, to whom, when and for how long.'
    Properties  = @{
        Kind         = 'What it does: DropClients, Notice, NightlyRestart, Pacing, Silence or AdvanceClock.'
        At           = 'When it plays, counted from the simulator''s start, as text hh:mm:ss; null when it played at once.'
        Code         = 'Notice: the IB code sent. Pacing: 162 or 420.'
        Farm         = 'Notice: the farm named at the end of a farm notice, or null for the default farm.'
        Text         = 'The text that replaces IB''s, or null.'
        MessageText  = 'The ERR_MSG text a Notice or Pacing fault sends.'
        Duration     = 'NightlyRestart: how long the port refuses connections. Pacing and Silence: how long they last (zero: until Count requests, or for good). AdvanceClock: how far the replay clock moves. Text hh:mm:ss.'
        ClientIdHold = 'NightlyRestart: how long after the port is back the closed clients'' ids still get 326; text hh:mm:ss.'
        Requests     = 'Pacing and Silence: the message ids of the requests hit.'
        ClientIds    = 'The client ids it concerns; empty for every client.'
        Count        = 'Pacing and Silence: how many requests it hits at most, or null for no limit.'
    }
}
