using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>Accounts and positions read from a simulator data file (<see cref="SimulatorDataFile"/>).</summary>
public sealed class SimulatorData
{
    public SimulatorData(IReadOnlyList<SimulatedAccount> accounts, IReadOnlyList<SimulatedPosition> positions)
    {
        Accounts = accounts;
        Positions = positions;
    }

    public IReadOnlyList<SimulatedAccount> Accounts { get; }

    public IReadOnlyList<SimulatedPosition> Positions { get; }
}
