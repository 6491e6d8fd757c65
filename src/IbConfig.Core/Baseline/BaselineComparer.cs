using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Baseline;

/// <summary>Compares a gateway's effective settings with a baseline: one <see cref="IbApiDrift"/> per difference, sorted by setting.</summary>
public static class BaselineComparer
{
    public static IReadOnlyList<IbApiDrift> Compare(IbApiBaseline baseline, IbApiSettings actual)
    {
        if (baseline is null) throw new ArgumentNullException(nameof(baseline));
        if (actual is null) throw new ArgumentNullException(nameof(actual));
        var now = IbApiBaseline.From(actual);
        var drifts = new List<IbApiDrift>();
        drifts.AddRange(CompareValues(baseline.Settings, now.Settings, actual));
        drifts.AddRange(CompareValues(baseline.RestartPlan, now.RestartPlan, actual));
        var trusted = actual.Get(SettingDefinition.TrustedIps.Name);
        foreach (var ip in baseline.TrustedIps.Except(now.TrustedIps, StringComparer.OrdinalIgnoreCase))
            drifts.Add(Drift(SettingDefinition.TrustedIps.Name, ip, string.Empty, IbApiDriftKind.Missing, trusted, actual));
        foreach (var ip in now.TrustedIps.Except(baseline.TrustedIps, StringComparer.OrdinalIgnoreCase))
            drifts.Add(Drift(SettingDefinition.TrustedIps.Name, string.Empty, ip, IbApiDriftKind.Added, trusted, actual));
        return drifts
            .OrderBy(d => d.Setting, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Expected + d.Actual, StringComparer.OrdinalIgnoreCase)
            .Select(d => new IbApiDrift(d.Setting, d.Expected, d.Actual, d.KindValue, d.Store, d.File, d.Line) { Baseline = baseline.BaselinePath ?? string.Empty })
            .ToList();
    }

    // Values compare without regard to case: IB and IBC write true/True/yes-style words in either case.
    private static IEnumerable<IbApiDrift> CompareValues(IDictionary<string, string> expected, IDictionary<string, string> now, IbApiSettings actual)
    {
        foreach (var pair in expected)
        {
            if (!now.TryGetValue(pair.Key, out var value)) yield return Drift(pair.Key, pair.Value, string.Empty, IbApiDriftKind.Missing, null, actual);
            else if (!string.Equals(value, pair.Value, StringComparison.OrdinalIgnoreCase))
                yield return Drift(pair.Key, pair.Value, value, IbApiDriftKind.Changed, actual.Get(pair.Key), actual);
        }
        foreach (var pair in now.Where(p => !expected.ContainsKey(p.Key)))
            yield return Drift(pair.Key, string.Empty, pair.Value, IbApiDriftKind.Added, actual.Get(pair.Key), actual);
    }

    private static IbApiDrift Drift(string setting, string expected, string actualText, IbApiDriftKind kind, SettingValue? value, IbApiSettings actual) =>
        new(setting, expected, actualText, kind, value?.Source.Store.ToString() ?? string.Empty, value?.Source.Path ?? actual.Path ?? string.Empty,
            value?.Source.LineNumber);
}
