using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Windows;

namespace IbConfig.PowerShell.Commands;

/// <summary>Removes the health-check scheduled task; removing a task that is not there is not an error.</summary>
[Cmdlet(VerbsLifecycle.Unregister, "IbHealthCheckTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class UnregisterIbHealthCheckTaskCommand : IbCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TaskName { get; set; } = IbHealthCheckTask.DefaultTaskName;

    protected override void ProcessRecord()
    {
        if (!WindowsPlatform.IsCurrent)
            ThrowIbError(WindowsPlatform.NotSupported("Task Scheduler", "Remove the health check's line with 'crontab -e', or run 'systemctl disable --now ibconfig-health.timer'."));
        if (!ShouldProcess(TaskName, "Unregister the IbConfig health-check task")) return;
        try
        {
            var removed = new ScheduledTaskRegistrar(Machine.Programs).Unregister(TaskName);
            WriteVerbose(removed ? $"Removed the task {TaskName}." : $"There is no task {TaskName}; nothing to remove.");
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
    }
}
