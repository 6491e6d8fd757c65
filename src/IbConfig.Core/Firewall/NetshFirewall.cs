using System;
using System.Collections.Generic;
using IbConfig.Core.Errors;
using IbConfig.Core.Windows;

namespace IbConfig.Core.Firewall;

/// <summary>Reads the inbound firewall rules through netsh.exe (present on every Windows, same output in 5.1 and pwsh).</summary>
public sealed class NetshFirewall
{
    public static readonly string[] ShowInboundRules = { "advfirewall", "firewall", "show", "rule", "name=all", "dir=in", "verbose" };

    private readonly IProgramRunner _runner;

    public NetshFirewall(IProgramRunner runner) => _runner = runner ?? throw new ArgumentNullException(nameof(runner));

    public IReadOnlyList<FirewallRule> InboundRules()
    {
        var result = _runner.Run("netsh.exe", ShowInboundRules, TimeSpan.FromSeconds(60));
        // netsh exits 1 with "No rules match the specified criteria." when there are none.
        if (result.ExitCode != 0 && result.Output.IndexOf("No rules match", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw new IbConfigException("FirewallRulesUnreadable", IbErrorKind.ReadError,
                $"netsh could not list the firewall rules (exit {result.ExitCode}): {(result.Error + " " + result.Output).Trim()}", "netsh");
        }
        return NetshFirewallRuleParser.Parse(result.Output);
    }
}
