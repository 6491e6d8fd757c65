using System;
using System.Collections.Generic;

namespace IbConfig.Core.Windows;

/// <summary>Runs a system program (schtasks.exe) to completion: the seam that lets tests stand in for Windows.</summary>
public interface IProgramRunner
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; throws IbConfigException when it cannot start or time runs out.</summary>
    ProgramOutput Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout);
}
