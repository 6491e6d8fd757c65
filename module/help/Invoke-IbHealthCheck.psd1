@{
    Synopsis    = 'Runs the checklist for a scheduler: logs one structured record and sets the exit code (0 pass, 1 warnings, 2 failure, 3 could not run).'
    Description = @'
Invoke-IbHealthCheck is Test-IbApiConfiguration for Task Scheduler, cron, systemd and Docker. It runs the same checks (including the live API handshake, the staged probe: a bare TCP check passes against a socat relay even when the gateway is logged out), appends one record to a log, returns an IbHealthCheckRecord (timestamp, host, gateway, status, counts and every check), and sets the exit code: 0 every check passed, 1 warnings only, 2 at least one failure, 3 the checklist could not run (for example no settings found).

$LASTEXITCODE is set in every case. When PowerShell was started to run one script or command (pwsh -File, pwsh -Command), the process exit code is set too, so pwsh -NoProfile -NonInteractive -File check.ps1 exits with it; an explicit exit later in the script still wins. In the -Command form, end with "; exit $LASTEXITCODE" so Windows PowerShell 5.1 does the same. Get-IbHealthCheckCommand prints the exact lines, and Register-IbHealthCheckTask creates the Windows task.

-LogPath appends one JSON object per line (-Format Json; read it with Get-Content | ConvertFrom-Json, or jq) or one CSV row per check under one header (-Format Csv; Import-Csv). When the next record would take the file past -MaxLogBytes, health.log becomes health.1.log, and so on; -LogFileCount rotated files are kept.

-MetricsPath writes the run as a Prometheus textfile-collector file (node_exporter's --collector.textfile.directory on Linux, windows_exporter's textfile directory on Windows; the name must end in .prom). The file is replaced atomically on every run, also when the checks could not run, and holds: ibconfig_health_check_status (one series per check and status, 1 for the status it had), ibconfig_health_check_exit_code, ibconfig_health_check_last_run_timestamp_seconds and, when the API answered, ibconfig_api_handshake_seconds, ibconfig_api_clock_skew_seconds, ibconfig_data_farms_connected and ibconfig_data_farm_connected per farm. Every series carries the computer and port labels of the gateway checked. Alert on the exit code, and on the timestamp growing old (the task stopped running).

-Repair lets the check fix the one thing that is safe to fix unattended: when the gateway reports its market-data farms broken, it asks IBC's command server to reconnect them (RECONNECTDATA). What it did is in the record's Repair property.
'@
    Parameters  = @{
        Profile      = 'The profile folder, or its ibg.xml or tws.xml, as Get-IbApiSetting takes it (ProfilePath binds from piped settings objects). Default: the profile jts.ini names, found beside it.'
        IbcConfigPath = 'IBC''s config.ini, as Get-IbApiSetting takes it. Default: $env:IBC_INI, else IBC''s usual places (Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini).'
        Path              = 'The settings folder or jts.ini to check. Default: the one a running gateway uses, else the first that Find-IbConfig lists.'
        ComputerName      = 'The host that runs the gateway. Default 127.0.0.1.'
        Port              = 'The API port to test. Default: the port the settings say.'
        ClientId          = 'The client id of the check''s own API handshake. Default 999.'
        TradingMode       = 'Paper or Live: what the gateway should be; with Paper, a live port or live accounts are failures.'
        ReadOnlyApi       = 'Whether Read-Only API should be on ($true) or off ($false). Default: off.'
        Offline           = 'Skips the live checks (files only).'
        Baseline          = 'A baseline file written by Export-IbApiBaseline: adds the Drift check, one failure per setting that differs from it (see Compare-IbApiConfiguration).'
        LogPath           = 'The log file to append the record to; its folder is created. Default: no log.'
        Format            = 'Json (one object per line, default) or Csv (one row per check).'
        MaxLogBytes       = 'The size at which the log rotates, in bytes (at least 1024). Default 1048576 (1 MiB).'
        LogFileCount      = 'How many rotated files to keep besides the current one (1 to 100). Default 5.'
        Quiet             = 'Returns nothing: for schedulers, which read the exit code and the log.'
        Repair            = 'When the market-data farms are broken, asks IBC''s command server to reconnect them (RECONNECTDATA).'
        MetricsPath       = 'A Prometheus textfile-collector file (*.prom) to replace with this run''s metrics. Alias: PrometheusTextFile. Default: none.'
        CommandServerPort = 'IBC''s command server port for -Repair. Default: CommandServerPort from the IBC config.ini the check found, else 7462.'
    }
    DefaultValues = @{ ComputerName = '127.0.0.1'; ClientId = '999'; Format = 'Json'; MaxLogBytes = '1048576'; LogFileCount = '5'; CommandServerPort = 'from IBC''s config.ini, else 7462' }
    Examples    = @(
        @{
            Title   = 'The Task Scheduler action'
            Code    = 'pwsh.exe -NoProfile -NonInteractive -Command "Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -LogPath C:\ProgramData\IbConfig\health.log -Quiet; exit $LASTEXITCODE"'
            Remarks = 'The task''s Last Run Result is 0, 1, 2 or 3; the log keeps one JSON line per run.'
        }
        @{
            Title   = 'Run it by hand and see the record'
            Code    = 'Invoke-IbHealthCheck -TradingMode Paper; $LASTEXITCODE'
            Remarks = 'Shows the record (status, counts, message) and then the exit code a scheduler would see.'
        }
        @{
            Title   = 'Log, then read back the failed runs of the last day'
            Code    = 'Invoke-IbHealthCheck -LogPath C:\ProgramData\IbConfig\health.log -Quiet; Get-Content C:\ProgramData\IbConfig\health.log | ConvertFrom-Json | Where-Object { [datetime]$_.timestamp -gt (Get-Date).AddDays(-1) -and $_.exitCode -ge 2 }'
            Remarks = 'Each run appends one JSON line; the second command lists the runs of the last 24 hours that failed.'
        }
        @{
            Title   = 'Feed Prometheus through windows_exporter''s textfile collector'
            Code    = 'pwsh.exe -NoProfile -NonInteractive -Command "Import-Module IbConfig; Invoke-IbHealthCheck -Port 4002 -MetricsPath ''C:\Program Files\windows_exporter\textfile_inputs\ibconfig.prom'' -Quiet; exit $LASTEXITCODE"'
            Remarks = 'Each scheduled run replaces ibconfig.prom; alert on ibconfig_health_check_exit_code >= 2 and on time() - ibconfig_health_check_last_run_timestamp_seconds > 900.'
        }
        @{
            Title   = 'Reconnect broken data farms on the way'
            Code    = 'Invoke-IbHealthCheck -Repair -LogPath ~/ibconfig/health.log -Format Csv'
            Remarks = 'Sends RECONNECTDATA to IBC when the gateway reports a broken farm, and logs what it did.'
        }
    )
    Notes        = 'Because it decides the exit code of a pwsh -File or -Command run, call Invoke-IbHealthCheck as the health check itself; inside a larger script use Test-IbApiConfiguration, or end the script with an explicit exit. The exit code is set through the console host only when PowerShell runs one script or command and exits, so an interactive window is never closed.'
    RelatedLinks = @('Test-IbApiConfiguration', 'Get-IbHealthCheckCommand', 'Register-IbHealthCheckTask', 'Send-IbcCommand')
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings')
}
