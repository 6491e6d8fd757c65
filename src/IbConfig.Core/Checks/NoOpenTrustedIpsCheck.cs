using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// No trusted entry opens the API to everyone: 0.0.0.0 or :: trusts every client that reaches the port, and a public
/// address trusts whoever is there (the guide: "Only add IPs you control"). Local-network addresses are fine.
/// </summary>
public sealed class NoOpenTrustedIpsCheck : IbCheck
{
    public override string Id => IbCheckId.NoOpenTrustedIps;

    public override string Name => "No 0.0.0.0 or public trusted IPs";

    public override IbCheckCategory Category => IbCheckCategory.Security;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "only loopback and local-network addresses";
        var value = context.Settings?.Get(SettingDefinition.TrustedIps.Name);
        if (context.Settings is null || value is null) return new[] { Skip(expected, "No trusted IPs are set.") };
        // Every store the gateway may read counts, not only the one that wins (docs/settings-sources.md, TrustedIps).
        var granted = value.OverriddenValues.Prepend(value).Where(v => v.TypedValue is string[]).SelectMany(v => TrustedIpList.Parse(v.Text).Addresses).ToList();
        var open = granted.Where(a => a.NeedsForce).GroupBy(a => a.Address).Select(g => g.First()).ToList();
        var actual = string.Join(",", granted.Select(a => a.Address).Distinct());
        if (actual.Length == 0) actual = "(empty)";
        if (open.Count == 0) return new[] { Pass(expected, actual, SourceOf(value, context)) };
        return new[]
        {
            Fail(expected, $"{actual}: {string.Join(", ", open.Select(a => a.Address + (a.Kind == TrustedIpKind.Unspecified ? " (any address)" : " (public)")))}",
                SourceOf(value, context), SettingsFix.TrustedIps(TrustedIpOperation.Remove, open.Select(a => a.Address)), context),
        };
    }
}
