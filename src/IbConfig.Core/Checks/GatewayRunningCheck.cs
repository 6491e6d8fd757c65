using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IbConfig.Core.Checks;

/// <summary>The guide's "Check if IB Gateway running": an IB Gateway or TWS process runs here, preferably the one using the checked settings.</summary>
public sealed class GatewayRunningCheck : IbCheck
{
    public override string Id => IbCheckId.GatewayRunning;

    public override string Name => "IB Gateway / TWS running";

    public override IbCheckCategory Category => IbCheckCategory.Live;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "a running IB Gateway or TWS";
        if (!context.TargetIsLocal) return new[] { Skip(expected, $"The gateway is on {context.Request.ComputerName}; only local processes can be listed.") };
        if (context.Processes is null) return new[] { Skip(expected, "The process list was not read.") };
        if (context.Processes.Count == 0 && context.Connection is { Success: true } connection)
        {
            // Something answers the API without an IB process here: a socat relay (the Docker images), a gateway in a
            // container or VM, or the IbConfig simulator. The API works, but this machine cannot vouch for the gateway.
            return new[]
            {
                Warn(expected, $"No IB Gateway or TWS process runs here, yet the API on port {connection.Port} answers{ServedBy(context)}", "live",
                    "Get-IbGatewayProcess; Test-IbPort -Listening shows what serves the port (a relay, a container or a simulator)"),
            };
        }
        if (context.Processes.Count == 0)
            return new[] { Fail(expected, "No IB Gateway or TWS process runs", "live", "Start IB Gateway (or IBC's gateway start script) and log in") };
        var folder = context.SettingsPath is { } path ? Path.GetDirectoryName(path) : null;
        var ours = folder is null ? context.Processes : context.Processes.Where(p => p.MayUse(folder)).ToList();
        if (ours.Count == 0)
        {
            return new[]
            {
                Warn(expected, $"{string.Join(", ", context.Processes.Select(Describe))} run, but none uses {folder}", "live",
                    "Get-IbGatewayProcess"),
            };
        }
        return new[] { Pass(expected, string.Join(", ", ours.Select(Describe)), "live") };
    }

    private static string ServedBy(CheckContext context) =>
        context.Listeners?.FirstOrDefault(l => l.ProcessName is not null) is { } listener
            ? $" (served by {listener.ProcessName}, pid {listener.ProcessId})"
            : string.Empty;

    private static string Describe(Processes.GatewayProcessInfo process) =>
        process + (process.SettingsDirectory is { } dir ? " using " + dir : string.Empty);
}
