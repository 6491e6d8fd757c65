using System;

namespace IbConfig.Core.Firewall;

/// <summary>One Windows Defender Firewall rule as netsh shows it; address and port fields keep netsh's text ("Any", lists, ranges).</summary>
public sealed class FirewallRule
{
    public string Name { get; init; } = string.Empty;

    public bool Enabled { get; init; }

    /// <summary>"In" or "Out".</summary>
    public string Direction { get; init; } = string.Empty;

    /// <summary>"Allow", "Block" or "Bypass".</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>"TCP", "UDP", "Any", or a protocol number.</summary>
    public string Protocol { get; init; } = "Any";

    public string LocalPort { get; init; } = "Any";

    public string RemoteIP { get; init; } = "Any";

    public string Profiles { get; init; } = string.Empty;

    /// <summary>The program the rule is limited to, or "Any".</summary>
    public string Program { get; init; } = "Any";

    public bool IsInbound => Direction.Equals("In", StringComparison.OrdinalIgnoreCase);

    public bool Allows => Action.Equals("Allow", StringComparison.OrdinalIgnoreCase);

    public bool Blocks => Action.Equals("Block", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name} ({Action} {Protocol} {LocalPort} from {RemoteIP})";
}
