using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Checks;

namespace IbConfig.Core.Health;

/// <summary>
/// One health-check run as it is logged and returned: when, on which host, against which gateway, the verdict and every
/// check. Flat apart from the array of flat check results, so it serialises over remoting and into JSON or CSV.
/// </summary>
public sealed class IbHealthCheckRecord
{
    public IbHealthCheckRecord(DateTimeOffset timestamp, string host, string computerName, int? port, IEnumerable<IbCheckResult> checks,
        string? message = null, IbCheckExitCode? exitCode = null)
    {
        Timestamp = timestamp;
        Host = host;
        ComputerName = computerName;
        Port = port;
        Checks = checks?.ToArray() ?? Array.Empty<IbCheckResult>();
        var summary = IbCheckSummary.Of(Checks);
        Passed = summary.Passed;
        Warnings = summary.Warnings;
        Failed = summary.Failed;
        Skipped = summary.Skipped;
        ExitCodeValue = exitCode ?? summary.ExitCode;
        Status = ExitCodeValue switch
        {
            IbCheckExitCode.AllPassed => "Pass",
            IbCheckExitCode.Warnings => "Warn",
            IbCheckExitCode.Failures => "Fail",
            _ => "CouldNotRun",
        };
        Message = message ?? summary.ToString();
    }

    /// <summary>A run that never got to its checks (bad arguments, no settings found): exit code 3.</summary>
    public static IbHealthCheckRecord CouldNotRun(DateTimeOffset timestamp, string host, string computerName, int? port, string why) =>
        new(timestamp, host, computerName, port, Array.Empty<IbCheckResult>(), why, IbCheckExitCode.CouldNotRun);

    public DateTimeOffset Timestamp { get; }

    /// <summary>The machine that ran the check.</summary>
    public string Host { get; }

    /// <summary>The gateway's address as checked.</summary>
    public string ComputerName { get; }

    public int? Port { get; }

    /// <summary>Pass, Warn, Fail or CouldNotRun.</summary>
    public string Status { get; }

    /// <summary>The process exit code (0 all passed, 1 warnings, 2 failures, 3 could not run): a number, because that is
    /// what Task Scheduler and scripts read; <see cref="Status"/> is its name.</summary>
    public int ExitCode => (int)ExitCodeValue;

    internal IbCheckExitCode ExitCodeValue { get; }

    public int Passed { get; }

    public int Warnings { get; }

    public int Failed { get; }

    public int Skipped { get; }

    /// <summary>The summary line, or why the checks could not run.</summary>
    public string Message { get; }

    /// <summary>What -Repair did (e.g. "RECONNECTDATA: OK"); empty when nothing was repaired.</summary>
    public string Repair { get; init; } = string.Empty;

    /// <summary>The log file the record was appended to; empty when not logged.</summary>
    public string LogPath { get; init; } = string.Empty;

    public IbCheckResult[] Checks { get; }

    /// <summary>This record, noting the log file it was appended to.</summary>
    public IbHealthCheckRecord WithLogPath(string logPath) =>
        new(Timestamp, Host, ComputerName, Port, Checks, Message, ExitCodeValue) { Repair = Repair, LogPath = logPath };

    /// <summary>This record, noting what -Repair did.</summary>
    public IbHealthCheckRecord WithRepair(string repair) =>
        new(Timestamp, Host, ComputerName, Port, Checks, Message, ExitCodeValue) { Repair = repair, LogPath = LogPath };

    public override string ToString() => $"{Timestamp:u} {Host} {ComputerName}:{Port} {Status} ({Message})";
}
