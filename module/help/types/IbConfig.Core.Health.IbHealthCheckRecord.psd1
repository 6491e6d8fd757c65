@{
    Description = 'One health-check run as it is logged and returned: when, on which host, against which gateway, the verdict and every check. Flat apart from the array of flat check results, so it serialises over remoting and into JSON or CSV.'
    Properties  = @{
        Timestamp    = 'When the run ended, with its UTC offset.'
        Host         = 'The machine that ran the check.'
        ComputerName = 'The gateway''s address as checked.'
        Port         = 'The API port checked.'
        Status       = 'Pass, Warn, Fail or CouldNotRun.'
        ExitCode     = 'The process exit code the run maps to, as a number: 0 all passed, 1 warnings, 2 failures, 3 could not run (Status is its name).'
        Passed       = 'How many checks passed.'
        Warnings     = 'How many checks warned.'
        Failed       = 'How many checks failed.'
        Skipped      = 'How many checks were skipped.'
        Message      = 'The summary line, or why the checks could not run.'
        Repair       = 'What -Repair did (e.g. "RECONNECTDATA: OK"); empty when nothing was repaired.'
        LogPath      = 'The log file the record was appended to; empty when not logged.'
        Checks       = 'Every check of the run (IbCheckResult), in checklist order.'
    }
}
