using System.Management.Automation;
using IbConfig.Core.Checks;
using IbConfig.Core.Errors;

namespace IbConfig.PowerShell.Commands;

/// <summary>Runs the guide's checklist, and what the stores and the live gateway reveal, as one IbCheckResult per check.</summary>
[Cmdlet(VerbsDiagnostic.Test, "IbApiConfiguration")]
[OutputType(typeof(IbCheckResult))]
[OutputType(typeof(bool))]
public sealed class TestIbApiConfigurationCommand : IbChecklistCmdlet
{
    /// <summary>Returns only $true (nothing failed) or $false, like Test-Connection -Quiet.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var (_, results) = RunChecklist();
            var summary = IbCheckSummary.Of(results);
            if (Quiet)
            {
                WriteObject(summary.Failed == 0);
                return;
            }
            WriteObject(results, enumerateCollection: true);
            // The summary goes to the host (like Write-Host), so the pipeline carries check results only.
            WriteInformation(new HostInformationMessage { Message = summary.ToString(), NoNewLine = false }, new[] { "PSHOST", "IbCheckSummary" });
        }
        catch (IbConfigException ex)
        {
            if (Quiet) WriteObject(false);
            WriteIbError(ex);
        }
    }
}
