@{
    Synopsis    = 'Changes API settings in every store that decides them (jts.ini, the profile XML, IBC''s config.ini) safely: validated, previewed with -WhatIf, backed up and written atomically.'
    Description = @'
Set-IbApiSetting changes the API settings the seed guide configures by hand: the socket port, Enable ActiveX and Socket Clients, Read-Only API, the master client id, the auto-restart and auto-logoff times, and the other API-page settings. It changes every key of a setting that the file has (both the guide's s.* keys and IB's own keys), and adds a missing key at the end of its section using the file's own line endings. Every other byte of the file stays as it was, including its encoding and BOM.

Each value is validated first and each bad one is reported as its own error; nothing is written while any value is invalid. Ports must be 1-65535, the master client id 0-9999, times HH:mm or HH:mm:ss (24-hour), and the auto-logoff must come before the auto-restart.

A live-trading port (7496 for TWS, 4001 for IB Gateway) is refused unless you pass -AllowLivePort, and then it is a High-impact change that asks for confirmation (the guide: "using wrong port can result in real trades"). IB writes its settings back when it exits, so the write is refused while IB Gateway or TWS runs unless you pass -Force. While it writes it holds a lock beside the file (jts.ini.lock), and if the file changed since it was read (another writer came first) nothing is written (ConfigFileChangedSinceRead): run the command again. Before writing, the current file is copied to a timestamped backup beside it (the newest -KeepBackups are kept); the new content goes to a temporary file that then replaces the original, so a crash leaves the old or the new file, never a torn one.

-WhatIf shows each key change (old -> new, with its line) and writes nothing. Settings objects from Get-IbApiSetting pipe in by property name, so a script can read, change and write back.

A setting lives in up to three stores. By default Set-IbApiSetting changes every store that exists and currently decides it: jts.ini where it holds a key for the setting, the profile XML (ibg.xml / tws.xml: only the attributes asked for change, every other byte stays), and IBC's config.ini where its key is not blank (IBC would otherwise put its value back at the next start). -Target JtsIni, ProfileXml, Ibc or All chooses the stores. Each store is written with the same guarantees and emits one IbStoreWriteResult saying what changed (Store, Path, Status, Changes, BackupPath). An encrypted profile is never written; IBC's credential keys are never touched.
'@
    Parameters  = @{
        KeepBackups             = 'How many backups of each file to keep (1 to 10000, default 20). After a write, older backups of that file are deleted; only files named as IbConfig names its backups (<file>.yyyyMMdd-HHmmss[-n].bak) are ever deleted.'
        Target = 'Which stores to change: JtsIni, ProfileXml, Ibc, or All (every store that has a place for the setting). Default: every store that exists and currently decides the setting (IBC only where its key is not blank; an encrypted profile is skipped with a warning), or jts.ini alone when none does. A named store that does not exist is a StoreNotFound error.'
        Profile = 'The profile folder (or its ibg.xml / tws.xml file) whose API page to use. Binds from the pipeline by property name (Profile, ProfilePath). Default: the profile jts.ini names ([Logon] UserNameToDirectory, [settings]), found beside jts.ini; when several qualify a warning names them.'
        IbcConfigPath = 'IBC''s config.ini. Binds from the pipeline by property name. Default: $env:IBC_INI when set, else IBC''s usual places (%USERPROFILE%\Documents\IBC\config.ini and C:\IBC\config.ini on Windows, ~/ibc/config.ini elsewhere). Its credential keys are never read into any output.'
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
        AutoRestartTime         = 'Auto restart time of day: HH:mm or HH:mm:ss on a 24-hour clock (the guide: 23:55), IBC''s 11:55 PM, a [TimeSpan] or a [DateTime] (its time of day). Must come after the auto-logoff time. Writes [Startup] s.AutoRestartTime.'
        AutoLogoffTime          = 'Auto logoff time of day, in the same forms as -AutoRestartTime (the guide: 23:50), before the auto-restart time. Writes [Startup] s.AutoLogoffTime.'
        AllowLivePort           = 'Allow -SocketPort to select a live-trading port (7496 or 4001). The change then asks for confirmation like any High-impact change (skip it with -Confirm:$false or -Force).'
        Force                   = 'Write even though IB Gateway or TWS is running (it may undo the change when it exits: a warning says so), and skip the live-port confirmation. Also writes into a section holding lines IbConfig cannot read (binary data, NUL; refused otherwise with ConfigSectionUnreadable). Never skips validation.'
        PassThru                = 'Return the settings as they are after the change (an IbApiSettings object, as Get-IbApiSetting returns).'
    }
    Examples    = @(
        @{
            Title   = 'Move the paper gateway to port 4002 everywhere it is set'
            Code    = 'Set-IbApiSetting -SocketPort 4002 -WhatIf'
            Remarks = 'Shows the change in each store that decides the port (for example ibg.xml''s ApiSettings/@port and IBC''s OverrideTwsApiPort); run it without -WhatIf to write them, each with a backup.'
        }
        @{
            Title   = 'Change only IBC''s config.ini'
            Code    = 'Set-IbApiSetting -IbcConfigPath C:\IBC\config.ini -Target Ibc -ReadOnlyApi $false -AutoRestartTime 23:55'
            Remarks = 'Writes ReadOnlyApi=no and AutoRestartTime=11:55 PM into IBC''s config.ini, leaving every other line (and the credentials) byte for byte as they were.'
        }
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
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Discovery.IbConfigLocation')
}
