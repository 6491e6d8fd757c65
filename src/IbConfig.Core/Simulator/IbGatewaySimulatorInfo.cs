using System;
using System.Linq;

namespace IbConfig.Core.Simulator;

/// <summary>
/// A snapshot of one registered simulator, as Start-/Get-/Stop-IbGatewaySimulator show it: flat, with the same
/// ComputerName and Port names as the probes so it pipes into them; no live socket inside.
/// </summary>
public sealed class IbGatewaySimulatorInfo
{
    public IbGatewaySimulatorInfo(int id, GatewaySimulator simulator, string? path)
    {
        var options = simulator.Options;
        Id = id;
        StatusValue = simulator.Status;
        ComputerName = (simulator.LocalEndPoint?.Address ?? options.BindAddress).ToString();
        Port = simulator.Port;
        Accounts = simulator.Accounts.Select(a => a.Id).ToArray();
        StartTime = simulator.StartTime?.LocalDateTime;
        ConnectionCount = simulator.ConnectionCount;
        ActiveSessionCount = simulator.ActiveSessionCount;
        ReadOnlyApi = options.ReadOnlyApi;
        TrustedIps = options.TrustedIps.ToArray();
        AllowLocalhostOnly = options.AllowLocalhostOnly;
        UntrustedBehaviourValue = options.UntrustedBehaviour;
        MasterClientId = options.MasterClientId;
        MaxServerVersion = options.MaxServerVersion;
        ReplayTime = simulator.ReplayTime;
        Path = path;
    }

    /// <summary>The simulator's number in this session's registry.</summary>
    public int Id { get; }

    public string Status => StatusValue.ToString();

    internal SimulatorStatus StatusValue { get; }

    /// <summary>The address clients connect to (loopback unless chosen otherwise).</summary>
    public string ComputerName { get; }

    public int Port { get; }

    public string[] Accounts { get; }

    public DateTime? StartTime { get; }

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionCount { get; }

    /// <summary>Connections open now.</summary>
    public int ActiveSessionCount { get; }

    public bool ReadOnlyApi { get; }

    public string[] TrustedIps { get; }

    public bool AllowLocalhostOnly { get; }

    public string UntrustedBehaviour => UntrustedBehaviourValue.ToString();

    internal UntrustedBehaviour UntrustedBehaviourValue { get; }

    public int? MasterClientId { get; }

    public int MaxServerVersion { get; }

    /// <summary>The replay clock's simulated time when bar series are replayed, else null.</summary>
    public DateTimeOffset? ReplayTime { get; }

    /// <summary>The settings file the simulator was configured from, if any.</summary>
    public string? Path { get; }

    public override string ToString() => $"IbGatewaySimulator {Id} {Status} on {ComputerName}:{Port}";
}
