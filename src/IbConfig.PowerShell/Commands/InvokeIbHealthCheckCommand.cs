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
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogPath { get; set; }

    [Parameter]
    public HealthCheckLogFormat Format { get; set; } = HealthCheckLogFormat.Json;

    [Parameter]
    [ValidateRange(1024, long.MaxValue)]
    public long MaxLogBytes { get; set; } = HealthCheckLog.DefaultMaxBytes;

    [Parameter]
    [ValidateRange(1, 100)]
    public int LogFileCount { get; set; } = HealthCheckLog.DefaultKeepFiles;

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    [Parameter]
    public SwitchParameter Repair { get; set; }

    /// <summary>IBC's command server port for -Repair.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int CommandServerPort { get; set; } = IbcCommandClient.DefaultPort;

    protected override void ProcessRecord()
    {
        var record = Run();
        if (Repair && HealthCheckRepair.NeedsDataReconnect(record.Checks)
            && ShouldProcess($"IBC command server {ComputerName}:{CommandServerPort}", "Send RECONNECTDATA (data farms are broken)"))
        {
            var outcome = RunSync(ct => HealthCheckRepair.ReconnectDataAsync(new IbcCommandClient(), ComputerName, CommandServerPort, ct));
            WriteVerbose(outcome);
            record = record.WithRepair(outcome);
        }
        if (LogPath is not null && ShouldProcess(LogPath, "Append the health-check record"))
        {
            var path = GetUnresolvedProviderPathFromPSPath(LogPath);
            try
            {
                new HealthCheckLog(path, Format, MaxLogBytes, LogFileCount).Append(record);
                record = record.WithLogPath(path);
            }
            catch (IbConfigException ex)
            {
                WriteIbError(ex);
            }
        }
        SetExitCode((int)record.ExitCode);
        if (!Quiet) WriteObject(record);
    }

    private IbHealthCheckRecord Run()
    {
        try
        {
            var (context, results) = RunChecklist();
            var record = new IbHealthCheckRecord(context.Now, Environment.MachineName, ComputerName, context.Port, results);
            foreach (var result in results) WriteVerbose($"{result.Status} {result.Id}: {result.Actual}");
            return record;
        }
        catch (IbConfigException ex)
        {
            if (!Quiet) WriteIbError(ex);
            return IbHealthCheckRecord.CouldNotRun(DateTimeOffset.Now, Environment.MachineName, ComputerName, Port, ex.Message);
        }
    }

    private void SetExitCode(int code)
    {
        SessionState.PSVariable.Set("global:LASTEXITCODE", code);
        // Only a process that runs one script or command and then exits may be given an exit code: in an interactive
        // console SetShouldExit would close the window. An explicit 'exit' later in the script still wins.
        if (Host.Name == "ConsoleHost" && ShellInvocation.ExitsAfterRunning(Environment.GetCommandLineArgs()))
        {
            WriteVerbose($"Exit code {code} set for this pwsh process.");
            Host.SetShouldExit(code);
        }
    }
}
