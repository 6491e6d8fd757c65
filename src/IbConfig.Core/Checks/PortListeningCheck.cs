using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Network;

namespace IbConfig.Core.Checks;

/// <summary>The guide's "netstat -an | findstr 7497": something listens on the API port on this machine.</summary>
public sealed class PortListeningCheck : IbCheck
{
    public override string Id => IbCheckId.PortListening;

    public override string Name => "API port is listening";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        var expected = $"a listener on {context.Port?.ToString() ?? "the API port"}";
        if (!context.TargetIsLocal) return new[] { Skip(expected, $"The gateway is on {context.Request.ComputerName}; only local listeners can be listed.") };
        if (context.Port is null || context.Listeners is null) return new[] { Skip(expected, "No API port is known: pass -Port or -Path.") };
        var listeners = context.Listeners;
        if (listeners.Any(l => l.ScopeValue == ListenerScope.NotListening))
        {
            return new[]
            {
                Fail(expected, $"Nothing listens on {context.Port}", "live",
                    "Start IB Gateway/TWS and log in; check Get-IbApiSetting ApiEnabled, SocketPort"),
            };
        }
        if (listeners.All(l => l.ScopeValue == ListenerScope.Unknown))
            return new[] { Warn(expected, "Cannot tell: " + listeners[0].Note, "live", $"Test-IbPort -Port {context.Port}") };
        return new[] { Pass(expected, string.Join(", ", listeners.Where(l => l.LocalAddress is not null).Select(Describe)), "live") };
    }

    internal static string Describe(IbPortListener listener) =>
        $"{listener.LocalAddress}:{listener.Port}" + (listener.ProcessName is null ? string.Empty : $" ({listener.ProcessName}, pid {listener.ProcessId})");
}
