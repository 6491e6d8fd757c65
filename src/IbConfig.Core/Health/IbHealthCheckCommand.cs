namespace IbConfig.Core.Health;

/// <summary>A ready-to-paste scheduled health check for one scheduler: the text to paste, and the program and arguments apart.</summary>
public sealed class IbHealthCheckCommand
{
    public IbHealthCheckCommand(HealthCheckCommandKind kind, string program, string arguments, string line, string notes)
    {
        KindValue = kind;
        Program = program;
        Arguments = arguments;
        Line = line;
        Notes = notes;
    }

    public string Kind => KindValue.ToString();

    internal HealthCheckCommandKind KindValue { get; }

    /// <summary>The executable (what Task Scheduler's "Program/script" box or New-ScheduledTaskAction -Execute takes).</summary>
    public string Program { get; }

    /// <summary>The arguments as one string (Task Scheduler's "Add arguments" box, New-ScheduledTaskAction -Argument).</summary>
    public string Arguments { get; }

    /// <summary>What to paste: a command line, a crontab line, unit files, or a Dockerfile instruction.</summary>
    public string Line { get; }

    /// <summary>Where to put it and how the exit code is read.</summary>
    public string Notes { get; }

    public override string ToString() => Line;
}
