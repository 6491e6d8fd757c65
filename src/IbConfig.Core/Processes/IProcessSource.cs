using System;
using System.Collections.Generic;

namespace IbConfig.Core.Processes;

/// <summary>The process list seen through a seam, so tests and scripts can say which processes "run".</summary>
public interface IProcessSource
{
    /// <summary>
    /// The processes whose name passes <paramref name="includeName"/>. The filter comes first because reading a path or a
    /// command line costs a system call per process; only the candidates pay it.
    /// </summary>
    IReadOnlyList<ProcessSnapshot> GetProcesses(Func<string, bool> includeName);
}
