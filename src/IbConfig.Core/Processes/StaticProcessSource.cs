using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Processes;

/// <summary>A fixed process list: what tests inject, and what a script can use to ask "what if these were running".</summary>
public sealed class StaticProcessSource : IProcessSource
{
    private readonly ProcessSnapshot[] _processes;

    public StaticProcessSource(IEnumerable<ProcessSnapshot> processes)
    {
        if (processes is null) throw new ArgumentNullException(nameof(processes));
        _processes = processes.Where(p => p is not null).ToArray();
    }

    /// <summary>The form PowerShell binds: <c>[StaticProcessSource]::new(@($a, $b))</c> or <c>::new($a)</c>.</summary>
    public StaticProcessSource(params ProcessSnapshot[] processes)
        : this((IEnumerable<ProcessSnapshot>)processes)
    {
    }

    /// <summary>No process runs.</summary>
    public static StaticProcessSource Empty { get; } = new(Array.Empty<ProcessSnapshot>());

    public IReadOnlyList<ProcessSnapshot> GetProcesses(Func<string, bool> includeName) =>
        _processes.Where(p => includeName(p.Name)).ToArray();
}
