using System;

namespace IbConfig.Core.Watch;

/// <summary>
/// One thing that happened to a watched gateway, as it happened. Flat (simple types only), so it pipes into
/// Export-Csv, a log or remoting unchanged.
/// </summary>
public sealed class IbGatewayEvent
{
    public IbGatewayEvent(DateTimeOffset time, string computerName, int port, int? code, IbGatewayEventKind kind, string farm, string message)
    {
        Time = time;
        ComputerName = computerName;
        Port = port;
        Code = code;
        KindValue = kind;
        Farm = farm;
        Message = message;
    }

    public DateTimeOffset Time { get; }

    public string ComputerName { get; }

    public int Port { get; }

    /// <summary>IB's message code (1100, 2104, ...); null for the watcher's own events (connected, disconnected, ...).</summary>
    public int? Code { get; }

    public string Kind => KindValue.ToString();

    internal IbGatewayEventKind KindValue { get; }

    /// <summary>The data farm of a farm event (usfarm, ushmds, secdefnj, ...); empty otherwise.</summary>
    public string Farm { get; }

    public string Message { get; }

    public override string ToString() => $"{Time:u} {ComputerName}:{Port} {Kind}{(Code is { } code ? " " + code : "")} {Message}";
}
