using System;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;

namespace IbConfig.PowerShell.Commands;

/// <summary>Plays a fault on running gateway simulators: drops, notices, a nightly restart, pacing errors or silence.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "IbGatewaySimulatorFault", SupportsShouldProcess = true)]
[OutputType(typeof(SimulatorFault))]
public sealed class InvokeIbGatewaySimulatorFaultCommand : IbCmdlet
{
    private const int DayMs = 86_400_000;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public int[]? Id { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    public SimulatorFaultKind Kind { get; set; }

    [Parameter]
    public int Code { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Farm { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Message { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Request { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public int[]? ClientId { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    [Parameter]
    [ValidateRange(0, DayMs)]
    public int DurationMs { get; set; }

    [Parameter]
    [ValidateRange(0, DayMs)]
    public int ClientIdHoldMs { get; set; }

    [Parameter]
    [ValidateRange(0, DayMs)]
    public int DelayMs { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id!)
        {
            var simulator = SimulatorRegistry.Shared.Find(id);
            if (simulator is null)
            {
                WriteIbError(SimulatorRegistry.NotFound(id));
                continue;
            }
            SimulatorFault fault;
            try
            {
                fault = NewFault(simulator).Validate();
            }
            catch (IbConfigException ex)
            {
                ThrowIbError(ex); // the same parameters fail for every simulator
                return;
            }
            if (!ShouldProcess($"IB Gateway simulator {id} on port {simulator.Port}", $"Play fault {fault}")) continue;
            try
            {
                if (fault.At is null) RunSync(ct => simulator.InjectAsync(fault, ct));
                else simulator.Inject(fault);
                WriteVerbose(fault.At is null ? $"Simulator {id}: played {fault}." : $"Simulator {id}: {fault.Kind} scheduled in {DelayMs} ms.");
                if (PassThru) WriteObject(fault);
            }
            catch (IbConfigException ex)
            {
                WriteIbError(ex);
            }
        }
    }

    private SimulatorFault NewFault(GatewaySimulator simulator)
    {
        var fault = new SimulatorFault
        {
            KindValue = Kind,
            Farm = Farm,
            Text = Message,
            DurationValue = TimeSpan.FromMilliseconds(DurationMs),
            ClientIdHoldValue = TimeSpan.FromMilliseconds(ClientIdHoldMs),
            Requests = (Request ?? new string[0]).Select(SimulatorFault.ParseRequest).ToList(),
            ClientIds = (ClientId ?? new int[0]).ToList(),
        };
        if (Bound(nameof(Code))) fault.Code = Code;
        if (Bound(nameof(Count))) fault.Count = Count;
        if (Bound(nameof(DelayMs))) fault.AtValue = simulator.Elapsed + TimeSpan.FromMilliseconds(DelayMs);
        return fault;
    }
}
