using System;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Windows;

/// <summary>The failures of running one of the machine's own programs (schtasks, netsh, icacls).</summary>
internal static class ProgramFailure
{
    public static IbConfigException NotStarted(string program, Exception ex) =>
        new("ProgramNotStarted", IbErrorKind.ResourceUnavailable,
            $"Cannot run {program}: {ex.Message} Check that {program} is installed and on the PATH.", program, ex);

    public static IbConfigException TimedOut(string program, TimeSpan timeout) =>
        new("ProgramTimedOut", IbErrorKind.OperationTimeout,
            $"{program} did not finish within {timeout.TotalSeconds:0} s and was stopped. Try again; if it keeps hanging, run {program} by hand to see why.", program);
}
