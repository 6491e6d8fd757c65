using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Settings;

public class SettingValueRecordTests
{
    private static SettingValue Value(SettingStore store, string path, string? section, string key, int line, string text, object? typed, string? problem = null) =>
        new("TrustedIps", text, typed, new SettingSource(store, path, section, key, line), problem);

    [Fact]
    public void A_losers_own_losers_are_listed_flat_after_it_while_the_checks_keep_the_direct_ones_whole()
    {
        var guide = Value(SettingStore.JtsIni, "/jts/jts.ini", "IBGateway", "s.TrustedIPs", 3, "127.0.0.1", new[] { "127.0.0.1" });
        var real = Value(SettingStore.JtsIni, "/jts/jts.ini", "IBGateway", "TrustedIPs", 2, "127.0.0.1,10.0.0.5", new[] { "127.0.0.1", "10.0.0.5" }).Overriding(new[] { guide });
        var ibc = Value(SettingStore.Ibc, "/ibc/config.ini", null, "TrustedTwsApiClientIPs", 50, "10.0.0.9", new[] { "127.0.0.1", "10.0.0.9" });

        var resolution = SettingsResolver.Resolve(new[] { real, ibc });

        var effective = Assert.Single(resolution.Effective);
        Assert.Equal(new[] { "JtsIni=127.0.0.1,10.0.0.5 (/jts/jts.ini:2 [IBGateway] TrustedIPs)", "JtsIni=127.0.0.1 (/jts/jts.ini:3 [IBGateway] s.TrustedIPs)" },
            effective.Overridden.Select(r => r.ToString()));
        Assert.Same(real, Assert.Single(effective.OverriddenValues));
        var conflict = Assert.Single(resolution.Conflicts);
        Assert.Equal(new[] { ("Ibc", "127.0.0.1,10.0.0.9", "TrustedTwsApiClientIPs", (int?)50), ("JtsIni", "127.0.0.1,10.0.0.5", "[IBGateway] TrustedIPs", 2) },
            conflict.Values.Select(r => (r.Store, r.Value, r.Location, r.LineNumber)));
        Assert.Same(ibc, conflict.Effective);
        Assert.Equal(new[] { ibc, real }, conflict.ValuesRead);
    }

    [Fact]
    public void A_value_that_does_not_parse_keeps_its_text_and_its_problem()
    {
        var invalid = Value(SettingStore.ProfileXml, "/jts/p/ibg.xml", "ApiSettings", "String", 6, "not-an-address", null, "not an IP address");

        var record = new SettingValueRecord(invalid);

        Assert.Equal(("ProfileXml", "not-an-address", "not an IP address", "ApiSettings/String"), (record.Store, record.Value, record.Problem, record.Location));
        Assert.Equal("/jts/p/ibg.xml", record.Path);
    }
}
