using System;

namespace IbConfig.Core.Simulator;

/// <summary>One entry of a simulator's event log: flat, so it prints and serialises cleanly.</summary>
public sealed class SimulatorEvent
{
    public SimulatorEvent(long sequence, DateTimeOffset time, SimulatorEventKind kind, long sessionId, string remoteAddress, int? clientId, int? messageId, string message)
    {
        Sequence = sequence;
        Time = time;
        KindValue = kind;
        SessionId = sessionId;
        RemoteAddress = remoteAddress;
        ClientId = clientId;
        MessageId = messageId;
        Message = message;
    }

    /// <summary>Position in the simulator's whole history (the log keeps only the latest entries).</summary>
    public long Sequence { get; }

    public DateTimeOffset Time { get; }

    public string Kind => KindValue.ToString();

    internal SimulatorEventKind KindValue { get; }

    /// <summary>The connection it concerns, or 0 for the simulator itself.</summary>
    public long SessionId { get; }

    /// <summary>The peer's address and port, or empty for the simulator itself.</summary>
    public string RemoteAddress { get; }

    public int? ClientId { get; }

    /// <summary>The request's message id, when the event concerns one.</summary>
    public int? MessageId { get; }

    public string Message { get; }

    public override string ToString() => $"{Time:HH:mm:ss.fff} #{SessionId} {Kind}: {Message}";
}
