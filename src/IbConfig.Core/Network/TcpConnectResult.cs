using System;
using System.Net;
using System.Net.Sockets;

namespace IbConfig.Core.Network;

/// <summary>
/// The outcome of one <see cref="TcpConnector"/> connect: a status, the time it took and, when <see cref="Status"/> is
/// <see cref="PortStatus.Open"/>, the connected socket. The caller owns that socket: keep it (a handshake continues on it)
/// or dispose the result to close it.
/// </summary>
public sealed class TcpConnectResult : IDisposable
{
    internal TcpConnectResult(PortStatus status, string computerName, IPAddress? remoteAddress, int port, TimeSpan latency,
        Socket? socket, SocketError? socketError, string? failure)
    {
        Status = status;
        ComputerName = computerName;
        RemoteAddress = remoteAddress;
        Port = port;
        Latency = latency;
        Socket = socket;
        SocketError = socketError;
        Failure = failure;
    }

    public PortStatus Status { get; }

    public bool Succeeded => Status == PortStatus.Open;

    /// <summary>The name or address the caller asked for.</summary>
    public string ComputerName { get; }

    /// <summary>The address connected to (or the first one tried); null when the name did not resolve.</summary>
    public IPAddress? RemoteAddress { get; }

    public int Port { get; }

    /// <summary>From the start of the attempt (name lookup included) to the connect or the failure.</summary>
    public TimeSpan Latency { get; }

    /// <summary>The connected socket when <see cref="Status"/> is Open, else null.</summary>
    public Socket? Socket { get; }

    /// <summary>The operating system's error for a failed connect, when it gave one.</summary>
    public SocketError? SocketError { get; }

    /// <summary>A short description of the failure ("connection refused", "no answer within 1000 ms"), or null when open.</summary>
    public string? Failure { get; }

    /// <summary>Closes the connected socket, if any.</summary>
    public void Dispose() => Socket?.Dispose();

    public override string ToString() => $"{ComputerName}:{Port} {Status}";
}
