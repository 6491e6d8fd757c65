namespace IbConfig.Core.Simulator;

/// <summary>The simulator's text files; each names its own error ids (SimulatorDataInvalid, SimulatorScenarioNotFound, ...).</summary>
public enum SimulatorFileKind
{
    Data,
    Scenario,
}
