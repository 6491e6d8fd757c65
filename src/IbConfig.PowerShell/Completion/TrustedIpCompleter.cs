using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.InteropServices;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Stores;
using PowerShellApi = System.Management.Automation.PowerShell;

namespace IbConfig.PowerShell;

/// <summary>
/// Tab completion of the addresses trusted now, read from the stores the command line names (-Path, -Profile,
/// -IbcConfigPath) or this machine's; nothing for Add-IbTrustedIp, which takes new ones.
/// </summary>
public sealed class TrustedIpCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (commandName.StartsWith("Add-", StringComparison.OrdinalIgnoreCase)) return Array.Empty<CompletionResult>();
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        try
        {
            var set = SettingsStoreSet.Open(
                FileSystemPathOf(fakeBoundParameters, "Path") ?? ConfigLocator.ForThisMachine().FindFirstExisting(),
                FileSystemPathOf(fakeBoundParameters, "Profile"), FileSystemPathOf(fakeBoundParameters, "IbcConfigPath"),
                IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows)));
            return set.TrustedIps()
                .Where(ip => ip.IPAddress.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(ip => new CompletionResult(ip.IPAddress, ip.IPAddress, CompletionResultType.ParameterValue, $"{ip.IPAddress} ({ip.Kind}): {string.Join(", ", ip.Sources)}"))
                .ToArray();
        }
        catch (IbConfigException)
        {
            return Array.Empty<CompletionResult>(); // an unreadable store offers nothing to complete; the command itself reports it
        }
    }

    /// <summary>A path typed on the command line as the session resolves it (relative to $PWD, ~, PSDrives).</summary>
    private static string? FileSystemPathOf(IDictionary bound, string name)
    {
        if (bound[name] is not { } value || value.ToString() is not { Length: > 0 } path) return null;
        using var ps = PowerShellApi.Create(RunspaceMode.CurrentRunspace);
        var resolved = ps.AddScript("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)").AddArgument(path).Invoke();
        return ps.HadErrors || resolved.Count == 0 ? null : resolved[0].ToString();
    }
}
