namespace IbConfig.Core.Simulator;

/// <summary>What a <see cref="SimulatorFault"/> does to a running simulator (docs/simulator.md, "Faults").</summary>
public enum SimulatorFaultKind
{
    /// <summary>Closes the connections of the chosen clients (every client by default), as a network cut does.</summary>
    DropClients,
    /// <summary>Sends an IB notice (1100, 1101, 1102, 2110, 2103..2106, 2157, 2158) to the chosen clients, with id -1.</summary>
    Notice,
    /// <summary>IB's daily restart: every client is closed, the port refuses connections for a while, then the client ids
    /// that were connected get 326 until they are released.</summary>
    NightlyRestart,
    /// <summary>The chosen requests get pacing error 162 or 420, with their own request id, instead of their answer.</summary>
    Pacing,
    /// <summary>The chosen requests are never answered.</summary>
    Silence,
    /// <summary>Moves the replay clock forward by the fault's Duration, with every tick and bar on the way (docs/simulator.md, "Replay clock").</summary>
    AdvanceClock,
}
