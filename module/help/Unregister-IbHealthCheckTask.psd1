@{
    Synopsis    = 'Removes the health-check scheduled task that Register-IbHealthCheckTask created.'
    Description = @'
Unregister-IbHealthCheckTask deletes the Task Scheduler task (default \IbConfig\HealthCheck) with schtasks.exe. Removing a task that does not exist is not an error (the verbose stream says so), so scripts can run it unconditionally. It returns nothing.

The health-check log is left in place. On Linux and macOS it stops with a PlatformNotSupported error that says how to remove the cron line or the systemd timer instead.
'@
    Parameters  = @{
        TaskName = 'The task''s path in Task Scheduler''s library. Default \IbConfig\HealthCheck. Accepts the TaskName of Register-IbHealthCheckTask''s output from the pipeline.'
    }
    DefaultValues = @{ TaskName = '\IbConfig\HealthCheck' }
    Examples    = @(
        @{
            Title   = 'Stop the scheduled health check'
            Code    = 'Unregister-IbHealthCheckTask'
            Remarks = 'Deletes \IbConfig\HealthCheck, or does nothing when it is not registered.'
        }
        @{
            Title   = 'Remove a task registered under another name'
            Code    = 'Unregister-IbHealthCheckTask -TaskName \IbConfig\LiveGatewayCheck -Confirm:$false'
            Remarks = 'Removes the task without asking.'
        }
    )
    RelatedLinks = @('Register-IbHealthCheckTask')
    Inputs      = @('IbConfig.Core.Health.IbHealthCheckTask')
}
