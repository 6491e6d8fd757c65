@{
    Description = 'A ready-to-paste scheduled health check for one scheduler: the text to paste, and the program and arguments apart.'
    Properties  = @{
        Kind      = 'The scheduler it is for.'
        Program   = 'The executable (what Task Scheduler''s "Program/script" box or New-ScheduledTaskAction -Execute takes).'
        Arguments = 'The arguments as one string (Task Scheduler''s "Add arguments" box, New-ScheduledTaskAction -Argument).'
        Line      = 'What to paste: a command line, a crontab line, unit files, or a Dockerfile instruction.'
        Notes     = 'Where to put it and how the exit code is read.'
    }
}
