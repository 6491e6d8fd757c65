using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Get-IbGatewayProcess: the running IB Gateway and TWS instances, as the write guard sees them.</summary>
[Cmdlet(VerbsCommon.Get, "IbGatewayProcess")]
[OutputType(typeof(GatewayProcessInfo))]
public sealed class GetIbGatewayProcessCommand : IbCmdlet
{
    /// <summary>Only instances of this product.</summary>
    [Parameter(Position = 0)]
    public IbProduct[]? Product { get; set; }

    /// <summary>Only instances that may write their settings back into this settings folder.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SettingsDirectory")]
    [ValidateNotNullOrEmpty]
    public string? SettingsFolder { get; set; }

    protected override void ProcessRecord()
    {
        var finder = Machine.GatewayProcesses();
        var folder = SettingsFolder is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(SettingsFolder);
        var found = folder is null ? finder.Find() : finder.FindUsing(folder);
        WriteVerbose($"{found.Count} IB Gateway / TWS instance(s) running{(folder is null ? "" : $" that may use '{folder}'")}.");

        foreach (var process in found.Where(p => Product is null || Product.Contains(p.ProductValue)))
        {
            if (!process.CommandLineKnown)
                WriteVerbose($"{process}: the command line could not be read, so its settings folder is {(process.SettingsDirectory is null ? "unknown" : "guessed from the install path")}.");
            WriteObject(process);
        }
    }
}
