namespace IbConfig.Core.Simulator;

/// <summary>The simulator's text files; each names its own error ids (SimulatorDataInvalid, SimulatorScenarioNotFound, ...).</summary>
public enum SimulatorFileKind
{
    Data,
    Scenario,

    /// <summary>A CSV bar series a data file's [Bars] section names.</summary>
    Bars,
}
