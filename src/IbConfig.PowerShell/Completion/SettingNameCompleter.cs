using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell;

/// <summary>Tab completion of setting names (SocketPort, TrustedIps, AllowOnlyLocalhost, ...) for -Name.</summary>
public sealed class SettingNameCompleter : IArgumentCompleter
{
    /// <summary>Every name -Name accepts: the settings of every store, with the profile-only AllowOnlyLocalhost.</summary>
    public static IReadOnlyList<(string Name, string Description)> Names { get; } =
        SettingDefinition.All.Select(d => (d.Name, d.Description))
            .Append((ProfileXmlStore.AllowOnlyLocalhostSetting, "Allow connections from localhost only (the profile XML's allowOnlyLocalhost)."))
            .ToArray();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = WildcardPattern.Get((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return Names
            .Where(d => pattern.IsMatch(d.Name))
            .Select(d => new CompletionResult(d.Name, d.Name, CompletionResultType.ParameterValue, d.Description));
    }
}
