@{
    Description = 'One fault played on a gateway simulator, now or at a time after its start: a notice, dropped clients, a nightly restart, pacing errors or unanswered requests. Invoke-IbGatewaySimulatorFault -PassThru returns it.'
    Properties  = @{
        Kind         = 'What the fault does.'
        At           = 'When it plays, counted from the simulator''s start; empty plays it at once.'
        Code         = 'Notice: the IB code sent. Pacing: 162 (historical data) or 420 (real-time data).'
        Farm         = 'Notice: the farm named at the end of a farm notice.'
        Text         = 'Replaces IB''s text of the notice or pacing error.'
        Duration     = 'NightlyRestart: how long the port refuses. Pacing and Silence: how long they last.'
        ClientIdHold = 'NightlyRestart: how long after the port is back the closed clients'' ids still get 326.'
        Requests     = 'Pacing and Silence: the message ids of the requests hit.'
        ClientIds    = 'The client ids it concerns; empty means every client.'
        Count        = 'Pacing and Silence: how many requests it hits at most.'
        MessageText  = 'The ERR_MSG text a Notice or Pacing fault sends.'
    }
}
