namespace IbConfig.Core.Simulator;

/// <summary>The life cycle of a <see cref="GatewaySimulator"/>.</summary>
public enum SimulatorStatus
{
    /// <summary>Created; Start has not been called.</summary>
    NotStarted,
    /// <summary>Listening and serving clients.</summary>
    Running,
    /// <summary>Started with the API disabled: like a gateway with "Enable ActiveX and Socket Clients" unticked, nothing listens.</summary>
    ApiDisabled,
    /// <summary>Stopped: the port is released and every client was disconnected.</summary>
    Stopped,
    /// <summary>In a nightly restart: the port refuses connections until the simulator listens again.</summary>
    Restarting,
}
