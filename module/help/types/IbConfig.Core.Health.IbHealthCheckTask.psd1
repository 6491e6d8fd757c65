@{
    Description = 'A Windows scheduled task that runs the health check: what to run, how often, as whom. It renders the Task Scheduler XML (schema 1.2) that schtasks /Create /XML registers: unlike /TR, the XML has no 261-character limit on the command, sets "start when available", forbids overlapping runs and caps a run''s time.'
    Properties  = @{
        TaskName     = 'The task''s path in Task Scheduler''s library, e.g. \IbConfig\HealthCheck.'
        Program      = 'The executable the task starts (pwsh.exe or powershell.exe).'
        Arguments    = 'The arguments the task passes: the Invoke-IbHealthCheck command line.'
        Every        = 'How often the task runs, as text hh:mm:ss (e.g. 00:05:00); [TimeSpan] converts it back.'
        StartAt      = 'The first run; later runs follow every Every from it.'
        RunAs        = 'SYSTEM, or the DOMAIN\user whose logon session runs it.'
        RunsAsSystem = 'True when the task runs as SYSTEM rather than as a user.'
    }
}
