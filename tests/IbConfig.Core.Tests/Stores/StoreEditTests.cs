using System.Text;
using IbConfig.Core.Machine;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Stores;

public sealed class StoreEditTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    private readonly StoreEditApplier _applier = IbMachine.Local.WithProcesses(new StaticProcessSource(Array.Empty<ProcessSnapshot>())).Applier();

    public void Dispose() => _fixture.Dispose();

    private SettingsStoreSet Open() => SettingsStoreSet.Open(_fixture.JtsIni, null, _fixture.IbcConfig, Array.Empty<string>());

    private static SettingRequest[] Port(int port) => new[] { new SettingRequest(SettingDefinition.SocketPort, port.ToString()) };

    [Fact]
    public void A_plan_lists_each_store_and_writes_nothing_until_applied()
    {
        var before = File.ReadAllBytes(_fixture.JtsIni);
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4012), StoreTargets.WhereRead, allowLivePort: false);

        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml, SettingStore.Ibc }, plan.Edits.Select(e => e.Kind));
        Assert.True(plan.HasChanges);
        Assert.Equal(before, File.ReadAllBytes(_fixture.JtsIni));

        var outcome = _applier.Apply(plan, force: false);
        Assert.Empty(outcome.Errors);
        Assert.All(outcome.Results, r => Assert.Equal(IbStoreWriteResult.Changed, r.Status));
        Assert.Equal(4012, Open().Effective().SocketPort);
    }

    [Fact]
    public void A_bad_value_is_one_error_for_all_stores_and_no_change()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(99999), StoreTargets.WhereRead, allowLivePort: false);
        Assert.Single(plan.Errors);
        Assert.False(plan.HasChanges);
        Assert.Empty(plan.Edits);
    }

    [Fact]
    public void A_live_port_is_flagged_for_confirmation()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4001), StoreTargets.Of(SettingStore.JtsIni), allowLivePort: true);
        Assert.True(plan.SelectsLivePort);
    }

    [Fact]
    public void Declined_stores_are_left_alone_and_the_others_written()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4012), StoreTargets.WhereRead, allowLivePort: false)
            .Approved(e => e.Kind != SettingStore.Ibc);
        var ibcBefore = File.ReadAllBytes(_fixture.IbcConfig);

        var outcome = _applier.Apply(plan, force: false);

        Assert.Equal(1, plan.Declined);
        Assert.Equal(new[] { SettingStore.JtsIni, SettingStore.ProfileXml }, outcome.Results.Select(r => r.Store));
        Assert.Equal(ibcBefore, File.ReadAllBytes(_fixture.IbcConfig));
    }

    [Fact]
    public void A_file_another_writer_changed_elsewhere_after_planning_is_planned_again_and_keeps_both_changes()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4012), StoreTargets.Of(SettingStore.JtsIni), allowLivePort: false);
        // The other writer's change lands between this command's read and its write: another key, and a line above ours.
        var other = "; kept by the other writer\n" + File.ReadAllText(_fixture.JtsIni).Replace("s.MasterClientId=0", "s.MasterClientId=50");
        File.WriteAllText(_fixture.JtsIni, other);

        var outcome = _applier.Apply(plan, force: false);

        Assert.Empty(outcome.Errors);
        var result = Assert.Single(outcome.Results);
        Assert.Equal(IbStoreWriteResult.Changed, result.Status);
        Assert.Matches(@"s\.SocketPort: 7497 -> 4012 \(line 11\)$", Assert.Single(result.Changes)); // where the new content has it
        Assert.Equal(other.Replace("s.SocketPort=7497", "s.SocketPort=4012"), File.ReadAllText(_fixture.JtsIni));
        Assert.Equal(other, File.ReadAllText(result.BackupPath!)); // the backup holds what the other writer left
        Assert.Contains("planned again", Assert.Single(outcome.Notes));
    }

    [Fact]
    public void A_file_another_writer_changed_at_the_planned_place_is_refused_and_left_as_that_writer_left_it()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4012), StoreTargets.Of(SettingStore.JtsIni), allowLivePort: false);
        var other = File.ReadAllText(_fixture.JtsIni).Replace("s.SocketPort=7497", "s.SocketPort=4002");
        File.WriteAllText(_fixture.JtsIni, other);

        var outcome = _applier.Apply(plan, force: false);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("ConfigFileChangedSinceRead", error.ErrorId);
        Assert.Contains("[IBGateway] s.SocketPort", error.Message);
        Assert.Empty(outcome.Results);
        Assert.Empty(outcome.Notes);
        Assert.Equal(other, File.ReadAllText(_fixture.JtsIni));
        Assert.Empty(Directory.GetFiles(_fixture.SettingsDir, "jts.ini.*.bak"));
    }

    [Fact]
    public void A_file_deleted_after_planning_is_not_recreated()
    {
        var plan = new StoreEditPlanner(Open()).PlanSettings(Port(4012), StoreTargets.Of(SettingStore.JtsIni), allowLivePort: false);
        File.Delete(_fixture.JtsIni);

        var outcome = _applier.Apply(plan, force: false);

        Assert.Equal("ConfigFileChangedSinceRead", Assert.Single(outcome.Errors).ErrorId);
        Assert.False(File.Exists(_fixture.JtsIni));
    }

    [Fact]
    public void A_trusted_address_added_while_another_writer_changed_the_list_is_refused()
    {
        var plan = new StoreEditPlanner(Open()).PlanTrustedIps(TrustedIpOperation.Add, new[] { "10.0.0.9" }, StoreTargets.Of(SettingStore.JtsIni), force: false);
        var other = File.ReadAllText(_fixture.JtsIni).Replace("TrustedIPs=127.0.0.1\r\n", "TrustedIPs=127.0.0.1,10.0.0.7\r\n");
        File.WriteAllText(_fixture.JtsIni, other);

        var outcome = _applier.Apply(plan, force: false);

        Assert.Equal("ConfigFileChangedSinceRead", Assert.Single(outcome.Errors).ErrorId);
        Assert.Equal(other, File.ReadAllText(_fixture.JtsIni));
    }

    [Fact]
    public void A_named_store_that_does_not_exist_is_a_plan_error()
    {
        var set = SettingsStoreSet.Open(_fixture.JtsIni, null, null, Array.Empty<string>());
        var plan = new StoreEditPlanner(set).PlanSettings(Port(4012), StoreTargets.Of(SettingStore.Ibc), allowLivePort: false);
        Assert.Equal("StoreNotFound", Assert.Single(plan.Errors).ErrorId);
        Assert.Empty(plan.Edits);
    }

    [Fact]
    public void Removing_a_trusted_ip_reaches_every_store_that_grants_it()
    {
        var plan = new StoreEditPlanner(Open()).PlanTrustedIps(TrustedIpOperation.Remove, new[] { "10.0.0.5" }, StoreTargets.WhereRead, force: false);
        Assert.Equal(new[] { SettingStore.ProfileXml, SettingStore.Ibc }, plan.Changes.Select(e => e.Kind));

        _applier.Apply(plan, force: false);

        Assert.DoesNotContain(Open().TrustedIps(), t => t.IPAddress == "10.0.0.5");
        Assert.DoesNotContain("10.0.0.5", Encoding.UTF8.GetString(File.ReadAllBytes(_fixture.IbcConfig)));
    }

    [Fact]
    public void Ibc_keeps_its_list_without_127_0_0_1_which_it_adds_itself()
    {
        var plan = new StoreEditPlanner(Open()).PlanTrustedIps(TrustedIpOperation.Replace, new[] { "127.0.0.1", "10.0.0.9" }, StoreTargets.Of(SettingStore.Ibc), force: false);
        Assert.Equal("TrustedTwsApiClientIPs: 10.0.0.5,10.0.0.7 -> 10.0.0.9 (line 50)", Assert.Single(plan.Changes).Plan.Describe());
    }

    [Fact]
    public void Store_targets_read_the_user_facing_names()
    {
        Assert.Same(StoreTargets.WhereRead, StoreTargets.Parse(null));
        Assert.Same(StoreTargets.All, StoreTargets.Parse("all"));
        Assert.Equal(SettingStore.Ibc, StoreTargets.Parse("Ibc").Only);
        Assert.Equal("StoreTargetUnknown", Assert.Throws<IbConfig.Core.Errors.IbConfigException>(() => StoreTargets.Parse("IbcConfig")).ErrorId);
    }
}
