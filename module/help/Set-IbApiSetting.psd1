@{
    Synopsis    = 'Changes API settings in a jts.ini safely: validated, previewed with -WhatIf, backed up and written atomically.'
    Description = @'
Set-IbApiSetting changes the API settings the seed guide configures by hand: the socket port, Enable ActiveX and Socket Clients, Read-Only API, the master client id, the auto-restart and auto-logoff times, and the other API-page settings. It changes every key of a setting that the file has (both the guide's s.* keys and IB's own keys), and adds a missing key at the end of its section using the file's own line endings. Every other byte of the file stays as it was, including its encoding and BOM.

Each value is validated first and each bad one is reported as its own error; nothing is written while any value is invalid. Ports must be 1-65535, the master client id 0-9999, times HH:mm or HH:mm:ss (24-hour), and the auto-logoff must come before the auto-restart.

A live-trading port (7496 for TWS, 4001 for IB Gateway) is refused unless you pass -AllowLivePort, and then it is a High-impact change that asks for confirmation (the guide: "using wrong port can result in real trades"). IB writes its settings back when it exits, so the write is refused while IB Gateway or TWS runs unless you pass -Force. Before writing, the current file is copied to a timestamped backup beside it; the new content goes to a temporary file that then replaces the original, so a crash leaves the old or the new file, never a torn one.

-WhatIf shows each key change (old -> new, with its line) and writes nothing. Settings objects from Get-IbApiSetting pipe in by property name, so a script can read, change and write back.
'@
    Parameters  = @{
        Path                    = 'The jts.ini to change. Binds from the pipeline by property name (Path, FullName, PSPath). Default: the first existing jts.ini that Find-IbConfig lists.'
        SocketPort              = 'The API socket port, 1-65535. Paper trading: 7497 (TWS) or 4002 (IB Gateway). A live port (7496, 4001) needs -AllowLivePort. Writes [IBGateway] s.SocketPort.'
        ApiEnabled              = 'Enable ActiveX and Socket Clients ($true or $false). Without it every API connection fails. Writes s.ApiEnabled.'
        ReadOnlyApi             = 'Read-Only API ($true: clients cannot place orders). Leave $false for a trading bot. Writes s.ReadOnlyApi.'
        MasterClientId          = 'The master API client id: 0 (any client id) or 1-9999 (only that one). Writes s.MasterClientId.'
        SocketPortSecurityLevel = 'The guide''s socket port security level, a whole number (0 by default). Writes s.SocketPortSecurityLevel.'
        DownloadOpenOrders      = 'Download open orders on connection ($true or $false). Writes s.DownloadOpenOrders.'
        AllowAccountRequests    = 'Allow API account and financial information requests ($true or $false). Writes s.AllowAccountRequests.'
        ExposeTradingSchedule   = 'Expose entire trading schedule ($true or $false). Writes s.ExposeTradingSchedule.'
        NegativeAutoOrderIds    = 'Use negative numbers to bind automatic orders ($true or $false). Writes s.NegativeAutoOrderIds.'
        BypassOrderPrecautions  = 'Bypass order precautions for API orders ($true or $false; use with caution). Writes s.BypassOrderPrecautions.'
        MarketDataLines         = 'Market data lines, a whole number (100 by default). Writes s.MarketDataLines.'
        AutoRestartTime         = 'Auto restart time of day, HH:mm or HH:mm:ss on a 24-hour clock (the guide: 23:55 for 11:55 PM). Must come after the auto-logoff time. Writes [Startup] s.AutoRestartTime.'
        AutoLogoffTime          = 'Auto logoff time of day, HH:mm or HH:mm:ss (the guide: 23:50), before the auto-restart time. Writes [Startup] s.AutoLogoffTime.'
        AllowLivePort           = 'Allow -SocketPort to select a live-trading port (7496 or 4001). The change then asks for confirmation like any High-impact change (skip it with -Confirm:$false or -Force).'
        Force                   = 'Write even though IB Gateway or TWS is running (it may undo the change when it exits: a warning says so), and skip the live-port confirmation. Never skips validation.'
        PassThru                = 'Return the settings as they are after the change (an IbApiSettings object, as Get-IbApiSetting returns).'
    }
    Examples    = @(
        @{
            Title   = 'Configure the guide''s paper-trading API settings'
            Code    = 'Set-IbApiSetting -Path "$env:USERPROFILE\Jts\jts.ini" -SocketPort 7497 -ApiEnabled $true -ReadOnlyApi $false -MasterClientId 0'
            Remarks = 'Enables the API on the paper port 7497 with trading allowed and any client id as master; backs up the file first.'
        }
        @{
            Title   = 'Preview a change'
            Code    = 'Set-IbApiSetting -SocketPort 4002 -WhatIf'
            Remarks = 'Prints each key that would change, e.g. [IBGateway] s.SocketPort: 7497 -> 4002 (line 2), and writes nothing.'
        }
        @{
            Title   = 'Set the nightly restart the guide recommends'
            Code    = 'Set-IbApiSetting -AutoLogoffTime 23:50 -AutoRestartTime 23:55 -PassThru'
            Remarks = 'Logs off at 11:50 PM and restarts at 11:55 PM; shows the settings afterwards.'
        }
        @{
            Title   = 'Switch a production bot to the live port, on purpose'
            Code    = 'Set-IbApiSetting -Path C:\Jts\jts.ini -SocketPort 7496 -AllowLivePort -Confirm:$false'
            Remarks = 'Without -AllowLivePort the live port is refused; with it, the change would ask for confirmation unless -Confirm:$false is given.'
        }
        @{
            Title   = 'Copy the settings of one file to another'
            Code    = 'Get-IbApiSetting -Path .\staging\jts.ini | Set-IbApiSetting -Path C:\Jts\jts.ini -WhatIf'
            Remarks = 'The settings bind by property name; -Path on the command line wins over the piped Path.'
        }
    )
    Notes       = 'IB itself reads the API page from the profile XML (ibg.xml / tws.xml) or from IBC''s config.ini when IBC manages the gateway; a guide key added to a file in IB''s own layout comes with a warning saying so.'
    RelatedLinks = @('Get-IbApiSetting', 'Set-IbTrustedIp', 'Backup-IbConfig', 'about_IbConfig')
}
