using System.Management.Automation;
using System.Net;
using IbConfig.Core.Errors;
using IbConfig.Core.Simulator;

namespace IbConfig.PowerShell.Commands;

/// <summary>Starts a gateway simulator in the background of the session and registers it for Get-/Stop-IbGatewaySimulator.</summary>
[Cmdlet(VerbsLifecycle.Start, "IbGatewaySimulator", SupportsShouldProcess = true)]
[OutputType(typeof(IbGatewaySimulatorInfo))]
public sealed class StartIbGatewaySimulatorCommand : IbCmdlet
{
    [Parameter(Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; } = 4002;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Account { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataPath { get; set; }

    [Parameter]
    public SwitchParameter ReadOnlyApi { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[]? TrustedIp { get; set; }

    [Parameter]
    public UntrustedBehaviour UntrustedBehaviour { get; set; } = UntrustedBehaviour.Close;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? MasterClientId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public int[]? OccupiedClientId { get; set; }

    [Parameter]
    [ValidateRange(GatewaySimulatorOptions.LowestServerVersion, GatewaySimulatorOptions.HighestServerVersion)]
    public int MaxServerVersion { get; set; } = GatewaySimulatorOptions.HighestServerVersion;

    [Parameter]
    public SwitchParameter DisableApi { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string BindAddress { get; set; } = "127.0.0.1";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!IPAddress.TryParse(BindAddress, out var bind))
            ThrowIbError("SimulatorInvalidBindAddress", ErrorCategory.InvalidArgument, BindAddress, $"'{BindAddress}' is not an IP address; use 127.0.0.1 or ::1.");
        if (!ShouldProcess($"{bind}:{Port}", "Start IB Gateway simulator")) return;
        try
        {
            var options = new GatewaySimulatorOptions
            {
                BindAddress = bind!, Port = Port, ApiEnabled = !DisableApi, ReadOnlyApi = ReadOnlyApi, UntrustedBehaviour = UntrustedBehaviour,
                MasterClientId = MasterClientId, MaxServerVersion = MaxServerVersion,
            };
            if (DataPath is not null) options.UseData(SimulatorDataFile.Read(GetUnresolvedProviderPathFromPSPath(DataPath)));
            if (Account is not null) options.UseAccounts(Account);
            if (TrustedIp is not null) options.TrustedIps = TrustedIp;
            foreach (var id in OccupiedClientId ?? new int[0]) options.OccupiedClientIds.Add(id);
            var simulator = new GatewaySimulator(options);
            simulator.Start();
            var info = SimulatorRegistry.Shared.Add(simulator, null);
            if (info.Status == SimulatorStatus.ApiDisabled)
                WriteWarning($"Simulator {info.Id}: the API is disabled, so nothing listens on port {info.Port} (like \"Enable ActiveX and Socket Clients\" unticked).");
            else
                WriteVerbose($"Simulator {info.Id} listening on {info.ComputerName}:{info.Port} for {string.Join(",", info.Accounts)}.");
            if (PassThru) WriteObject(info);
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
    }
}
