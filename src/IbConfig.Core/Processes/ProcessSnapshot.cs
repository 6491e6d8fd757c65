using System;

namespace IbConfig.Core.Processes;

/// <summary>
/// What IbConfig knows about one running process at one moment. Plain data so a test (or a script) can build a fake
/// process list: <c>[IbConfig.Core.Processes.ProcessSnapshot]::new(1234, 'javaw', $path, $commandLine, $null)</c>.
/// </summary>
public sealed class ProcessSnapshot
{
    public ProcessSnapshot(int id, string name, string? path, string? commandLine, DateTime? startTime)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A process needs a name.", nameof(name));
        Id = id;
        Name = name;
        Path = string.IsNullOrEmpty(path) ? null : path;
        CommandLine = string.IsNullOrEmpty(commandLine) ? null : commandLine;
        StartTime = startTime;
    }

    /// <summary>A process known only by id and name (what Windows gives without elevation for some processes).</summary>
    public ProcessSnapshot(int id, string name)
        : this(id, name, null, null, null)
    {
    }

    public int Id { get; }

    /// <summary>The process name as the OS reports it (<c>javaw</c>, <c>ibgateway.exe</c> or <c>ibgateway</c>).</summary>
    public string Name { get; }

    /// <summary>The executable's full path, or null when it could not be read.</summary>
    public string? Path { get; }

    /// <summary>The whole command line, or null when it could not be read.</summary>
    public string? CommandLine { get; }

    public DateTime? StartTime { get; }

    public override string ToString() => $"{Name} ({Id})";
}
