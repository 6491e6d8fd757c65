using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Firewall;

/// <summary>How Windows Firewall treats inbound connections to one API port. Flat, for remoting.</summary>
public sealed class IbFirewallRuleResult
{
    public IbFirewallRuleResult(string computerName, int port, FirewallExposure status, IEnumerable<string> allowRules,
        IEnumerable<string> exposingRules, IEnumerable<string> blockRules, string remedy)
    {
        ComputerName = computerName;
        Port = port;
        StatusValue = status;
        AllowRules = allowRules.ToArray();
        ExposingRules = exposingRules.ToArray();
        BlockRules = blockRules.ToArray();
        Remedy = remedy;
    }

    public string ComputerName { get; }

    public int Port { get; }

    public string Status => StatusValue.ToString();

    internal FirewallExposure StatusValue { get; }

    /// <summary>True when some enabled inbound rule allows the port (from any address).</summary>
    public bool InboundAllowed => AllowRules.Length > 0;

    /// <summary>True when no rule lets a non-loopback address reach the port (the guide's "127.0.0.1 only").</summary>
    public bool LimitedToLoopback => StatusValue is FirewallExposure.NoRule or FirewallExposure.LoopbackOnly or FirewallExposure.Blocked;

    /// <summary>Enabled inbound allow rules that cover the port, as "name (from addresses)".</summary>
    public string[] AllowRules { get; }

    /// <summary>The allow rules that admit addresses other than loopback.</summary>
    public string[] ExposingRules { get; }

    public string[] BlockRules { get; }

    /// <summary>The command that limits an exposing rule to 127.0.0.1; empty when nothing needs fixing.</summary>
    public string Remedy { get; }
}
