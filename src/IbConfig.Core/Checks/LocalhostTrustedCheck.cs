using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>The guide's "Trusted IP: 127.0.0.1": a bot on this machine connects without a prompt.</summary>
public sealed class LocalhostTrustedCheck : IbCheck
{
    public override string Id => IbCheckId.LocalhostTrusted;

    public override string Name => "127.0.0.1 is a trusted IP";

    public override IbCheckCategory Category => IbCheckCategory.Security;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "127.0.0.1 in Trusted IPs";
        var fix = SettingsFix.TrustedIps(TrustedIpOperation.Add, new[] { TrustedIpAddress.Loopback.Address });
        var settings = context.Settings;
        var value = settings?.Get(SettingDefinition.TrustedIps.Name);
        if (settings is null || value is null) return new[] { NotSet(context, expected, "TrustedIPs", fix) };
        var actual = settings.TrustedIps.Length == 0 ? "(empty)" : string.Join(",", settings.TrustedIps);
        return new[]
        {
            settings.TrustedIps.Contains(TrustedIpAddress.Loopback.Address)
                ? Pass(expected, actual, SourceOf(value, context))
                : Fail(expected, actual, SourceOf(value, context), fix, context),
        };
    }
}
