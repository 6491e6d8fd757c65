@{
    Synopsis    = 'Creates or replaces the Windows scheduled task that runs Invoke-IbHealthCheck every few minutes.'
    Description = @'
Register-IbHealthCheckTask registers a Task Scheduler task (default \IbConfig\HealthCheck) that runs the staged health check (Invoke-IbHealthCheck -Quiet) on a fixed interval and appends a record to a log. The task's Last Run Result is the check's exit code: 0 pass, 1 warnings, 2 failure, 3 could not run, so monitoring can alert on it.

The task is registered with schtasks.exe from a generated task definition (XML), which works the same from Windows PowerShell 5.1 and pwsh: it repeats every -Every from -At, starts a missed run when the machine wakes, never runs two checks at once, and stops a run after 10 minutes. It runs the PowerShell you register it from (pwsh.exe or powershell.exe) and imports this module by its full path, because another account may not see your module folder.

By default the task runs as you, in your logon session, while you are logged on (the session IB Gateway itself runs in), and logs to %LOCALAPPDATA%\IbConfig\health.log. -RunAsSystem runs it as LocalSystem whether anyone is logged on (needs an elevated prompt) and logs to %ProgramData%\IbConfig\health.log.

Registering again with the same -TaskName replaces the task, so the command is idempotent. On Linux and macOS it stops with a PlatformNotSupported error that prints the equivalent cron line.
'@
    Parameters  = @{
        Profile      = 'The profile folder, or its ibg.xml or tws.xml, as Get-IbApiSetting takes it (ProfilePath binds from piped settings objects). Default: the profile jts.ini names, found beside it. The task passes it on.'
        IbcConfigPath = 'IBC''s config.ini, as Get-IbApiSetting takes it. Default: $env:IBC_INI, else IBC''s usual places (Documents\IBC\config.ini, C:\IBC\config.ini, ~/ibc/config.ini). The task passes it on.'
        Every          = 'How often the check runs: a TimeSpan from one minute to 31 days. Default 00:05:00.'
        At             = 'When the first run happens (a [DateTime], or a time of day today: 06:00, 6:00 AM or a [TimeSpan]); later runs follow every -Every from it. Default: midnight today, so runs fall on the clock (00:00, 00:05, ...).'
        TaskName       = 'The task''s path in Task Scheduler''s library. Default \IbConfig\HealthCheck.'
        RunAsSystem    = 'Runs the task as LocalSystem, whether or not a user is logged on. Needs an elevated prompt.'
        Path           = 'The settings folder or jts.ini the run checks (made absolute). Default: the run finds it.'
        ComputerName   = 'The gateway host the run checks. Default 127.0.0.1.'
        Port           = 'The API port the run checks. Default: the port the settings say.'
        ClientId       = 'The client id of the run''s own API handshake. Default 999.'
        TradingMode    = 'Paper or Live: the trading mode the run holds the gateway to.'
        LogPath        = 'The log the run appends to. Default %LOCALAPPDATA%\IbConfig\health.log, or %ProgramData%\IbConfig\health.log with -RunAsSystem.'
        Format         = 'Json or Csv: the log format. Default Json.'
        Repair         = 'The run asks IBC to reconnect the data farms when they are broken.'
        MetricsPath    = 'Each run replaces this Prometheus textfile-collector file (*.prom) with its metrics (Invoke-IbHealthCheck -MetricsPath).'
        Baseline       = 'Each run compares the settings with this baseline file (Export-IbApiBaseline) in its Drift check.'
        PowerShellPath = 'The PowerShell executable the task starts. Default: the one you run now (pwsh.exe or powershell.exe).'
    }
    DefaultValues = @{ Every = '00:05:00'; TaskName = '\IbConfig\HealthCheck' }
    Examples    = @(
        @{
            Title   = 'Check the paper gateway every five minutes'
            Code    = 'Register-IbHealthCheckTask -Port 4002 -TradingMode Paper'
            Remarks = 'Creates \IbConfig\HealthCheck; its Last Run Result shows 0, 1, 2 or 3 after each run, and %LOCALAPPDATA%\IbConfig\health.log keeps a JSON line per run.'
        }
        @{
            Title   = 'Run as SYSTEM every minute with a CSV log, from an elevated prompt'
            Code    = 'Register-IbHealthCheckTask -Every 00:01:00 -RunAsSystem -Port 7497 -Format Csv -LogPath C:\ProgramData\IbConfig\health.csv'
            Remarks = 'Keeps checking when nobody is logged on. Import-Csv C:\ProgramData\IbConfig\health.csv reads the log.'
        }
        @{
            Title   = 'See the task that would be registered'
            Code    = 'Register-IbHealthCheckTask -Port 4002 -WhatIf -Verbose'
            Remarks = 'Shows the task''s command line and registers nothing.'
        }
    )
    RelatedLinks = @('Unregister-IbHealthCheckTask', 'Get-IbHealthCheckCommand', 'Invoke-IbHealthCheck')
    Inputs      = @('IbConfig.Core.Settings.IbApiSettings')
}
