using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Merges the values of every store into the effective ones (docs/settings-sources.md): IBC's config.ini wins for an IBC-managed
/// gateway because IBC re-applies it at every start, the profile XML wins over jts.ini because it holds the GUI's real API
/// page, and jts.ini's guide keys count only where nothing else says otherwise. A blank IBC key leaves the others alone,
/// and a value that does not parse never beats a valid one. Disagreements become <see cref="IbSettingConflict"/>s.
/// </summary>
public static class SettingsResolver
{
    public static SettingsResolution Resolve(IEnumerable<SettingValue> values)
    {
        var effective = new List<SettingValue>();
        var conflicts = new List<IbSettingConflict>();
        var candidatesByName = values
            .Where(v => !(v.Source.StoreValue == SettingStore.Ibc && v.Text.Length == 0))
            .GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var group in candidatesByName)
        {
            var ranked = group.OrderByDescending(v => v.IsValid).ThenByDescending(v => Rank(v.Source.StoreValue)).ToList();
            var winner = ranked[0];
            var losers = ranked.Skip(1).ToList();
            effective.Add(losers.Count == 0 ? winner : winner.Overriding(losers));

            var valid = ranked.Where(v => v.IsValid && v.TypedValue is not null).ToList();
            bool disagree = valid.Skip(1).Any(v => v.Source.Store != winner.Source.Store && !SameValue(v.TypedValue!, valid[0].TypedValue!));
            if (disagree && winner.IsValid)
            {
                var shown = valid.Where(v => v == winner || v.Source.Store != winner.Source.Store).ToList();
                conflicts.Add(new IbSettingConflict(winner.Name, winner, shown, Reason(winner)));
            }
        }

        return new SettingsResolution(effective, conflicts);
    }

    /// <summary>
    /// IB keeps one Lock-and-Exit time with an "auto log off" or "auto restart" choice, and IBC sets it at every start from
    /// AutoRestartTime, else AutoLogoffTime (docs/settings-sources.md, AutoRestartTime). So once IBC names one of them, the
    /// other from any store no longer counts: it is returned in <paramref name="cleared"/>.
    /// </summary>
    public static IReadOnlyList<SettingValue> OneLockAndExitTime(IReadOnlyList<SettingValue> effective, out IReadOnlyList<SettingValue> cleared)
    {
        static bool FromIbc(SettingValue? v) => v is { Source.StoreValue: SettingStore.Ibc, Text.Length: > 0 };
        var restart = effective.FirstOrDefault(v => v.Name == SettingDefinition.AutoRestartTime.Name);
        var logoff = effective.FirstOrDefault(v => v.Name == SettingDefinition.AutoLogoffTime.Name);
        SettingValue? loser = FromIbc(restart) ? logoff : FromIbc(logoff) ? restart : null;
        cleared = loser is null ? Array.Empty<SettingValue>() : new[] { loser };
        return loser is null ? effective : effective.Where(v => v != loser).ToList();
    }

    /// <summary>Higher wins: IBC re-applies its values at every start; the profile XML is the GUI's own store.</summary>
    public static int Rank(SettingStore store) => store switch
    {
        SettingStore.Ibc => 3,
        SettingStore.ProfileXml => 2,
        _ => 1,
    };

    /// <summary>Typed comparison: address lists compare as sets, text ignoring case.</summary>
    public static bool SameValue(object a, object b) => (a, b) switch
    {
        (string[] x, string[] y) => new HashSet<string>(x, StringComparer.OrdinalIgnoreCase).SetEquals(y),
        (string x, string y) => string.Equals(x.Trim(), y.Trim(), StringComparison.OrdinalIgnoreCase),
        _ => a.Equals(b),
    };

    private static string Reason(SettingValue winner) => winner.Source.StoreValue switch
    {
        SettingStore.Ibc => "IBC re-applies config.ini at every gateway start, so its value is the one the gateway runs with.",
        SettingStore.ProfileXml => "The profile XML holds the API page the gateway really uses; IB does not read jts.ini's guide keys for the API.",
        _ => "jts.ini holds the only valid value.",
    };
}
