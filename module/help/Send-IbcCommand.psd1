@{
    Synopsis    = "Sends a command (Stop, Restart, ReconnectData, ReconnectAccount) to IBC's command server and returns its answer."
    Description = @'
IBC, the tool that automates IB Gateway and TWS logins, runs a small command server when its config.ini sets CommandServerPort (7462 by convention; 0 turns it off). It takes one command per line over plain TCP and answers with INFO lines and a final OK or ERROR line. Send-IbcCommand sends one command and returns an IbcCommandResult with the Status (Ok, Error, NoReply), IBC's reply text and its INFO lines (also written to the verbose stream).

ReconnectData re-connects the market-data farms (the fix when IB reports "farm connection is broken"); ReconnectAccount re-connects to IB's account server; Restart restarts the gateway as its daily auto-restart does; Stop closes it. Stop and Restart disconnect every API client, so they ask for confirmation as a high-impact action (pass -Confirm:$false in scripts); the reconnect commands do not.

IBC accepts commands from loopback only unless its ControlFrom setting allows other addresses. A refused connection means IBC is not running or its command server is off; an answer that never comes usually means -Port is the API port, not IBC's CommandServerPort. Both are reported as errors with stable ids (IbcCommandServerRefused, IbcCommandServerTimeout, IbcCommandServerUnreachable, IbcCommandRejected, IbcCommandNoReply).
'@
    Parameters  = @{
        Command      = 'The command to send: Stop, Restart, ReconnectData or ReconnectAccount. Sent as the upper-case word IBC expects (STOP, RESTART, RECONNECTDATA, RECONNECTACCOUNT). Binds from the pipeline by value (''ReconnectData'' | Send-IbcCommand) and by property name.'
        Port         = "IBC's command server port. Default: CommandServerPort from IBC's config.ini (-IbcConfigPath, else IBC's usual places: `$env:IBC_INI, Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini), else 7462. A config.ini with CommandServerPort=0 (server off) is an IbcCommandServerOff error."
        IbcConfigPath = "IBC's config.ini to read CommandServerPort from when -Port is not given. IbConfig never reads or prints its credentials."
        ComputerName = 'The hosts that run IBC; the command goes to each in turn. Default 127.0.0.1; other hosts must be allowed by IBC''s ControlFrom setting.'
        TimeoutMs    = 'How long to wait for IBC''s final OK or ERROR line, in milliseconds (100 to 600000). Default 10000.'
    }
    DefaultValues = @{ Port = 'CommandServerPort from config.ini, else 7462'; ComputerName = '127.0.0.1'; TimeoutMs = '10000' }
    Examples    = @(
        @{
            Title   = 'Reconnect the market-data farms'
            Code    = 'Send-IbcCommand -Command ReconnectData'
            Remarks = 'Asks IBC to re-connect the data farms (Ctrl+Alt+F in the GUI) when the gateway reports "Market data farm connection is broken". Returns Status Ok and IBC''s reply.'
        }
        @{
            Title   = 'Restart the gateway from a maintenance script without a prompt'
            Code    = 'Send-IbcCommand Restart -IbcConfigPath C:\IBC\config.ini -Confirm:$false'
            Remarks = 'Restart is high impact (every bot is disconnected), so it asks for confirmation unless -Confirm:$false is given.'
        }
        @{
            Title   = 'See what would be sent'
            Code    = 'Send-IbcCommand Stop -WhatIf'
            Remarks = 'Shows the command and the server it would go to, and sends nothing.'
        }
    )
    Notes        = 'Never target the API port (7496/7497/4001/4002): IBC''s command server is a different port. IbConfig never reads or prints IBC''s credentials.'
    RelatedLinks = @('Invoke-IbHealthCheck', 'Test-IbApiConfiguration')
    Inputs      = @('System.String', 'IbConfig.Core.Ibc.IbcCommand', 'IbConfig.Core.Ibc.IbcCommandResult')
}
