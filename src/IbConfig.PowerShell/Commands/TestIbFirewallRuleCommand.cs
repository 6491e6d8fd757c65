using System;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Firewall;
using IbConfig.Core.Settings;
using IbConfig.Core.Windows;

namespace IbConfig.PowerShell.Commands;

/// <summary>Reports whether Windows Firewall lets remote clients reach the API port, and whether only loopback may.</summary>
[Cmdlet(VerbsDiagnostic.Test, "IbFirewallRule")]
[OutputType(typeof(IbFirewallRuleResult))]
public sealed class TestIbFirewallRuleCommand : IbCmdlet
{
    private System.Collections.Generic.IReadOnlyList<FirewallRule>? _rules;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int[] Port { get; set; } = { 7497, 7496, 4002, 4001 };

    protected override void BeginProcessing()
    {
        if (!WindowsPlatform.IsCurrent)
            ThrowIbError(WindowsPlatform.NotSupported("Windows Defender Firewall",
                "Test-IbPort -Listening shows whether the gateway listens on loopback only; check the host firewall with 'sudo ufw status' or 'sudo nft list ruleset'."));
        try
        {
            WriteVerbose("Reading the inbound rules: netsh " + string.Join(" ", NetshFirewall.ShowInboundRules));
            _rules = new NetshFirewall(Machine.Programs).InboundRules(); // read once for every port in the pipeline
            WriteVerbose($"{_rules.Count} inbound rules.");
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
            if (ConventionalPort.IsLive(port) && result.Status == FirewallExposure.Exposed)
                WriteWarning($"Port {port} is IB's live-trading port and the firewall admits remote addresses to it: {string.Join(", ", result.ExposingRules)}.");
            WriteObject(result);
        }
    }
}
