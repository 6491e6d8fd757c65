using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using IbConfig.Core.Network;

namespace IbConfig.Core.Checks;

/// <summary>
/// The guide's expected "TCP 127.0.0.1:7497 LISTENING": other machines cannot reach the API. A gateway bound to every
/// interface passes only when "Allow connections from localhost only" turns remote clients away.
/// </summary>
public sealed class PortLoopbackOnlyCheck : IbCheck
{
    public override string Id => IbCheckId.PortLoopbackOnly;

    public override string Name => "API port reachable from this machine only";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "listening on 127.0.0.1/::1, or localhost-only on";
        if (!context.TargetIsLocal) return new[] { Skip(expected, $"The gateway is on {context.Request.ComputerName}; only local listeners can be listed.") };
        var listening = context.Listeners?.Where(l => l.LocalAddress is not null).ToList();
        if (listening is null || listening.Count == 0) return new[] { Skip(expected, "Nothing listens (see PortListening).") };
        var actual = string.Join(", ", listening.Select(PortListeningCheck.Describe));
        if (listening.All(l => l.ScopeValue == ListenerScope.LoopbackOnly)) return new[] { Pass(expected, actual, "live") };
        if (context.Settings?.AllowOnlyLocalhost == true)
            return new[] { Pass(expected, actual + "; 'Allow connections from localhost only' is on", "live") };
        var open = listening.Where(l => l.ScopeValue == ListenerScope.AllInterfaces).ToList();
        if (open.Count == 0) return new[] { Pass(expected, actual + " (one local address, not every interface)", "live") };
        return new[]
        {
            Warn(expected, actual + ": every network this machine is on can connect, as far as the firewall and Trusted IPs allow",
                "live", RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? $"Test-IbFirewallRule -Port {context.Port}" : "Tick 'Allow connections from localhost only' (API > Settings), or firewall the port"),
        };
    }
}
