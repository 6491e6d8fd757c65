using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Checks;

/// <summary>
/// The seed guide's <c>s.*</c> keys agree with the store IB really reads (IB's own jts.ini keys, the profile XML, IBC's
/// config.ini). Real IB builds ignore the guide keys for the API, so a disagreement means what the guide shows is not
/// what the gateway does.
/// </summary>
public sealed class GuideKeysAgreeCheck : IbCheck
{
    public override string Id => IbCheckId.GuideKeysAgree;

    public override string Name => "Guide keys agree with the real store";

    public override IbCheckCategory Category => IbCheckCategory.Api;

    public override IEnumerable<IbCheckResult> Evaluate(CheckContext context)
    {
        const string expected = "every s.* key equal to the value IB reads";
        var settings = context.Settings;
        if (settings is null) return new[] { Skip(expected, "No settings file was read.") };
        var disagreements = settings.Values
            .SelectMany(v => v.OverriddenValues.Where(o => Disagrees(v, o) && (IsGuideKey(o) || IsGuideKey(v))).Select(o => (Winner: v, Loser: o)))
            .ToList();
        if (disagreements.Count > 0)
        {
            var first = disagreements[0];
            return new[]
            {
                Fail(expected,
                    string.Join("; ", disagreements.Select(d => $"{d.Loser.Source.Location}={d.Loser.Text} but IB reads {d.Winner.Source.Location}={d.Winner.DisplayValue}")),
                    SourceOf(first.Loser, context),
                    first.Winner.Name == SettingDefinition.TrustedIps.Name
                        ? SettingsFix.TrustedIps(TrustedIpOperation.Replace, settings.TrustedIps)
                        : SettingsFix.Set(SettingDefinition.Find(first.Winner.Name)!, first.Winner.TypedValue!), context),
            };
        }
        var compared = settings.Values.Count(v => v.OverriddenValues.Any(o => IsGuideKey(o) || IsGuideKey(v)));
        if (compared == 0)
        {
            return new[]
            {
                Skip(expected, settings.LayoutValue == JtsIniLayout.Guide
                    ? "Only the guide's keys were read; there is no real store to compare them with."
                    : "No guide key has a counterpart in the real store."),
            };
        }
        return new[] { Pass(expected, $"{compared} setting(s) agree", context.SettingsPath ?? string.Empty) };
    }

    private static bool Disagrees(SettingValue winner, SettingValue other) =>
        winner.Name == SettingDefinition.TrustedIps.Name
            ? !TrustedIpList.Parse(winner.Text).SameAddressesAs(TrustedIpList.Parse(other.Text))
            : !string.Equals(winner.DisplayValue, other.DisplayValue, StringComparison.OrdinalIgnoreCase);
}
