using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using IbConfig.PowerShell.Arguments;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Windows;

namespace IbConfig.PowerShell.Commands;

/// <summary>Creates (or replaces) the Windows scheduled task that runs Invoke-IbHealthCheck every few minutes.</summary>
[Cmdlet(VerbsLifecycle.Register, "IbHealthCheckTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbHealthCheckTask))]
public sealed class RegisterIbHealthCheckTaskCommand : HealthCheckSchedulingCmdlet
{
    [Parameter]
    [TimeOfDayTransformation(AsDateTime = true)]
    public DateTime? At { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string TaskName { get; set; } = IbHealthCheckTask.DefaultTaskName;

    [Parameter]
    public SwitchParameter RunAsSystem { get; set; }

    protected override void ProcessRecord()
    {
        if (!WindowsPlatform.IsCurrent) ThrowIbError(WindowsPlatform.NotSupported("Task Scheduler", InsteadOnThisPlatform()));

        // SYSTEM does not see a user's module folder, so the task imports this very manifest by path.
        var module = MyInvocation.MyCommand.Module?.Path is { Length: > 0 } path ? path : "IbConfig";
        var logFolder = Environment.GetFolderPath(RunAsSystem ? Environment.SpecialFolder.CommonApplicationData : Environment.SpecialFolder.LocalApplicationData);
        var invocation = Invocation(module, System.IO.Path.Combine(logFolder, "IbConfig", "health.log"));
        var runAs = RunAsSystem ? "SYSTEM" : $@"{Environment.UserDomainName}\{Environment.UserName}";
        IbHealthCheckTask task;
        try
        {
            task = new IbHealthCheckTask(TaskName, PowerShellPath ?? CurrentPowerShell(), HealthCheckCommandLine.TaskSchedulerArguments(invocation),
                Every, At ?? DateTime.Today, runAs);
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
            return;
        }
        WriteVerbose($"Task command: {task.Program} {task.Arguments}");
        if (!ShouldProcess(task.TaskName, $"Register a task that runs the IbConfig health check every {Every} as {runAs}")) return;
        try
        {
            var replaced = new ScheduledTaskRegistrar(Machine.Programs).Register(task);
            WriteVerbose(replaced ? $"Replaced the existing task {task.TaskName}." : $"Created the task {task.TaskName}.");
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
        WriteObject(task);
    }

    private string InsteadOnThisPlatform()
    {
        var invocation = Invocation("IbConfig");
        try
        {
            return "Schedule it with cron instead (crontab -e):\n" + HealthCheckCommandLine.For(HealthCheckCommandKind.Cron, invocation, Every).Line +
                "\nor a systemd timer: Get-IbHealthCheckCommand -Kind Systemd";
        }
        catch (IbConfigException)
        {
            return "Schedule it with a systemd timer instead:\n" + HealthCheckCommandLine.For(HealthCheckCommandKind.Systemd, invocation, Every).Line;
        }
    }

    // The task runs the same PowerShell that registered it (pwsh 7 or Windows PowerShell 5.1), unless -PowerShellPath says otherwise.
    private static string CurrentPowerShell()
    {
        var self = Process.GetCurrentProcess().MainModule?.FileName;
        var name = System.IO.Path.GetFileNameWithoutExtension(self ?? string.Empty);
        return name.Equals("pwsh", StringComparison.OrdinalIgnoreCase) || name.Equals("powershell", StringComparison.OrdinalIgnoreCase) ? self! : "pwsh.exe";
    }
}
