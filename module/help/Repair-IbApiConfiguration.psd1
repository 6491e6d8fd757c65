@{
    Synopsis    = 'Runs the checklist and applies every remedy that is a settings change, writing each file once with one backup, then shows the checklist as it stands after.'
    Description = @'
Test-IbApiConfiguration says what is wrong and prints the command that fixes each finding. Repair-IbApiConfiguration makes those fixes in one call. It runs the same checklist, with the same -Path, -Profile, -IbcConfigPath and -TradingMode, and takes each failure or warning whose remedy is a settings change: API enabled, the socket port, the port agreeing across the stores, 127.0.0.1 trusted, no 0.0.0.0 or public trusted addresses, the master client id, download open orders, account requests, Read-Only API, the guide's keys agreeing with the real store, and the daily auto-restart (through IBC's AutoRestartTime, which IBC sets in the gateway at every start).

Each fix is planned on top of the ones before it and asked for under ShouldProcess, so -WhatIf lists every change (the file, the key, the old and the new value) and -Confirm asks for each. All the changes to one file are written together: one running-gateway check, one backup and one atomic replace per file, however many fixes touch it. Like Set-IbApiSetting, it refuses to write while IB Gateway or TWS runs on the settings (IB would write its own settings back on exit); -Force writes anyway.

Remedies that are not settings changes are left to you and named with -Verbose: file permissions (icacls or chmod), the gateway's own Lock and Exit dialog when IBC does not run it, and starting or logging in to the gateway. The one live action, asking IBC to reconnect broken market-data farms (RECONNECTDATA), runs only with -IncludeLive.

Output: one IbRepairChange per check and store changed (CheckId, Store, Status, Changes, BackupPath), then the checklist's IbCheckResults as they stand after the repair.
'@
    Parameters  = @{
        Baseline = 'A baseline file written by Export-IbApiBaseline. The checklist then runs its Drift check, and each drifted setting IbConfig can write (and each trusted address added or removed) is put back to the baseline''s value in the stores the gateway reads.'
        Path              = 'The settings folder or jts.ini to check and repair. Default: the one a running gateway uses, else the first that Find-IbConfig lists.'
        Profile           = 'The profile folder, or its ibg.xml or tws.xml, as Get-IbApiSetting takes it (ProfilePath binds from piped settings objects). Default: the profile jts.ini names, found beside it.'
        IbcConfigPath     = 'IBC''s config.ini, as Get-IbApiSetting takes it. Default: $env:IBC_INI, else IBC''s usual places (Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini).'
        ComputerName      = 'The host that runs the gateway, for the live checks and -IncludeLive. Default 127.0.0.1.'
        Port              = 'The API port to test. Default: the port the settings say.'
        ClientId          = 'The client id of the checklist''s own API handshake. Default 999.'
        TradingMode       = 'Paper or Live: what the gateway should be. With Paper, a live socket port is changed to the paper port of the same product.'
        ReadOnlyApi       = 'Whether Read-Only API should be on ($true) or off ($false). Default: off, as the guide recommends for a trading bot.'
        Offline           = 'Skips the live checks before and after the repair: checks and repairs the files only.'
        IncludeLive       = 'Also takes the live action: when the market-data farms are reported broken, asks IBC''s command server to reconnect them (RECONNECTDATA).'
        CommandServerPort = 'IBC''s command server port for -IncludeLive. Default: CommandServerPort from the IBC config.ini checked, else 7462.'
        KeepBackups       = 'How many backups of each file to keep; older ones are deleted after the write. Default: as Set-IbApiSetting.'
        Force             = 'Writes even though IB Gateway or TWS runs on these settings (it may write its own settings back when it exits).'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; ClientId = '999' }
    Examples    = @(
        @{
            Title   = 'See every change before making it'
            Code    = 'Repair-IbApiConfiguration -Path C:\Jts -IbcConfigPath C:\IBC\config.ini -TradingMode Paper -Offline -WhatIf'
            Remarks = 'Lists each fix with the file, key, old and new value; writes nothing.'
        }
        @{
            Title   = 'Repair the files while the gateway is stopped'
            Code    = 'Repair-IbApiConfiguration -Path C:\Jts -IbcConfigPath C:\IBC\config.ini -TradingMode Paper -Offline -Confirm:$false | Where-Object { $_ -is [IbConfig.Core.Checks.IbCheckResult] -and $_.Status -ne ''Pass'' }'
            Remarks = 'Applies every settings fix, one backup per file changed, and shows what is still not passing.'
        }
        @{
            Title   = 'Repair and reconnect the data farms of a running gateway'
            Code    = 'Repair-IbApiConfiguration -TradingMode Paper -IncludeLive -Force'
            Remarks = 'Writes despite the running gateway (restart it to load the files) and asks IBC to reconnect broken farms.'
        }
    )
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Discovery.IbConfigLocation')
    RelatedLinks = @('Test-IbApiConfiguration', 'Set-IbApiSetting', 'Add-IbTrustedIp', 'Remove-IbTrustedIp', 'Invoke-IbHealthCheck')
}
