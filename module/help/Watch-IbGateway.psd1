@{
    Synopsis    = 'Watches IB Gateway / TWS live over its own API session and emits one event per farm, connectivity, disconnect or clock problem as it happens.'
    Description = @'
Watch-IbGateway connects to each gateway with its own client id (998 by default: not the bot's 1, not the health check's 999) and writes an IbGatewayEvent for everything that happens, as it happens: Time, ComputerName, Port, Code (IB's message code), Kind, Farm and Message. Pipe it into a log, a chat webhook or an alert.

Kinds: FarmConnected (2104, 2106, 2158), FarmDisconnected (2103, 2105, 2157), FarmInactive (2107, 2108); ConnectivityLost (1100), ConnectivityRestoredDataLost (1101: market data must be requested again), ConnectivityRestoredDataKept (1102); ApiClientBroken (2110); Connected, Disconnected (the gateway closed the session or stopped answering), Reconnecting (an attempt failed: why, and when the next one is), Reconnected (after how long and how many attempts); NotLoggedIn (the API answers but no next valid id comes: the gateway waits at its login); ClockSkew (the gateway's clock is more than 5 s off this computer's); Notice (any other message the gateway sends to every client).

Every 10 seconds the watcher asks for the server's time: the answer proves the gateway is alive (three unanswered heartbeats count as a drop) and measures the clock skew. After a drop it reconnects with a delay that doubles from 1 s up to 30 s, so it rides through IB's nightly restart and through a client id that the gateway still holds (326). It only reads: no order, no subscription.

It watches every -ComputerName and -Port at once (or targets piped in by property name) and stops after -Duration, after -Count events, or on Ctrl+C, closing its sessions cleanly. Events are written from the pipeline thread in the order they arrive.
'@
    Parameters  = @{
        ComputerName = 'The hosts that run the gateways. Default 127.0.0.1.'
        Port         = 'The API ports to watch (every port on every host). Default: the port this machine''s settings give.'
        ClientId     = 'The client id of the watcher''s own API session. Default 998.'
        Duration     = 'Stop after this long (a TimeSpan, e.g. 00:30:00 or (New-TimeSpan -Hours 8)). Default: until -Count or Ctrl+C.'
        Count        = 'Stop after this many events, across every gateway watched.'
        TimeoutMs    = 'How long one connect (TCP, handshake, login) may take, in milliseconds (100 to 600000). Default 10000.'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; ClientId = '998'; TimeoutMs = '10000' }
    Examples    = @(
        @{
            Title   = 'Log every event of the paper gateway through the trading day'
            Code    = 'Watch-IbGateway -Port 4002 -Duration 08:00:00 | Export-Csv C:\ProgramData\IbConfig\gateway-events.csv -Append -NoTypeInformation'
            Remarks = 'One row per event, written as it happens; the CSV survives a restart of the script.'
        }
        @{
            Title   = 'Alert when a farm breaks or connectivity is lost, on two gateways at once'
            Code    = 'Watch-IbGateway -ComputerName gw1, gw2 -Port 4001 | Where-Object Kind -in ''FarmDisconnected'', ''ConnectivityLost'', ''ConnectivityRestoredDataLost'', ''Disconnected'', ''NotLoggedIn'' | ForEach-Object { Invoke-RestMethod $env:ALERT_WEBHOOK -Method Post -ContentType application/json -Body (@{ text = "$($_.ComputerName):$($_.Port) $($_.Kind): $($_.Message)" } | ConvertTo-Json) }'
            Remarks = 'Runs until Ctrl+C; after a 1101 the bot must request its market data again.'
        }
        @{
            Title   = 'Wait for the gateway to come back after its nightly restart'
            Code    = 'Watch-IbGateway -Port 4002 | Where-Object Kind -in ''Connected'', ''Reconnected'' | Select-Object -First 1'
            Remarks = 'Select-Object -First stops the watch as soon as the gateway answers and is logged in.'
        }
    )
    Notes        = 'The watcher holds one API session per gateway for as long as it runs: give each concurrent watch its own -ClientId. Events come from Core''s GatewayWatcher; their codes and meanings are listed in docs/monitoring.md.'
    RelatedLinks = @('Test-IbConnection', 'Invoke-IbHealthCheck', 'Invoke-IbGatewaySimulatorFault')
    Inputs       = @('IbConfig.Core.Simulator.IbGatewaySimulatorInfo', 'IbConfig.Core.Settings.IbApiSettings')
}
