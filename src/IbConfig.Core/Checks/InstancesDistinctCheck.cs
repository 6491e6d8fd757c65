using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Files;
using IbConfig.Core.Text;

namespace IbConfig.Core.Checks;

/// <summary>
/// Several gateways on one machine must not share an API port, a settings folder (each writes its settings back on exit)
/// or an IBC command server port: the second one to start fails or, worse, serves the first one's clients.
/// </summary>
public sealed class InstancesDistinctCheck : IbCheck
{
    public override string Id => IbCheckId.InstancesDistinct;

    public override string Name => "Gateways on this machine do not collide";

    public override IbCheckCategory Category => IbCheckCategory.Instances;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "distinct API ports, settings folders and IBC command server ports";
        var instances = context.Instances;
        if (instances is null || instances.Count == 0) return new[] { Skip(expected, "No gateway set-up was found on this machine.") };
        var portClashes = Clashes(instances, i => i.Port?.ToString(), "API port", StringComparer.Ordinal);
        var clashes = portClashes
            .Concat(Clashes(instances, i => i.SettingsDirectory, "settings folder", FileSystemPath.Comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase))
            .Concat(Clashes(instances, i => i.CommandServerPort is > 0 ? i.CommandServerPort.ToString() : null, "IBC command server port", StringComparer.Ordinal))
            .Select(c => c.Text)
            .ToList();
        var actual = $"{instances.Count} set-up(s): {string.Join("; ", instances)}";
        if (clashes.Count == 0) return new[] { Pass(expected, actual, instances[0].Source) };
        return new[] { Fail(expected, string.Join("; ", clashes), string.Join(", ", instances.Select(i => i.Source).Distinct()), Remedy(instances, portClashes)) };
    }

    private static IReadOnlyList<(GatewayInstance Second, string Text)> Clashes(IReadOnlyList<GatewayInstance> instances, Func<GatewayInstance, string?> value,
        string what, StringComparer comparer) =>
        instances.Select(i => (Instance: i, Value: value(i)))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Value!, comparer)
            .Where(g => g.Count() > 1)
            .Select(g => (g.ElementAt(1).Instance, $"{what} {g.Key} shared by {string.Join(" and ", g.Select(x => x.Instance.Source))}"))
            .ToList();

    // A port clash has an exact fix: move the second set-up to the next port no set-up uses.
    private static string Remedy(IReadOnlyList<GatewayInstance> instances, IReadOnlyList<(GatewayInstance Second, string Text)> portClashes)
    {
        if (portClashes.Count == 0 || !string.Equals(Path.GetFileName(portClashes[0].Second.Source), "jts.ini", StringComparison.OrdinalIgnoreCase))
            return "Give each gateway its own settings folder, API port and CommandServerPort";
        var free = instances.Max(i => i.Port ?? 0) + 1;
        return $"Set-IbApiSetting -Path {CommandLineQuote.PowerShell(portClashes[0].Second.Source)} -SocketPort {free}";
    }
}
