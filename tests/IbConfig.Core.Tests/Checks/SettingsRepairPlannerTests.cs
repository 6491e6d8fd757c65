using IbConfig.Core.Checks;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;
using IbConfig.Core.Tests.Stores;

namespace IbConfig.Core.Tests.Checks;

public sealed class SettingsRepairPlannerTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private SettingsStoreSet Open() => SettingsStoreSet.Open(_fixture.JtsIni, null, _fixture.IbcConfig, Array.Empty<string>());

    private static IbCheckResult Failing(string id, SettingsFix fix) =>
        new(id, id, IbCheckCategory.Api, IbCheckStatus.Fail, "", "", "", "remedy", fix);

    [Fact]
    public void A_fix_goes_to_every_store_that_decides_the_setting()
    {
        var stores = Open();
        var planner = new SettingsRepairPlanner(stores);

        var step = planner.Plan(Failing("SocketPort", SettingsFix.Set(SettingDefinition.SocketPort, 4012)));

        Assert.True(step.HasChanges);
        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml, SettingStore.Ibc }, step.Plan.Changes.Select(e => e.Kind));
        Assert.Contains("OverrideTwsApiPort: 4002 -> 4012", step.Describe());
    }

    [Fact]
    public void Fixes_are_planned_on_top_of_the_ones_applied_before_and_each_store_is_listed_once()
    {
        var stores = Open();
        var planner = new SettingsRepairPlanner(stores);
        planner.Apply(planner.Plan(Failing("SocketPort", SettingsFix.Set(SettingDefinition.SocketPort, 4012))));
        planner.Apply(planner.Plan(Failing("ReadOnlyApi", SettingsFix.Set(SettingDefinition.ReadOnlyApi, true))));

        var again = planner.Plan(Failing("PortAgreesAcrossStores", SettingsFix.Set(SettingDefinition.SocketPort, 4012)));

        Assert.False(again.HasChanges);
        Assert.Equal(3, planner.Changed.Count);
        Assert.Equal(4012, stores.Effective().SocketPort);
        Assert.Equal(true, stores.Effective().ReadOnlyApi);
    }

    [Fact]
    public void A_step_that_is_not_applied_changes_nothing()
    {
        var stores = Open();
        var before = stores.Stores.Select(s => s.ToBytes()).ToList();
        var planner = new SettingsRepairPlanner(stores);

        var step = planner.Plan(Failing("ApiEnabled", SettingsFix.Set(SettingDefinition.ApiEnabled, false)));

        Assert.True(step.HasChanges);
        Assert.Empty(planner.Changed);
        Assert.Equal(before, stores.Stores.Select(s => s.ToBytes()).ToList());
    }

    [Fact]
    public void An_invalid_fix_is_an_error_and_no_change()
    {
        var planner = new SettingsRepairPlanner(Open());
        var step = planner.Plan(Failing("SocketPort", SettingsFix.Set(new SettingRequest(SettingDefinition.SocketPort, "70000"))));
        Assert.False(step.HasChanges);
        Assert.Equal("SettingValueInvalid", Assert.Single(step.Errors).ErrorId);
    }

    [Fact]
    public void A_trusted_ip_fix_removes_the_address_from_every_store_that_lists_it()
    {
        var stores = Open();
        var planner = new SettingsRepairPlanner(stores);
        var step = planner.Plan(Failing("NoOpenTrustedIps", SettingsFix.TrustedIps(TrustedIpOperation.Remove, new[] { "10.0.0.5" })));
        planner.Apply(step);

        Assert.All(stores.Stores, s => Assert.DoesNotContain(s.Read().Where(v => v.Name == "TrustedIps"), v => v.Text.Contains("10.0.0.5")));
    }

    [Fact]
    public void Only_failures_and_warnings_with_a_settings_fix_are_repairable()
    {
        var fix = SettingsFix.Set(SettingDefinition.ApiEnabled, true);
        var results = new[]
        {
            Failing("A", fix),
            new IbCheckResult("B", "B", IbCheckCategory.Api, IbCheckStatus.Pass, "", "", "", null, fix),
            new IbCheckResult("C", "C", IbCheckCategory.Api, IbCheckStatus.Warn, "", "", "", "chmod 600 x"),
        };
        Assert.Equal(new[] { "A" }, SettingsRepairPlanner.Repairable(results).Select(r => r.Id));
    }
}

public class SettingsFixTests
{
    [Fact]
    public void The_command_names_every_store_given_and_quotes_paths_and_text()
    {
        var fix = SettingsFix.Set(StoreTargets.Of(SettingStore.Ibc), new SettingRequest(SettingDefinition.AutoRestartTime, "23:55"));
        Assert.Equal("Set-IbApiSetting -Path 'C:\\Jts\\jts.ini' -Profile 'C:\\Jts\\ab c\\ibg.xml' -IbcConfigPath 'C:\\IBC\\it''s.ini' -AutoRestartTime '23:55' -Target Ibc",
            fix.ToCommand(@"C:\Jts\jts.ini", @"C:\Jts\ab c\ibg.xml", @"C:\IBC\it's.ini"));
    }

    [Fact]
    public void Flags_are_booleans_numbers_are_bare_and_a_live_port_asks_for_permission()
    {
        Assert.Equal("Set-IbApiSetting -ApiEnabled $true", SettingsFix.Set(SettingDefinition.ApiEnabled, true).ToCommand(null, null, null));
        Assert.Equal("Set-IbApiSetting -SocketPort 4001 -AllowLivePort", SettingsFix.Set(SettingDefinition.SocketPort, 4001).ToCommand(null, null, null));
    }

    [Fact]
    public void Trusted_ip_fixes_are_the_trusted_ip_cmdlets()
    {
        Assert.Equal("Remove-IbTrustedIp 0.0.0.0,8.8.8.8 -Path 'jts.ini'", SettingsFix.TrustedIps(TrustedIpOperation.Remove, new[] { "0.0.0.0", "8.8.8.8" }).ToCommand("jts.ini", null, null));
        Assert.Equal("Add-IbTrustedIp 127.0.0.1", SettingsFix.TrustedIps(TrustedIpOperation.Add, new[] { "127.0.0.1" }).ToCommand(null, null, null));
        Assert.Equal("Set-IbTrustedIp 127.0.0.1,10.0.0.5", SettingsFix.TrustedIps(TrustedIpOperation.Replace, new[] { "127.0.0.1", "10.0.0.5" }).ToCommand(null, null, null));
    }
}
