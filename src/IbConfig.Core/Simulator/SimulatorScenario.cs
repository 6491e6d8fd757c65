using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>What a scenario file plays on a simulator (<see cref="SimulatorScenarioFile"/>): its faults, in file order.</summary>
public sealed class SimulatorScenario
{
    public SimulatorScenario(IReadOnlyList<SimulatorFault> faults)
    {
        Faults = faults;
    }

    public IReadOnlyList<SimulatorFault> Faults { get; }
}
