using System;

namespace IbConfig.Core.Simulator;

/// <summary>A snapshot of one client connection to the simulator: flat, so it prints and serialises cleanly.</summary>
public sealed class SimulatorSessionInfo
{
    public SimulatorSessionInfo(long id, string remoteAddress, int remotePort, SessionState state, int? clientId, int serverVersion,
        bool isMasterClient, DateTimeOffset connectedAt, long requestCount)
    {
        Id = id;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        StateValue = state;
        ClientId = clientId;
        ServerVersion = serverVersion;
        IsMasterClient = isMasterClient;
        ConnectedAt = connectedAt;
        RequestCount = requestCount;
    }

    public long Id { get; }

    public string RemoteAddress { get; }

    public int RemotePort { get; }

    public string State => StateValue.ToString();

    internal SessionState StateValue { get; }

    /// <summary>The client id from START_API, once accepted.</summary>
    public int? ClientId { get; }

    /// <summary>The negotiated server version, or 0 before the handshake.</summary>
    public int ServerVersion { get; }

    /// <summary>True when the client id is the configured master API client id.</summary>
    public bool IsMasterClient { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Requests received after START_API.</summary>
    public long RequestCount { get; }
}
