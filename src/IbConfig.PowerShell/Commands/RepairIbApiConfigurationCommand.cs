using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;
using IbConfig.Core.Health;
using IbConfig.Core.Ibc;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>
/// Runs the checklist, applies every remedy that is a settings change (each under ShouldProcess; every file written once,
/// with one backup), optionally asks IBC to reconnect the data farms, then emits what changed and the checklist as it
/// stands after.
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "IbApiConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbRepairChange), typeof(IbCheckResult))]
public sealed class RepairIbApiConfigurationCommand : IbChecklistCmdlet
{
    /// <summary>Also take the live actions (IBC's RECONNECTDATA when the data farms are broken).</summary>
    [Parameter] public SwitchParameter IncludeLive { get; set; }

    /// <summary>IBC's command server port for -IncludeLive; default: CommandServerPort from the IBC config.ini checked, else 7462.</summary>
    [Parameter, ValidateRange(1, 65535)] public int? CommandServerPort { get; set; }

    [Parameter] public override SwitchParameter Force { get; set; }

    /// <summary>How many backups of each file to keep (older ones are deleted after a write).</summary>
    [Parameter, ValidateRange(1, 10000)] public override int KeepBackups { get; set; } = Core.Files.ConfigBackup.DefaultKeep;

    protected override void ProcessRecord()
    {
        try
        {
            var (context, results) = RunChecklist();
            if (context.Settings is not null) WriteObject(Repair(context, results).ToList(), enumerateCollection: true);
            if (IncludeLive && HealthCheckRepair.NeedsDataReconnect(results)) ReconnectData(context);
            WriteObject(RunChecklist().Results, enumerateCollection: true);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }

    // Plans each fix on top of the ones before, applies those the user agrees to, then writes each changed file once.
    private IEnumerable<IbRepairChange> Repair(CheckContext context, IReadOnlyList<IbCheckResult> results)
    {
        var stores = SettingsStoreSet.Open(context.SettingsPath, context.ProfilePath, context.IbcConfigPath, Array.Empty<string>());
        var planner = new SettingsRepairPlanner(stores);
        var applied = new List<(RepairStep Step, ISettingsStore Store, SettingPlan Plan)>();
        foreach (var result in SettingsRepairPlanner.Repairable(results))
        {
            var step = planner.Plan(result);
            foreach (var error in step.Errors) WriteIbError(error);
            foreach (var warning in step.Plan.Warnings) WriteWarning($"{result.Id}: {warning.Message}");
            if (!step.HasChanges)
            {
                WriteVerbose($"{result.Id}: nothing to change ({step.Fix.Describe()}).");
                continue;
            }
            if (!ShouldProcess(result.Id, step.Describe())) continue;
            planner.Apply(step);
            applied.AddRange(step.Plan.Changes.Select(e => (step, e.Store, e.Plan)));
        }

        foreach (var result in results.Where(r => r.StatusValue is IbCheckStatus.Fail or IbCheckStatus.Warn && r.Fix is null && r.Remedy.Length > 0))
            WriteVerbose($"{result.Id}: not a settings change, left to you: {result.Remedy}");
        var written = planner.Changed.ToDictionary(s => s, s => SaveFile(s.Path, s.ToBytes(), "Write the repaired settings", contentRead: planner.ContentRead(s), asked: true));
        return applied.Select(a => new IbRepairChange(a.Step.Result.Id, a.Step.Fix.Describe(), a.Store.Kind, a.Store.Path,
            written[a.Store]?.Changed == true ? "Changed" : "NotWritten", a.Plan.Changes.ToArray(), written[a.Store]?.BackupPath));
    }

    // The data farms are broken: ask IBC to reconnect them, as Invoke-IbHealthCheck -Repair does.
    private void ReconnectData(CheckContext context)
    {
        try
        {
            var port = CommandServerPort ?? IbcCommandServerPort.Find(context.IbcConfigPath, Array.Empty<string>()).Port;
            if (!ShouldProcess($"IBC command server {ComputerName}:{port}", "Send RECONNECTDATA (data farms are broken)")) return;
            WriteVerbose(RunSync(ct => HealthCheckRepair.ReconnectDataAsync(new IbcCommandClient(), ComputerName, port, ct)));
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }
}
