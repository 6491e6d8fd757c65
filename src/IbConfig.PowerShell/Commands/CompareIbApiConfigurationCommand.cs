using System.Management.Automation;
using IbConfig.Core.Baseline;
using IbConfig.Core.Errors;

namespace IbConfig.PowerShell.Commands;

/// <summary>Compares a gateway's effective settings with a baseline: one IbApiDrift per difference, nothing when they match.</summary>
[Cmdlet(VerbsData.Compare, "IbApiConfiguration")]
[OutputType(typeof(IbApiDrift))]
public sealed class CompareIbApiConfigurationCommand : IbSettingsStoreCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>The baseline file written by Export-IbApiBaseline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("BaselinePath")]
    [ValidateNotNullOrEmpty]
    public string Baseline { get; set; } = null!;

    protected override void ProcessRecord()
    {
        IbApiBaseline baseline;
        try
        {
            baseline = IbApiBaseline.Load(ResolveFileSystemPath(Baseline));
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex); // nothing can be compared without the baseline
            return;
        }
        var stores = OpenStores();
        if (stores is null) return;
        var drifts = BaselineComparer.Compare(baseline, stores.Effective());
        WriteVerbose($"{drifts.Count} difference(s) from '{baseline.BaselinePath}' ({baseline}).");
        WriteObject(drifts, enumerateCollection: true);
    }
}
