using System;

namespace IbConfig.Core.Firewall;

/// <summary>
/// One Windows Defender Firewall rule joined with its port, address and program filters, as the NetSecurity module
/// reports them (docs/windows-platform.md). Only the language-independent values decide anything: Id, the enum names of
/// Direction and Action, and the filters' keywords ("Any", lists, ranges); DisplayName is localised and only shown.
/// </summary>
public sealed class FirewallRule
{
    /// <summary>The rule's Name (its InstanceID): unique and the same in every display language.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>What Windows Firewall shows, in the display language of the machine.</summary>
    public string DisplayName { get; init; } = string.Empty;

    public bool Enabled { get; init; }

    /// <summary>"Inbound" or "Outbound".</summary>
    public string Direction { get; init; } = string.Empty;

    /// <summary>"Allow", "Block" or "NotConfigured".</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>"TCP", "UDP", "Any", or a protocol number.</summary>
    public string Protocol { get; init; } = "Any";

    /// <summary>Comma-separated ports, ranges ("4000-4010"), keywords ("RPC") or "Any".</summary>
    public string LocalPort { get; init; } = "Any";

    /// <summary>Comma-separated addresses, subnets, ranges, keywords ("LocalSubnet") or "Any".</summary>
    public string RemoteAddress { get; init; } = "Any";

    /// <summary>The program the rule is limited to, or "Any".</summary>
    public string Program { get; init; } = "Any";

    public bool IsInbound => Direction.Equals("Inbound", StringComparison.OrdinalIgnoreCase);

    public bool Allows => Action.Equals("Allow", StringComparison.OrdinalIgnoreCase);

    public bool Blocks => Action.Equals("Block", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{DisplayName} ({Action} {Protocol} {LocalPort} from {RemoteAddress})";
}
