using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Simulator;

namespace IbConfig.PowerShell.Commands;

/// <summary>Stops gateway simulators of the session: the port is released and every client disconnected.</summary>
[Cmdlet(VerbsLifecycle.Stop, "IbGatewaySimulator", SupportsShouldProcess = true, DefaultParameterSetName = IdSet)]
[OutputType(typeof(IbGatewaySimulatorInfo))]
public sealed class StopIbGatewaySimulatorCommand : IbCmdlet
{
    private const string IdSet = "Id";
    private const string AllSet = "All";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(SimulatorIdCompleter))]
    [ValidateNotNullOrEmpty]
    public int[]? Id { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in All ? SimulatorRegistry.Shared.Ids.ToArray() : Id!)
        {
            var info = SimulatorRegistry.Shared.Describe(id);
            if (info is null)
            {
                WriteIbError(SimulatorRegistry.NotFound(id));
                continue;
            }
            if (!ShouldProcess($"IB Gateway simulator {id} on {info.ComputerName}:{info.Port}", "Stop")) continue;
            var stopped = RunSync(_ => SimulatorRegistry.Shared.StopAsync(id));
            WriteVerbose($"Simulator {id} stopped after {stopped?.ConnectionCount ?? 0} connection(s).");
            if (PassThru && stopped is not null) WriteObject(stopped);
        }
    }
}
