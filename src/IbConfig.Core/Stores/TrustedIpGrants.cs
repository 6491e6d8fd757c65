using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>
/// Which addresses a gateway trusts, now and after IBC's next start (docs/trusted-ips.md): every key of every store the
/// gateway may read grants its addresses (the security-conservative reading where it is not known which one IB reads);
/// where IBC manages an IB Gateway, its next start replaces jts.ini's <c>[IBGateway] TrustedIPs</c> with 127.0.0.1 and
/// IBC's list, so that key grants only until then and IBC's list grants from then on.
/// </summary>
internal static class TrustedIpGrants
{
    // IBC rewrites exactly this key and always puts 127.0.0.1 first (docs/trusted-ips.md, "What IBC does").
    private static readonly JtsIniKey RewrittenByIbc = SettingDefinition.TrustedIps.Keys.First(k => k.LayoutValue == JtsIniLayout.Real);

    public static IReadOnlyList<IbTrustedIp> Of(SettingsStoreSet set, SettingStore? only)
    {
        bool ibcManages = set.IbcManagesTrustedIps;
        var grants = new List<Grant>();
        var values = set.Stores.SelectMany(s => s.Read())
            .Where(v => string.Equals(v.Name, SettingDefinition.TrustedIps.Name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(v => v.OverriddenValues.Prepend(v));
        foreach (var value in values)
        {
            var source = value.Source!;
            if (source.StoreValue == SettingStore.Ibc)
            {
                if (!ibcManages) continue; // IBC leaves TWS's list alone
                grants.Add(new Grant(source.StoreValue, Label(source), value.TypedValue as string[] ?? new[] { TrustedIpAddress.Loopback.Address }, now: false, afterIbcStart: true));
                continue;
            }

            if (value.TypedValue is not string[] addresses) continue;
            bool rewritten = ibcManages && source.StoreValue == SettingStore.JtsIni && IsKey(source, RewrittenByIbc);
            grants.Add(new Grant(source.StoreValue, Label(source), addresses, now: true, afterIbcStart: !rewritten));
        }

        if (ibcManages && !grants.Any(g => g.Store == SettingStore.Ibc))
            grants.Add(new Grant(SettingStore.Ibc, $"{FileName(set.Ibc!.Path)} (IBC always adds 127.0.0.1)", new[] { TrustedIpAddress.Loopback.Address }, now: false, afterIbcStart: true));

        var shown = grants.Where(g => only is null || g.Store == only).ToList();
        return shown.SelectMany(g => g.Addresses).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(address =>
            {
                var granting = shown.Where(g => g.Addresses.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
                bool now = granting.Any(g => g.Now), after = granting.Any(g => g.AfterIbcStart);
                var state = !now ? TrustedIpState.FromIbcStart : after ? TrustedIpState.Trusted : TrustedIpState.UntilIbcStart;
                return new IbTrustedIp(address, TrustedIpAddress.Parse(address).Kind, state, granting.Select(g => g.Store),
                    granting.Select(g => g.Label).Distinct(), set.JtsIni?.Settings.Path, set.Profile?.Path, set.Ibc?.Path);
            })
            .ToArray();
    }

    private static bool IsKey(SettingSource source, JtsIniKey key) =>
        string.Equals(source.Section, key.Section, StringComparison.OrdinalIgnoreCase) && string.Equals(source.Key, key.Key, StringComparison.OrdinalIgnoreCase);

    private static string Label(SettingSource source) => $"{FileName(source.Path)} {source.Location} (line {source.LineNumber})";

    private static string FileName(string? path) => System.IO.Path.GetFileName(path) ?? string.Empty;

    private sealed class Grant
    {
        public Grant(SettingStore store, string label, string[] addresses, bool now, bool afterIbcStart)
        {
            Store = store;
            Label = label;
            Addresses = addresses;
            Now = now;
            AfterIbcStart = afterIbcStart;
        }

        public SettingStore Store { get; }

        public string Label { get; }

        public string[] Addresses { get; }

        public bool Now { get; }

        public bool AfterIbcStart { get; }
    }
}
