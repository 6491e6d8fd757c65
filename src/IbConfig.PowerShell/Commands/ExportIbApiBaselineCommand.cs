using System.Management.Automation;
using IbConfig.Core.Baseline;
using IbConfig.Core.Errors;

namespace IbConfig.PowerShell.Commands;

/// <summary>Captures a gateway's desired state (effective settings, trusted list, restart plan; no credentials) to a baseline file.</summary>
[Cmdlet(VerbsData.Export, "IbApiBaseline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(IbApiBaseline))]
public sealed class ExportIbApiBaselineCommand : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>The baseline file to write; without it the baseline is only returned (e.g. from Invoke-Command).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Baseline { get; set; }

    protected override void ProcessRecord()
    {
        var stores = OpenStores();
        if (stores is null) return;
        var baseline = IbApiBaseline.From(stores.Effective());
        WriteVerbose($"Baseline of '{baseline.SettingsPath}': {baseline}.");
        if (Baseline is null)
        {
            WriteObject(baseline);
            return;
        }
        var path = ResolveFileSystemPath(Baseline);
        if (!ShouldProcess(path, "Write the API baseline")) return;
        try
        {
            baseline.Write(path);
            WriteVerbose($"Wrote the baseline to '{path}' (atomic replace).");
            WriteObject(new IbApiBaseline(baseline.Settings, baseline.TrustedIps, baseline.RestartPlan, baseline.MaintenanceWindows)
                { SettingsPath = baseline.SettingsPath, BaselinePath = path });
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
        }
    }
}
