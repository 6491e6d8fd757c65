using System;
using System.Management.Automation;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Ibc;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Runs the checklist for a scheduler: appends one record to a rotating log, and sets $LASTEXITCODE and (under pwsh -File
/// or -Command) the process exit code: 0 pass, 1 warnings, 2 failure, 3 could not run.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "IbHealthCheck", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(IbHealthCheckRecord))]
public sealed class InvokeIbHealthCheckCommand : IbChecklistCmdlet
{
    [Parameter, ValidateNotNullOrEmpty] public string? LogPath { get; set; }

    [Parameter] public HealthCheckLogFormat Format { get; set; } = HealthCheckLog.DefaultFormat;

    [Parameter, ValidateRange(1024, long.MaxValue)] public long MaxLogBytes { get; set; } = HealthCheckLog.DefaultMaxBytes;

    [Parameter, ValidateRange(1, 100)] public int LogFileCount { get; set; } = HealthCheckLog.DefaultKeepFiles;

    /// <summary>No output: schedulers read the exit code and the log.</summary>
    [Parameter] public SwitchParameter Quiet { get; set; }

    [Parameter] public SwitchParameter Repair { get; set; }

    /// <summary>A Prometheus textfile-collector file (*.prom) to replace with this run's metrics.</summary>
    [Parameter, ValidateNotNullOrEmpty, Alias("PrometheusTextFile")] public string? MetricsPath { get; set; }

    /// <summary>IBC's command server port for -Repair; default: CommandServerPort from the IBC config.ini checked, else 7462.</summary>
    [Parameter, ValidateRange(1, 65535)] public int? CommandServerPort { get; set; }

    protected override void ProcessRecord()
    {
        var (record, context) = Run();
        if (Repair && HealthCheckRepair.NeedsDataReconnect(record.Checks)) record = record.WithRepair(ReconnectData(context));
        if (LogPath is not null && ShouldProcess(LogPath, "Append the health-check record")) record = Logged(record, GetUnresolvedProviderPathFromPSPath(LogPath));
        if (MetricsPath is not null && ShouldProcess(MetricsPath, "Write the Prometheus metrics")) WriteMetrics(record, context, GetUnresolvedProviderPathFromPSPath(MetricsPath));
        SetExitCode((int)record.ExitCodeValue);
        if (Quiet) return;
        SerializationDepth.Ensure(this, typeof(IbHealthCheckRecord), 2); // keeps the checks objects through remoting
        WriteObject(record);
    }

    private (IbHealthCheckRecord, CheckContext?) Run()
    {
        try
        {
            var (context, results) = RunChecklist();
            foreach (var result in results) WriteVerbose($"{result.Status} {result.Id}: {result.Actual}");
            return (new IbHealthCheckRecord(context.Now, Environment.MachineName, ComputerName, context.Port, results), context);
        }
        catch (IbConfigException ex)
        {
            if (!Quiet) WriteIbError(ex);
            return (IbHealthCheckRecord.CouldNotRun(Machine.Clock(), Environment.MachineName, ComputerName, Port, ex.Message), null);
        }
    }

    // The farms are broken: ask IBC (on the gateway's host) to reconnect them, on the port its config.ini names.
    private string ReconnectData(CheckContext? context)
    {
        try
        {
            var port = CommandServerPort ?? IbcCommandServerPort.Find(context?.IbcConfigPath, Array.Empty<string>()).Port;
            if (!ShouldProcess($"IBC command server {ComputerName}:{port}", "Send RECONNECTDATA (data farms are broken)")) return "RECONNECTDATA: not sent (-WhatIf)";
            var outcome = RunSync(ct => HealthCheckRepair.ReconnectDataAsync(Machine.IbcClient(), ComputerName, port, ct));
            WriteVerbose(outcome);
            return outcome;
        }
        catch (IbConfigException ex)
        {
            return $"RECONNECTDATA: not sent ({ex.Message})";
        }
    }

    private IbHealthCheckRecord Logged(IbHealthCheckRecord record, string path)
    {
        try
        {
            new HealthCheckLog(path, Format, MaxLogBytes, LogFileCount).Append(record);
            return record.WithLogPath(path);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return record;
        }
    }

    // Written after the log and even when the checks could not run: exit code 3 is what monitoring most needs to see.
    private void WriteMetrics(IbHealthCheckRecord record, CheckContext? context, string path)
    {
        if (!path.EndsWith(HealthCheckMetrics.FileExtension, StringComparison.OrdinalIgnoreCase))
            WriteWarning($"'{path}' does not end in {HealthCheckMetrics.FileExtension}: node_exporter and windows_exporter read only *{HealthCheckMetrics.FileExtension} files.");
        try
        {
            HealthCheckMetrics.Write(path, HealthCheckMetrics.Format(record, context?.Connection));
            WriteVerbose($"Wrote the Prometheus metrics to '{path}' (atomic replace).");
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }

    private void SetExitCode(int code)
    {
        SessionState.PSVariable.Set("global:LASTEXITCODE", code);
        // Only a process that runs one script or command and then exits may be given an exit code: in an interactive
        // console SetShouldExit would close the window. An explicit 'exit' later in the script still wins.
        if (Host.Name != "ConsoleHost" || !ShellInvocation.ExitsAfterRunning(Environment.GetCommandLineArgs())) return;
        WriteVerbose($"Exit code {code} set for this pwsh process.");
        Host.SetShouldExit(code);
    }
}
