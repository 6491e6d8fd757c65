using System;
using System.IO;
using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Windows;

namespace IbConfig.Core.Health;

/// <summary>
/// Registers and removes the health-check task with schtasks.exe, present on every Windows and usable from Windows
/// PowerShell 5.1 and pwsh alike (the ScheduledTasks module is CIM-based and absent from some server cores).
/// Both operations are idempotent: registering replaces a task of the same name, removing a missing task does nothing.
/// </summary>
/// <remarks>
/// schtasks stays because nothing here reads its text: the task goes in as Task Scheduler XML (a fixed schema), and every
/// decision rests on exit codes. Its messages are localised, so they are only passed on to the user, never parsed
/// (docs/windows-platform.md); the one word looked for, "denied", merely picks the more specific error id.
/// </remarks>
public sealed class ScheduledTaskRegistrar
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly IProgramRunner _runner;

    public ScheduledTaskRegistrar(IProgramRunner runner) => _runner = runner ?? throw new ArgumentNullException(nameof(runner));

    public bool Exists(string taskName) => _runner.Run("schtasks.exe", IbHealthCheckTask.QueryArguments(taskName), Timeout).ExitCode == 0;

    /// <summary>Creates or replaces the task. Returns true when it replaced an existing one.</summary>
    public bool Register(IbHealthCheckTask task)
    {
        var existed = Exists(task.TaskName);
        var xmlPath = Path.Combine(Path.GetTempPath(), "IbConfig-task-" + Guid.NewGuid().ToString("N") + ".xml");
        try
        {
            File.WriteAllText(xmlPath, task.ToXml(), Encoding.Unicode); // the XML declares UTF-16
            var result = _runner.Run("schtasks.exe", task.CreateArguments(xmlPath), Timeout);
            if (result.ExitCode != 0) throw Failed("register", task.TaskName, result);
        }
        finally
        {
            if (File.Exists(xmlPath)) File.Delete(xmlPath);
        }
        return existed;
    }

    /// <summary>Removes the task; returns false when there was none.</summary>
    public bool Unregister(string taskName)
    {
        if (!Exists(taskName)) return false;
        var result = _runner.Run("schtasks.exe", IbHealthCheckTask.DeleteArguments(taskName), Timeout);
        if (result.ExitCode != 0) throw Failed("remove", taskName, result);
        return true;
    }

    private static IbConfigException Failed(string action, string taskName, ProgramOutput result)
    {
        var why = (result.Error + " " + result.Output).Trim();
        var denied = why.IndexOf("denied", StringComparison.OrdinalIgnoreCase) >= 0;
        return denied
            ? HealthCheckFailure.TaskAccessDenied(action, taskName, result.ExitCode, why)
            : HealthCheckFailure.TaskFailed(action, taskName, result.ExitCode, why);
    }
}
