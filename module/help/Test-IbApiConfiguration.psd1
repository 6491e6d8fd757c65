@{
    Synopsis    = 'Runs the API configuration checklist and returns one IbCheckResult per check (Pass, Warn, Fail or Skipped) with the exact fix.'
    Description = @'
The guide ends with an "Essential Settings Checklist" and a page of troubleshooting that people run by eye. Test-IbApiConfiguration runs it as a command, and adds what the settings stores and the live gateway reveal. Each check returns an IbCheckResult: a stable Id, a Name, the Status (Pass, Warn, Fail, Skipped), what was Expected and what was found (Actual), the Source of the finding (file:line of the setting, or "live"), and a Remedy: the exact command that fixes it, such as Add-IbTrustedIp 127.0.0.1. A summary line ("Warn: 17 passed, 2 warnings, 0 failed, 3 skipped") goes to the host.

Settings: API enabled; socket port set and conventional for the trading mode (a live port when paper was asked is a failure); the port agrees across jts.ini, the profile XML and IBC's config.ini; 127.0.0.1 trusted; no 0.0.0.0 or public addresses trusted; master client id valid; download open orders; allow account requests; Read-Only API as asked; the guide's s.* keys agree with the store IB really reads.

Restart schedule: auto-restart set (IBC AutoRestartTime or the gateway's own), auto-logoff not used in place of a restart, a plan for IB's weekly full re-login (IBC ColdRestartTime or ClosedownAt), and the maintenance window that schedule implies (shown, so monitoring can mute alerts then).

Files and instances: IBC's config.ini (which holds the login) not readable by other users; the settings file writable (the guide's "settings not saving"); with several gateways on one machine, their ports, settings folders and IBC CommandServerPorts all differ.

Live (skipped with -Offline): a gateway process runs; the API port listens, and only on loopback (or with "Allow connections from localhost only" on); the API handshake succeeds with the server's clock within 5 seconds of this one; accounts are present and of the asked trading mode (paper accounts start DU); the health check's own client id is free; the market-data farms are connected.

Every output object is flat, so the checklist runs across a fleet: Invoke-Command -ComputerName (Get-Content gateways.txt) { Test-IbApiConfiguration }. With -Quiet it returns only $true (nothing failed) or $false.
'@
    Parameters  = @{
        Profile      = 'The profile folder, or its ibg.xml or tws.xml, as Get-IbApiSetting takes it (ProfilePath binds from piped settings objects). Default: the profile jts.ini names, found beside it.'
        IbcConfigPath = 'IBC''s config.ini, as Get-IbApiSetting takes it. Default: $env:IBC_INI, else IBC''s usual places (Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini).'
        Path         = 'The settings folder or jts.ini to check. Default: the one a running gateway uses, else the first that Find-IbConfig lists.'
        ComputerName = 'The host that runs the gateway, for the live checks. Default 127.0.0.1. Checks of local facts (listeners, processes, files) are skipped for another host.'
        Port         = 'The API port to test. Default: the port the settings say.'
        ClientId     = 'The client id of the checklist''s own API handshake. Default 999 (or $env:IBCONFIG_CLIENT_ID), which bots rarely use.'
        TradingMode  = 'Paper or Live: what the gateway should be. With Paper, a live port or live accounts are failures. Default: whatever the settings say (a live port is then a warning).'
        ReadOnlyApi  = 'Whether Read-Only API should be on ($true) or off ($false). Default: off, as the guide recommends for a trading bot (on is then a warning).'
        Offline      = 'Skips the live checks (process, listener, handshake): checks the files only.'
        Baseline          = 'A baseline file written by Export-IbApiBaseline: adds the Drift check, one failure per setting that differs from it (see Compare-IbApiConfiguration).'
        Quiet        = 'Returns only $true when no check failed (warnings allowed), else $false.'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; ClientId = '999' }
    Examples    = @(
        @{
            Title   = 'Run the essential settings checklist'
            Code    = 'Test-IbApiConfiguration -TradingMode Paper'
            Remarks = 'Checks the settings, the restart schedule and the running paper gateway; each line shows the status, what was found and the command that fixes it.'
        }
        @{
            Title   = 'Only the failures and their fixes'
            Code    = 'Test-IbApiConfiguration | Where-Object Status -eq Fail | Format-List Name, Actual, Source, Remedy'
            Remarks = 'Shows where each failing value comes from (file:line) and the exact command to fix it.'
        }
        @{
            Title   = 'Check files only, before the gateway starts'
            Code    = 'Test-IbApiConfiguration -Path C:\Jts -Offline'
            Remarks = 'Skips the live checks.'
        }
        @{
            Title   = 'Check a fleet of gateways'
            Code    = 'Invoke-Command -ComputerName (Get-Content gateways.txt) { Test-IbApiConfiguration -TradingMode Live } | Where-Object Status -ne Pass | Format-Table PSComputerName, Name, Status, Actual'
            Remarks = 'Every result is flat and serialises over remoting; PSComputerName says which machine it came from.'
        }
        @{
            Title   = 'Gate a deployment on the checklist'
            Code    = 'if (-not (Test-IbApiConfiguration -Quiet)) { throw ''IB API configuration has failures'' }'
            Remarks = '-Quiet returns $true when nothing failed.'
        }
    )
    RelatedLinks = @('Invoke-IbHealthCheck', 'Get-IbApiSetting', 'Test-IbConnection', 'Test-IbPort')
    Outputs     = @{ 'System.Boolean' = 'With -Quiet: $true when no check failed (warnings allowed), else $false.' }
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings', 'IbConfig.Core.Discovery.IbConfigLocation')
}
