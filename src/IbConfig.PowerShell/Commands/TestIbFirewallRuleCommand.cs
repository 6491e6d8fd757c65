using System;
using System.Collections.Generic;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Firewall;
using IbConfig.Core.Settings;

namespace IbConfig.PowerShell.Commands;

/// <summary>Reports whether Windows Firewall lets remote clients reach the API port, and whether only loopback may.</summary>
[Cmdlet(VerbsDiagnostic.Test, "IbFirewallRule")]
[OutputType(typeof(IbFirewallRuleResult))]
public sealed class TestIbFirewallRuleCommand : IbCmdlet
{
    private IReadOnlyList<FirewallRule>? _rules;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int[] Port { get; set; } = { 7497, 7496, 4002, 4001 };

    protected override void BeginProcessing()
    {
        try
        {
            WriteVerbose("Reading the enabled inbound rules of the active policy: Get-NetFirewallRule with its port, address and application filters.");
            _rules = NetSecurityFirewall.InboundRules(this); // read once for every port in the pipeline
            WriteVerbose($"{_rules.Count} enabled inbound rules.");
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var port in Port)
        {
            var result = FirewallAssessment.Assess(_rules!, port, Environment.MachineName);
            if (ConventionalPort.IsLive(port) && result.StatusValue == FirewallExposure.Exposed)
                WriteWarning($"Port {port} is IB's live-trading port and the firewall admits remote addresses to it: {string.Join(", ", result.ExposingRules)}.");
            WriteObject(result);
        }
    }
}
