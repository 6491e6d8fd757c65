using System;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Network;

/// <summary>
/// Probes one computer and port: a <see cref="TcpConnector"/> connect that is closed at once, reported as an
/// <see cref="IbPortResult"/> with the guide's troubleshooting advice for a port that is not open.
/// </summary>
public sealed class TcpProbe
{
    private const string SeeHelp = "see Get-Help about_IbConfig";
    private readonly TcpConnector _connector;

    public TcpProbe(TcpConnector connector, TimeSpan timeout)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        TcpConnector.ValidateTimeout(timeout);
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    /// <summary>Throws <see cref="Errors.IbConfigException"/> for a target no probe could try (empty name, port outside 1-65535).</summary>
    public static void Validate(string computerName, int port)
    {
        TcpConnector.ValidateComputerName(computerName);
        TcpConnector.ValidatePort(port);
    }

    /// <summary>The probe's outcome; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<IbPortResult> ProbeAsync(string computerName, int port, CancellationToken cancellationToken)
    {
        using var connect = await _connector.ConnectAsync(computerName, port, Timeout, cancellationToken).ConfigureAwait(false);
        return new IbPortResult(connect.ComputerName, connect.RemoteAddress?.ToString(), port, connect.Status,
            Math.Round(connect.Latency.TotalMilliseconds, 2), HintFor(connect), connect.Failure);
    }

    private string? HintFor(TcpConnectResult connect) => connect.Status switch
    {
        PortStatus.Open => null,
        PortStatus.Refused =>
            $"Nothing listens on port {connect.Port}: IB Gateway/TWS is not running, the API is disabled (Enable ActiveX and Socket Clients), or the port is wrong; {SeeHelp}.",
        PortStatus.TimedOut =>
            $"No answer within {Timeout.TotalMilliseconds:0} ms: a firewall drops port {connect.Port}, the host is down, or the gateway is hung; {SeeHelp}.",
        PortStatus.Unreachable =>
            $"'{connect.ComputerName}' cannot be reached ({connect.Failure}): check the address, the network and any VPN; {SeeHelp}.",
        _ => $"'{connect.ComputerName}' did not resolve ({connect.Failure}): check the spelling or use the IP address; {SeeHelp}.",
    };
}
