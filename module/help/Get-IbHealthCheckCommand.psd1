@{
    Synopsis    = 'Prints the ready-to-paste scheduled health check for Task Scheduler, cron, systemd or a Docker HEALTHCHECK.'
    Description = @'
A gateway that silently changed (IBC rewrote TrustedIPs, a restart moved the port, the daily auto-restart failed) is otherwise found only when the bot breaks at the open. Get-IbHealthCheckCommand prints what to give a scheduler so Invoke-IbHealthCheck runs every few minutes and its exit code (0 pass, 1 warnings, 2 failure, 3 could not run) reaches the scheduler.

Every form runs the staged probe (the checklist and the API handshake), not a bare TCP check: a Docker image's socat relay accepts TCP connections even when the gateway behind it is logged out.

Each kind has its own quoting, which the command gets right: TaskScheduler gives the program and its arguments (pwsh.exe -NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -Command "Import-Module IbConfig; Invoke-IbHealthCheck ... -Quiet; exit $LASTEXITCODE"); Cron gives a crontab line quoted for /bin/sh, with % escaped; Systemd gives a oneshot service (SuccessExitStatus=1, so warnings do not fail the unit) and a timer, with $ written $$; DockerHealthcheck gives an exec-form HEALTHCHECK that maps warnings to healthy (0) and failures to unhealthy (1), the only codes Docker knows.

Without -Kind it prints all four. The output objects also carry Program and Arguments apart, for New-ScheduledTaskAction -Execute/-Argument.
'@
    Parameters  = @{
        Profile      = 'The profile folder, or its ibg.xml or tws.xml, as Get-IbApiSetting takes it (ProfilePath binds from piped settings objects). Default: the profile jts.ini names, found beside it. The scheduled command passes it on.'
        IbcConfigPath = 'IBC''s config.ini, as Get-IbApiSetting takes it. Default: $env:IBC_INI, else IBC''s usual places (Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini). The scheduled command passes it on.'
        Kind           = 'Which schedulers to print for: TaskScheduler, Cron, Systemd, DockerHealthcheck. Default: all four.'
        Every          = 'How often the check runs (a TimeSpan, at least one minute). Cron can only repeat every N minutes dividing 60 or N hours dividing 24. Default 00:05:00.'
        Path           = 'The settings folder or jts.ini the scheduled run checks (passed on as Invoke-IbHealthCheck -Path, made absolute). Default: the run finds it.'
        ComputerName   = 'The gateway host the scheduled run checks (passed on as -ComputerName). Default 127.0.0.1.'
        Port           = 'The API port the scheduled run checks (passed on as -Port). Default: the port the settings say.'
        ClientId       = 'The client id of the run''s own API handshake (passed on as -ClientId). Default 999, which bots rarely use.'
        TradingMode    = 'Paper or Live: the trading mode the run holds the gateway to (passed on as -TradingMode).'
        LogPath        = 'The log file the run appends a record to (passed on as -LogPath, made absolute).'
        Format         = 'Json or Csv: the log format (passed on as -Format). Default Json.'
        Repair         = 'Passes -Repair: the run asks IBC to reconnect the data farms when they are broken.'
        MetricsPath    = 'Each run replaces this Prometheus textfile-collector file (*.prom) with its metrics (Invoke-IbHealthCheck -MetricsPath).'
        Baseline       = 'Each run compares the settings with this baseline file (Export-IbApiBaseline) in its Drift check.'
        PowerShellPath = 'The PowerShell executable the scheduler starts. Default pwsh.exe (Task Scheduler), pwsh (cron, Docker), /usr/bin/pwsh (systemd). Use powershell.exe for Windows PowerShell 5.1.'
        Module         = 'What the run imports: the module name IbConfig (default, portable) or the full path of IbConfig.psd1 when the scheduler''s account does not have the module on its PSModulePath.'
    }
    DefaultValues = @{ Every = '00:05:00'; Module = 'IbConfig'; Kind = 'TaskScheduler, Cron, Systemd, DockerHealthcheck' }
    Examples    = @(
        @{
            Title   = 'The Task Scheduler command line for a paper gateway'
            Code    = 'Get-IbHealthCheckCommand -Kind TaskScheduler -Port 4002 -TradingMode Paper -LogPath C:\ProgramData\IbConfig\health.log'
            Remarks = 'Prints pwsh.exe and its arguments for the task''s action. Register-IbHealthCheckTask creates the task directly.'
        }
        @{
            Title   = 'A crontab line every 10 minutes'
            Code    = 'Get-IbHealthCheckCommand -Kind Cron -Every 00:10:00 -Port 4002 -LogPath ~/ibconfig/health.log | ForEach-Object Line'
            Remarks = 'Prints just the line to paste into crontab -e.'
        }
        @{
            Title   = 'A Docker HEALTHCHECK for a gateway image with a socat relay'
            Code    = 'Get-IbHealthCheckCommand -Kind DockerHealthcheck -Port 4004'
            Remarks = 'The staged probe marks the container unhealthy when the gateway is logged out, which a TCP check would miss.'
        }
    )
    RelatedLinks = @('Invoke-IbHealthCheck', 'Register-IbHealthCheckTask', 'Test-IbApiConfiguration')
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings')
}
