using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IbConfig.Core.Simulator;

namespace IbConfig.PowerShell;

/// <summary>Tab completion of the ids of the simulators running in this session, each with its port, for -Id.</summary>
public sealed class SimulatorIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return SimulatorRegistry.Shared.List()
            .Select(s => (Id: s.Id.ToString(CultureInfo.InvariantCulture), Info: s))
            .Where(s => s.Id.StartsWith(typed, System.StringComparison.Ordinal))
            .Select(s => new CompletionResult(s.Id, $"{s.Id} (port {s.Info.Port}, {s.Info.Status})", CompletionResultType.ParameterValue, $"Simulator {s.Id} on port {s.Info.Port}"));
    }
}
