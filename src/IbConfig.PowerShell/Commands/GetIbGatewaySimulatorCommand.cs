using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Simulator;

namespace IbConfig.PowerShell.Commands;

/// <summary>Lists the session's gateway simulators, or the sessions or event log of some of them.</summary>
[Cmdlet(VerbsCommon.Get, "IbGatewaySimulator", DefaultParameterSetName = SimulatorSet)]
[OutputType(typeof(IbGatewaySimulatorInfo), ParameterSetName = new[] { SimulatorSet })]
[OutputType(typeof(SimulatorSessionInfo), ParameterSetName = new[] { SessionSet })]
[OutputType(typeof(SimulatorEvent), ParameterSetName = new[] { EventSet })]
public sealed class GetIbGatewaySimulatorCommand : IbCmdlet
{
    private const string SimulatorSet = "Simulator";
    private const string SessionSet = "Session";
    private const string EventSet = "Event";

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SimulatorIdCompleter))]
    [ValidateNotNullOrEmpty]
    public int[]? Id { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SessionSet)]
    public SwitchParameter Session { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EventSet)]
    public SwitchParameter Event { get; set; }

    [Parameter(ParameterSetName = EventSet)]
    [ValidateNotNullOrEmpty]
    public SimulatorEventKind[]? Kind { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id ?? SimulatorRegistry.Shared.Ids.ToArray())
        {
            var simulator = SimulatorRegistry.Shared.Find(id);
            if (simulator is null)
            {
                WriteIbError(SimulatorRegistry.NotFound(id));
                continue;
            }
            if (Session) WriteObject(simulator.GetSessions(), enumerateCollection: true);
            else if (Event) WriteObject(simulator.Events.Snapshot().Where(e => Kind is null || Kind.Contains(e.KindValue)), enumerateCollection: true);
            else WriteObject(SimulatorRegistry.Shared.Describe(id));
        }
    }
}
