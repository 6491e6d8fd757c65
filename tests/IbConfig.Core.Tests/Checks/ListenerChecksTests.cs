using System.Net;
using IbConfig.Core.Checks;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Checks;

public class ListenerChecksTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 15, 20, 30, 0, TimeSpan.Zero);

    private static CheckContext Context(string computerName = "127.0.0.1", params IbPortListener[] listeners) =>
        new(new CheckRequest { ComputerName = computerName }, Now) { Port = 4002, Listeners = listeners };

    private static IbCheckResult Only(IbCheck check, CheckContext context) => Assert.Single(check.Evaluate(context));

    [Fact]
    public void A_loopback_listener_passes_both_checks()
    {
        var context = Context("127.0.0.1", new IbPortListener(4002, IPAddress.Loopback, 4242, "ibgateway"));
        var listening = Only(new PortListeningCheck(), context);
        Assert.Equal(IbCheckStatus.Pass, listening.StatusValue);
        Assert.Equal("127.0.0.1:4002 (ibgateway, pid 4242)", listening.Actual);
        Assert.Equal("live", listening.Source);
        Assert.Equal(IbCheckStatus.Pass, Only(new PortLoopbackOnlyCheck(), context).StatusValue);
    }

    [Fact]
    public void Nothing_listening_fails_with_a_remedy_and_the_scope_check_skips()
    {
        var context = Context("localhost", IbPortListener.NotListening(4002));
        var listening = Only(new PortListeningCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, listening.StatusValue);
        Assert.Contains("Nothing listens on 4002", listening.Actual);
        Assert.Contains("Get-IbApiSetting", listening.Remedy);
        Assert.Equal(IbCheckStatus.Skipped, Only(new PortLoopbackOnlyCheck(), context).StatusValue);
    }

    [Fact]
    public void A_listener_on_every_interface_warns_and_points_to_the_firewall()
    {
        var context = Context("127.0.0.1", new IbPortListener(4002, IPAddress.Any, null, null));
        var scope = Only(new PortLoopbackOnlyCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, scope.StatusValue);
        Assert.Contains("0.0.0.0:4002", scope.Actual);
        Assert.Equal(OperatingSystem.IsWindows() ? "Test-IbFirewallRule -Port 4002" : "Tick 'Allow connections from localhost only' (API > Settings), or firewall the port", scope.Remedy);
    }

    [Fact]
    public void A_listener_on_every_interface_passes_when_localhost_only_is_on()
    {
        var context = Context("127.0.0.1", new IbPortListener(4002, IPAddress.Any, null, null));
        context.Settings = CheckFixture.With(CheckFixture.Settings(CheckFixture.Guide), CheckFixture.Value("AllowOnlyLocalhost", "true", true, IbConfig.Core.Settings.SettingStore.ProfileXml));
        var scope = Assert.Single(new PortLoopbackOnlyCheck().Evaluate(context));
        Assert.Equal(IbCheckStatus.Pass, scope.StatusValue);
        Assert.Contains("localhost only", scope.Actual);
    }

    [Fact]
    public void A_listener_on_one_lan_address_passes_the_scope_check()
    {
        var context = Context("127.0.0.1", new IbPortListener(4002, IPAddress.Parse("192.168.1.5"), null, null));
        Assert.Equal(IbCheckStatus.Pass, Only(new PortLoopbackOnlyCheck(), context).StatusValue);
    }

    [Fact]
    public void An_operating_system_that_cannot_tell_gives_a_warning_not_a_failure()
    {
        var context = Context("127.0.0.1", IbPortListener.Unknown(4002, "lsof needed"));
        var listening = Only(new PortListeningCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, listening.StatusValue);
        Assert.Contains("lsof needed", listening.Actual);
    }

    [Fact]
    public void A_remote_gateway_skips_the_local_listener_checks()
    {
        var context = Context("gw1.example.invalid", new IbPortListener(4002, IPAddress.Any, null, null));
        Assert.Equal(IbCheckStatus.Skipped, Only(new PortListeningCheck(), context).StatusValue);
        Assert.Equal(IbCheckStatus.Skipped, Only(new PortLoopbackOnlyCheck(), context).StatusValue);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("gw1", false)]
    public void Local_targets_are_loopback_or_this_machine(string computerName, bool local) =>
        Assert.Equal(local, CheckContext.IsLocal(computerName));
}
