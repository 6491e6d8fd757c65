using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>The frames the simulator answers one request with, and how the request is recorded in the event log.</summary>
internal readonly struct SimulatorResponse
{
    public SimulatorResponse(SimulatorEventKind kind, string note, IReadOnlyList<byte[]> frames)
    {
        Kind = kind;
        Note = note;
        Frames = frames;
    }

    public SimulatorEventKind Kind { get; }

    public string Note { get; }

    public IReadOnlyList<byte[]> Frames { get; }
}
