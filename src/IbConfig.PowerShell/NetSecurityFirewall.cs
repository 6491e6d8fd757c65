using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Firewall;
using IbConfig.Core.Windows;

namespace IbConfig.PowerShell;

/// <summary>
/// Reads the inbound firewall rules through Windows' NetSecurity module, whose objects carry the same enum names and
/// keywords in every display language (netsh's text labels are translated). See docs/windows-platform.md.
/// </summary>
public static class NetSecurityFirewall
{
    // One CIM query per filter class, joined on InstanceID (a filter belongs to exactly one rule): piping each rule into
    // Get-NetFirewallPortFilter costs a query per rule, minutes on a machine with hundreds of rules. ActiveStore is the
    // policy in force (local rules plus Group Policy), not only the locally stored rules. Written for Windows PowerShell 5.1 too.
    public const string Script = @"
$ErrorActionPreference = 'Stop'
$store = 'ActiveStore'
$ports = @{}; foreach ($f in @(Get-NetFirewallPortFilter -All -PolicyStore $store -ErrorAction Stop)) { $ports[[string]$f.InstanceID] = $f }
$addresses = @{}; foreach ($f in @(Get-NetFirewallAddressFilter -All -PolicyStore $store -ErrorAction Stop)) { $addresses[[string]$f.InstanceID] = $f }
$programs = @{}; foreach ($f in @(Get-NetFirewallApplicationFilter -All -PolicyStore $store -ErrorAction Stop)) { $programs[[string]$f.InstanceID] = $f }
function Join-Value($filter, $name) { if ($null -eq $filter -or $null -eq $filter.$name -or @($filter.$name).Count -eq 0) { 'Any' } else { @($filter.$name) -join ',' } }
foreach ($rule in @(Get-NetFirewallRule -PolicyStore $store -Direction Inbound -Enabled True -ErrorAction Stop)) {
    $id = [string]$rule.InstanceID
    [pscustomobject]@{
        Id = [string]$rule.Name; DisplayName = [string]$rule.DisplayName; Enabled = [string]$rule.Enabled -eq 'True'
        Direction = [string]$rule.Direction; Action = [string]$rule.Action
        Protocol = Join-Value $ports[$id] 'Protocol'; LocalPort = Join-Value $ports[$id] 'LocalPort'
        RemoteAddress = Join-Value $addresses[$id] 'RemoteAddress'; Program = Join-Value $programs[$id] 'Program'
    }
}
";

    /// <summary>Runs <see cref="Script"/> in the caller's session (so the module's own commands, or a test's mocks, answer).</summary>
    public static IReadOnlyList<FirewallRule> InboundRules(PSCmdlet cmdlet)
    {
        try
        {
            return cmdlet.InvokeCommand.InvokeScript(true, ScriptBlock.Create(Script), null).Where(o => o is not null).Select(ToRule).ToList();
        }
        catch (RuntimeException ex) when (ex is CommandNotFoundException || ex.ErrorRecord?.Exception is CommandNotFoundException)
        {
            if (!WindowsPlatform.IsCurrent)
                throw WindowsPlatform.NotSupported("Windows Defender Firewall",
                    "Test-IbPort -Listening shows whether the gateway listens on loopback only; check the host firewall with 'sudo ufw status' or 'sudo nft list ruleset'.");
            throw FirewallFailure.NetSecurityUnavailable(ex.Message);
        }
        catch (RuntimeException ex)
        {
            throw FirewallFailure.RulesUnreadable(ex.Message);
        }
    }

    private static FirewallRule ToRule(PSObject row)
    {
        string Text(string name, string fallback) => row.Properties[name]?.Value?.ToString() is { Length: > 0 } value ? value : fallback;
        return new FirewallRule
        {
            Id = Text("Id", string.Empty),
            DisplayName = Text("DisplayName", string.Empty),
            Enabled = row.Properties["Enabled"]?.Value is true,
            Direction = Text("Direction", string.Empty),
            Action = Text("Action", string.Empty),
            Protocol = Text("Protocol", "Any"),
            LocalPort = Text("LocalPort", "Any"),
            RemoteAddress = Text("RemoteAddress", "Any"),
            Program = Text("Program", "Any"),
        };
    }
}
