using System;
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
    /// <summary>IB Gateway's paper port: the stand-in's port when neither -Port nor the settings name one.</summary>
    private const int DefaultPort = 4002;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IbcConfigPath { get; set; }

    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; } = DefaultPort;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Account { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ScenarioPath { get; set; }

    [Parameter]
    public DateTimeOffset? ReplayStart { get; set; }

    [Parameter]
    [ValidateRange(0, GatewaySimulatorOptions.MaxReplaySpeed)]
    public double ReplaySpeed { get; set; } = 1;

    [Parameter]
    public int ReplaySeed { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TracePath { get; set; }

    [Parameter]
    public bool? ReadOnlyApi { get; set; }

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
    public FillRule FillRule { get; set; } = FillRule.OnLimitCross;

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
            ThrowIbError(SimulatorFailure.InvalidBindAddress(BindAddress));
        try
        {
            var options = Path is null ? new GatewaySimulatorOptions { Port = DefaultPort } : FromSettings(Path);
            options.BindAddress = bind!;
            if (Bound(nameof(Port))) options.Port = Port;
            if (Bound(nameof(DisableApi))) options.ApiEnabled = !DisableApi;
            if (ReadOnlyApi is bool readOnly) options.ReadOnlyApi = readOnly;
            if (Bound(nameof(TrustedIp))) options.TrustedIps = TrustedIp!;
            if (Bound(nameof(UntrustedBehaviour))) options.UntrustedBehaviour = UntrustedBehaviour;
            if (Bound(nameof(MasterClientId))) options.MasterClientId = MasterClientId;
            options.MaxServerVersion = MaxServerVersion;
            if (DataPath is not null) options.UseData(SimulatorDataFile.Read(GetUnresolvedProviderPathFromPSPath(DataPath)));
            if (Account is not null) options.UseAccounts(Account);
            if (options.Bars.Count == 0 && (Bound(nameof(ReplayStart)) || Bound(nameof(ReplaySpeed)) || Bound(nameof(ReplaySeed))))
                WriteWarning("No bar series to replay, so -ReplayStart, -ReplaySpeed and -ReplaySeed change nothing. Give -DataPath a data file with a [Bars] section (see samples/simulator/replay-day.txt).");
            options.ReplayStart = ReplayStart;
            options.ReplaySpeed = ReplaySpeed;
            options.ReplaySeed = ReplaySeed;
            if (Bound(nameof(FillRule))) options.DefaultFillRule = FillRule;
            if (TracePath is not null) options.TracePath = GetUnresolvedProviderPathFromPSPath(TracePath);
            if (ScenarioPath is not null) options.UseScenario(SimulatorScenarioFile.Read(GetUnresolvedProviderPathFromPSPath(ScenarioPath)));
            foreach (var id in OccupiedClientId ?? new int[0]) options.OccupiedClientIds.Add(id);
            if (!ShouldProcess($"{bind}:{options.Port}", "Start IB Gateway simulator")) return;
            var simulator = new GatewaySimulator(options);
            simulator.Start();
            var info = SimulatorRegistry.Shared.Add(simulator, Path is null ? null : GetUnresolvedProviderPathFromPSPath(Path));
            if (info.StatusValue == SimulatorStatus.ApiDisabled)
                WriteWarning($"Simulator {info.Id}: the API is disabled, so nothing listens on port {info.Port} (like \"Enable ActiveX and Socket Clients\" unticked).");
            else
                WriteVerbose($"Simulator {info.Id} listening on {info.ComputerName}:{info.Port} for {string.Join(",", info.Accounts)}.");
            if (simulator.ReplayTime is DateTimeOffset replay)
                WriteVerbose($"Simulator {info.Id} replays {options.Bars.Count} bar series from {replay:yyyy-MM-ddTHH:mm:ssZ} at {ReplaySpeed}x (seed {ReplaySeed}).");
            if (PassThru) WriteObject(info);
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
    }

    private GatewaySimulatorOptions FromSettings(string path)
    {
        var ibc = IbcConfigPath is null ? null : GetUnresolvedProviderPathFromPSPath(IbcConfigPath);
        var options = GatewaySimulatorOptions.FromSettingsFiles(GetUnresolvedProviderPathFromPSPath(path), ibc, out var sources, out var warnings);
        foreach (var warning in warnings) WriteWarning(warning);
        WriteVerbose($"Settings from {string.Join(", ", sources)}: port {options.Port}, API {(options.ApiEnabled ? "enabled" : "disabled")}, " +
                     $"read-only {options.ReadOnlyApi}, trusted {string.Join(",", options.TrustedIps)}, untrusted peers {options.UntrustedBehaviour}.");
        if (options.Port == 0) options.Port = DefaultPort; // the settings name no API port
        return options;
    }
}
