using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class SettingsStoreSetTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private SettingsStoreSet Open(string? profile = null, bool withIbc = true) =>
        SettingsStoreSet.Open(_fixture.JtsIni, profile, withIbc ? _fixture.IbcConfig : null, Array.Empty<string>());

    [Fact]
    public void Finds_the_profile_jts_ini_names_and_reads_all_three_stores()
    {
        var set = Open();

        Assert.Equal(_fixture.GatewayProfileXml, set.Profile!.Path);
        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml, SettingStore.Ibc }, set.Stores.Select(s => s.Kind));
    }

    [Fact]
    public void The_effective_value_comes_from_ibc_then_the_profile_then_jts_ini()
    {
        var effective = Open().Effective();

        Assert.Equal("Effective", effective.View);
        Assert.Equal(4002, effective.SocketPort);
        var port = effective.Get("SocketPort")!;
        Assert.Equal(SettingStore.Ibc, port.Source.StoreValue);
        Assert.Equal("OverrideTwsApiPort", port.Source.Key);
        Assert.Equal(32, port.Source.LineNumber);
        Assert.Equal(new[] { SettingStore.ProfileXml, SettingStore.JtsIni }, port.OverriddenValues.Select(o => o.Source.StoreValue));
        Assert.Equal(new[] { "ProfileXml=4002", "JtsIni=7497" }, port.Overridden.Select(o => o.Store + "=" + o.Value));
        Assert.Equal(new[] { _fixture.GatewayProfileXml, _fixture.JtsIni }, port.Overridden.Select(o => o.Path));

        Assert.Equal(-1, effective.MasterClientId); // IBC's blank OverrideTwsMasterClientID leaves the profile's
        Assert.Equal(SettingStore.ProfileXml, effective.Get("MasterClientId")!.Source.StoreValue);
        // IB keeps one Lock-and-Exit time: IBC's AutoRestartTime replaces the profile's auto-logoff at every start.
        Assert.Null(effective.AutoLogoffTime);
        Assert.Equal(new TimeSpan(23, 55, 0), effective.AutoRestartTimeValue);
        Assert.Contains(effective.Warnings, w => w.Code == "IbcClearsLockAndExitTime" && w.Setting == "AutoLogoffTime");
        Assert.Equal(true, effective.BypassOrderPrecautions);
        Assert.Equal(true, effective.AllowOnlyLocalhost);
        Assert.Equal(true, effective.DownloadOpenOrders);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5", "10.0.0.7" }, effective.TrustedIps);
        Assert.Null(effective.Get("AcceptBidAskLastSizeDisplayUpdateNotification")); // not an API key IbConfig models
        Assert.Equal("reject", effective.Get(IbcKeys.AcceptIncomingConnectionAction)!.Text);
        Assert.Equal(7462, effective.Get(IbcKeys.CommandServerPort)!.Value);
        Assert.Equal(_fixture.JtsIni, effective.Path);
        Assert.Equal(_fixture.GatewayProfileXml, effective.ProfilePath);
        Assert.Equal(_fixture.IbcConfig, effective.IbcConfigPath);
    }

    [Fact]
    public void Ibcs_auto_logoff_alone_clears_the_restart_time_of_the_other_stores()
    {
        File.WriteAllText(_fixture.IbcConfig, File.ReadAllText(_fixture.IbcConfig).Replace("AutoRestartTime=11:55 PM", "AutoRestartTime=").Replace("AutoLogoffTime=\n", "AutoLogoffTime=11:00 PM\n"));

        var effective = Open().Effective();

        Assert.Equal(new TimeSpan(23, 0, 0), effective.AutoLogoffTimeValue);
        Assert.Null(effective.AutoRestartTime); // jts.ini's s.AutoRestartTime=23:55:00 no longer counts
        Assert.Contains(effective.Warnings, w => w.Code == "IbcClearsLockAndExitTime" && w.Setting == "AutoRestartTime");
    }

    [Fact]
    public void Disagreements_between_stores_are_conflicts_with_every_value_and_a_reason()
    {
        var conflicts = Open().Effective().Conflicts.ToDictionary(c => c.Setting);

        Assert.Equal(new[] { "AutoLogoffTime", "BypassOrderPrecautions", "MasterClientId", "SocketPort", "TrustedIps" }, conflicts.Keys.OrderBy(k => k));
        var port = conflicts["SocketPort"];
        Assert.Equal("4002", port.EffectiveValue);
        Assert.Equal(SettingStore.Ibc, port.EffectiveStoreValue);
        Assert.Equal(new[] { "Ibc=4002", "ProfileXml=4002", "JtsIni=7497" }, port.Values.Select(v => v.Store + "=" + v.Value));
        Assert.Contains("IBC re-applies config.ini", port.Reason);
        Assert.Equal("[IBGateway] s.SocketPort", port.Values[2].Location);
        Assert.Equal("ApiSettings/@port", port.Values[1].Location);
        Assert.Equal($"JtsIni=7497 ({_fixture.JtsIni}:{port.Values[2].LineNumber} [IBGateway] s.SocketPort)", port.Values[2].ToString());
        Assert.Contains("IB does not read jts.ini's guide keys", conflicts["AutoLogoffTime"].Reason);
    }

    [Fact]
    public void Stores_that_agree_are_no_conflict()
    {
        var conflicts = Open().Effective().Conflicts.Select(c => c.Setting).ToArray();

        Assert.DoesNotContain("ReadOnlyApi", conflicts);       // false, false, no
        Assert.DoesNotContain("AutoRestartTime", conflicts);   // 23:55:00 and 11:55 PM
        Assert.DoesNotContain("TradingMode", conflicts);       // p and paper
    }

    [Fact]
    public void Without_ibc_the_profile_wins_over_the_guide_keys()
    {
        var effective = Open(withIbc: false).Effective();

        Assert.Equal(4002, effective.SocketPort);
        Assert.Equal(SettingStore.ProfileXml, effective.Get("SocketPort")!.Source.StoreValue);
        Assert.Equal(false, effective.BypassOrderPrecautions);
        Assert.Null(effective.IbcConfigPath);
    }

    [Fact]
    public void Each_store_has_its_own_view()
    {
        var set = Open();

        Assert.Equal(7497, set.View(SettingStore.JtsIni).SocketPort);
        var profile = set.View(SettingStore.ProfileXml);
        Assert.Equal("ProfileXml", profile.View);
        Assert.Equal(4002, profile.SocketPort);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5" }, profile.TrustedIps);
        var ibc = set.View(SettingStore.Ibc);
        Assert.Equal("Ibc", ibc.View);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5", "10.0.0.7" }, ibc.TrustedIps);
        Assert.Equal(string.Empty, ibc.Get("MasterClientId")!.Text); // blank: leave the gateway's value
        Assert.Null(ibc.MasterClientId);
    }

    [Fact]
    public void A_named_tws_profile_is_used_instead()
    {
        var effective = Open(profile: Path.GetDirectoryName(_fixture.TwsProfileXml), withIbc: false).Effective();

        Assert.Equal(_fixture.TwsProfileXml, effective.ProfilePath);
        Assert.Equal(7497, effective.SocketPort);
        Assert.Equal(true, effective.ReadOnlyApi);
        Assert.Contains(effective.Conflicts, c => c.Setting == "ReadOnlyApi");
    }

    [Fact]
    public void An_encrypted_profile_is_a_warning_and_contributes_nothing()
    {
        var set = Open(profile: _fixture.EncryptedProfileXml, withIbc: false);
        var effective = set.Effective();

        Assert.Contains(effective.Warnings, w => w.Code == "ProfileXmlUnreadable" && w.Message.Contains("encrypted by this IB build"));
        Assert.Equal(7497, effective.SocketPort);
        Assert.Equal(SettingStore.JtsIni, effective.Get("SocketPort")!.Source.StoreValue);
        Assert.Equal("ProfileXmlEncrypted", Assert.Throws<IbConfigException>(() =>
            set.Profile!.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "4002") }, false)).ErrorId);
    }

    [Fact]
    public void Names_that_do_not_exist_are_clear_errors()
    {
        Assert.Equal("ProfileNotFound", Assert.Throws<IbConfigException>(() => SettingsStoreSet.Open(_fixture.JtsIni, Path.Combine(_fixture.Root, "nope"), null, Array.Empty<string>())).ErrorId);
        Assert.Equal("IbcConfigNotFound", Assert.Throws<IbConfigException>(() => SettingsStoreSet.Open(_fixture.JtsIni, null, Path.Combine(_fixture.Root, "nope.ini"), Array.Empty<string>())).ErrorId);
    }

    [Fact]
    public void Ibc_is_found_in_its_usual_places_when_not_named()
    {
        var set = SettingsStoreSet.Open(_fixture.JtsIni, null, null, new[] { Path.Combine(_fixture.Root, "missing.ini"), _fixture.IbcConfig });

        Assert.Equal(_fixture.IbcConfig, set.Ibc!.Path);
    }

    [Fact]
    public void A_write_goes_by_default_to_every_store_that_decides_the_setting()
    {
        var set = Open();

        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml, SettingStore.Ibc }, set.Targets(StoreTargets.WhereRead, new[] { "SocketPort" }).Select(s => s.Kind));
        // IBC's OverrideTwsMasterClientID is blank, so IBC does not decide it.
        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml }, set.Targets(StoreTargets.WhereRead, new[] { "MasterClientId" }).Select(s => s.Kind));
        Assert.Equal(new[] { SettingStore.ProfileXml }, set.Targets(StoreTargets.WhereRead, new[] { "AllowOnlyLocalhost" }).Select(s => s.Kind));
        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml, SettingStore.Ibc }, set.Targets(StoreTargets.All, new[] { "MasterClientId" }).Select(s => s.Kind));
        Assert.Equal(new[] { SettingStore.Ibc }, set.Targets(StoreTargets.Of(SettingStore.Ibc), new[] { "SocketPort" }).Select(s => s.Kind));
    }

    [Fact]
    public void A_named_target_that_does_not_exist_is_an_error()
    {
        var set = Open(withIbc: false);

        Assert.Equal("StoreNotFound", Assert.Throws<IbConfigException>(() => set.Targets(StoreTargets.Of(SettingStore.Ibc), new[] { "SocketPort" })).ErrorId);
    }

    [Fact]
    public void Planning_and_applying_a_port_change_edits_each_store_in_its_own_form()
    {
        var set = Open();
        var requests = new[] { new SettingRequest(SettingDefinition.SocketPort, "4012"), new SettingRequest(SettingDefinition.ReadOnlyApi, "true") };
        byte[] profileBefore = File.ReadAllBytes(_fixture.GatewayProfileXml);
        byte[] ibcBefore = File.ReadAllBytes(_fixture.IbcConfig);

        foreach (var store in new ISettingsStore[] { set.Profile!, set.Ibc! })
        {
            var plan = store.Plan(requests, allowLivePort: false);
            Assert.True(plan.CanApply);
            store.Apply(plan);
        }

        Assert.Equal(Encoding.UTF8.GetString(profileBefore).Replace("port=\"4002\"", "port=\"4012\"").Replace("readOnlyApi=\"false\"", "readOnlyApi=\"true\""), Encoding.UTF8.GetString(set.Profile!.ToBytes()));
        Assert.Equal(Encoding.UTF8.GetString(ibcBefore).Replace("OverrideTwsApiPort=4002", "OverrideTwsApiPort=4012").Replace("ReadOnlyApi=no", "ReadOnlyApi=yes"), Encoding.UTF8.GetString(set.Ibc!.ToBytes()));
    }

    [Fact]
    public void A_plan_names_each_change_in_the_stores_terms()
    {
        var set = Open();
        var requests = new[] { new SettingRequest(SettingDefinition.AutoRestartTime, "23:45"), new SettingRequest(SettingDefinition.AutoLogoffTime, "23:40") };

        var ibc = set.Ibc!.Plan(requests, false);
        var profile = set.Profile!.Plan(requests, false);

        Assert.Equal(new[] { "AutoRestartTime: 11:55 PM -> 11:45 PM (line 46)", "AutoLogoffTime: (blank) -> 11:40 PM (line 45)" }, ibc.Changes.Select(c => c.ToString()));
        Assert.Equal(new[] { "SystemSettings/@autoLogoffTime: 11:59,PM -> 11:40,PM (line 3)" }, profile.Changes.Select(c => c.ToString()));
        Assert.Contains(profile.Notes, n => n.Contains("AutoRestartTime is not kept in the profile XML"));
    }

    [Fact]
    public void Every_store_refuses_the_same_bad_requests()
    {
        var set = Open();
        foreach (var store in set.Stores)
        {
            var live = store.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "4001") }, allowLivePort: false);
            Assert.Equal("LivePortRefused", Assert.Single(live.Errors).ErrorId);
            Assert.Empty(live.Changes);
            var bad = store.Plan(new[] { new SettingRequest(SettingDefinition.SocketPort, "70000") }, allowLivePort: false);
            Assert.Equal("SettingValueInvalid", Assert.Single(bad.Errors).ErrorId);
            var times = store.Plan(new[] { new SettingRequest(SettingDefinition.AutoLogoffTime, "23:58") }, allowLivePort: false);
            if (store.Kind != SettingStore.ProfileXml) Assert.Equal("AutoLogoffNotBeforeRestart", Assert.Single(times.Errors).ErrorId); // the profile holds no restart time
        }
    }

    [Fact]
    public void Trusted_ip_edits_reach_the_profile_and_ibc_lists()
    {
        var set = Open();
        var current = TrustedIpList.Parse(string.Join(",", set.Effective().TrustedIps));
        var edit = TrustedIpEdit.Create(TrustedIpOperation.Add, current, new[] { "192.168.1.50" }, force: false);

        foreach (var store in new ISettingsStore[] { set.Profile!, set.Ibc! }) store.Apply(store.PlanTrustedIps(edit));

        Assert.Equal(new[] { "127.0.0.1", "10.0.0.5", "192.168.1.50" }, set.Profile!.Document.TrustedAddresses.Select(a => a.Value));
        Assert.Contains("        <String>10.0.0.5</String>\r\n        <String>192.168.1.50</String>\r\n    </ApiSettings>", Encoding.UTF8.GetString(set.Profile.ToBytes()));
        Assert.Equal("10.0.0.5,10.0.0.7,192.168.1.50", set.Ibc!.Config.Get(IbcKeys.TrustedTwsApiClientIPs)!.Value);
    }

    [Fact]
    public void Ibc_setting_both_restart_and_logoff_is_a_warning()
    {
        var set = Open();
        set.Ibc!.Config.Set(IbcKeys.AutoLogoffTime, "11:50 PM");

        Assert.Contains(set.Effective().Warnings, w => w.Code == "IbcRestartOverridesLogoff");
    }
}
