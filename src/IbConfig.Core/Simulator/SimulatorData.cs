using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>Accounts and positions read from a simulator data file (<see cref="SimulatorDataFile"/>).</summary>
public sealed class SimulatorData
{
    public SimulatorData(IReadOnlyList<SimulatedAccount> accounts, IReadOnlyList<SimulatedPosition> positions, IReadOnlyList<SimulatedContract>? contracts = null,
        IReadOnlyList<BarSeries>? bars = null, IReadOnlyList<SimulatedFillRule>? fillRules = null)
    {
        Bars = bars ?? new BarSeries[0];
        Accounts = accounts;
        Positions = positions;
        Contracts = contracts ?? new SimulatedContract[0];
        FillRules = fillRules ?? new SimulatedFillRule[0];
    }

    public IReadOnlyList<SimulatedAccount> Accounts { get; }

    public IReadOnlyList<SimulatedPosition> Positions { get; }

    /// <summary>The contracts market data and contract details come from ([Contracts]).</summary>
    public IReadOnlyList<SimulatedContract> Contracts { get; }

    /// <summary>How orders fill, per symbol ([FillRules]).</summary>
    public IReadOnlyList<SimulatedFillRule> FillRules { get; }

    /// <summary>The contracts' bar series ([Bars]), read from the CSV files it names.</summary>
    public IReadOnlyList<BarSeries> Bars { get; }
}
