using IbConfig.Core.Checks;
using static IbConfig.Core.Tests.Checks.CheckFixture;

namespace IbConfig.Core.Tests.Checks;

public class MachineChecksTests
{
    [Fact]
    public void A_writable_settings_file_passes_and_a_read_only_one_fails_with_a_fix()
    {
        var context = Context();
        context.SettingsFileAccess = new IbFileAccess(SettingsPath, true, true, false, "");
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new SettingsWritableCheck(), context).StatusValue);
        context.SettingsFileAccess = new IbFileAccess(SettingsPath, true, false, false, "the file is marked read-only");
        var failed = Evaluate(new SettingsWritableCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, failed.StatusValue);
        Assert.Contains("read-only", failed.Actual);
        Assert.False(string.IsNullOrEmpty(failed.Remedy));
        context.SettingsFileAccess = new IbFileAccess(SettingsPath, true, null, null, "locked");
        Assert.Equal(IbCheckStatus.Warn, Evaluate(new SettingsWritableCheck(), context).StatusValue);
    }

    [Fact]
    public void A_running_gateway_that_uses_the_checked_folder_passes()
    {
        var context = Context();
        context.Processes = new[] { Gateway(4242, "/home/trader/Jts") };
        var result = Evaluate(new GatewayRunningCheck(), context);
        Assert.Equal(IbCheckStatus.Pass, result.StatusValue);
        Assert.Contains("pid 4242", result.Actual);
    }

    [Fact]
    public void No_gateway_process_fails_and_one_using_another_folder_warns()
    {
        var context = Context();
        context.Processes = Array.Empty<IbConfig.Core.Processes.GatewayProcessInfo>();
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new GatewayRunningCheck(), context).StatusValue);
        context.Processes = new[] { Gateway(7, "/srv/other/Jts") };
        var other = Evaluate(new GatewayRunningCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, other.StatusValue);
        Assert.Contains("none uses /home/trader/Jts", other.Actual);
    }

    [Fact]
    public void No_gateway_process_but_an_answering_api_warns_and_names_what_serves_the_port()
    {
        var context = Context();
        context.Processes = Array.Empty<IbConfig.Core.Processes.GatewayProcessInfo>();
        context.Connection = new IbConfig.Core.Network.IbConnectionResult("127.0.0.1", 4002, 999);
        context.Listeners = new[] { new IbConfig.Core.Network.IbPortListener(4002, System.Net.IPAddress.Loopback, 321, "socat") };
        var result = Evaluate(new GatewayRunningCheck(), context);
        Assert.Equal(IbCheckStatus.Warn, result.StatusValue);
        Assert.Contains("the API on port 4002 answers (served by socat, pid 321)", result.Actual);

        context.Connection.StatusValue = IbConfig.Core.Network.IbConnectionStatus.Refused;
        Assert.Equal(IbCheckStatus.Fail, Evaluate(new GatewayRunningCheck(), context).StatusValue);
    }

    [Fact]
    public void Two_setups_on_one_port_fail_and_the_fix_moves_the_second()
    {
        var context = Context();
        context.Instances = new[]
        {
            new GatewayInstance("/home/trader/Jts", 4002, null, "/home/trader/Jts/jts.ini"),
            new GatewayInstance("/srv/live/Jts", 4002, null, "/srv/live/Jts/jts.ini"),
        };
        var result = Evaluate(new InstancesDistinctCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, result.StatusValue);
        Assert.Contains("API port 4002 shared by /home/trader/Jts/jts.ini and /srv/live/Jts/jts.ini", result.Actual);
        Assert.Equal("Set-IbApiSetting -Path '/srv/live/Jts/jts.ini' -SocketPort 4003", result.Remedy);
    }

    [Fact]
    public void Shared_command_server_ports_fail_and_distinct_setups_pass()
    {
        var context = Context();
        context.Instances = new[]
        {
            new GatewayInstance("/a/Jts", 4002, 7462, "/a/ibc/config.ini"),
            new GatewayInstance("/b/Jts", 4001, 7462, "/b/ibc/config.ini"),
        };
        var shared = Evaluate(new InstancesDistinctCheck(), context);
        Assert.Equal(IbCheckStatus.Fail, shared.StatusValue);
        Assert.Contains("IBC command server port 7462", shared.Actual);
        context.Instances = new[] { new GatewayInstance("/a/Jts", 4002, 7462, "/a/jts.ini"), new GatewayInstance("/b/Jts", 4001, 7463, "/b/jts.ini") };
        Assert.Equal(IbCheckStatus.Pass, Evaluate(new InstancesDistinctCheck(), context).StatusValue);
    }

    [Fact]
    public void Broad_windows_groups_that_can_read_are_found_and_admins_are_not()
    {
        var rules = new[]
        {
            new FileAccessRule(@"BUILTIN\Administrators", "FullControl", true),
            new FileAccessRule(@"NT AUTHORITY\SYSTEM", "FullControl", true),
            new FileAccessRule(@"BUILTIN\Users", "ReadAndExecute, Synchronize", true),
            new FileAccessRule("Everyone", "Write", true),
            new FileAccessRule(@"NT AUTHORITY\Authenticated Users", "Modify, Synchronize", false),
        };
        Assert.Equal(new[] { @"BUILTIN\Users" }, FileAccessRule.BroadReaders(rules).Select(r => r.Identity));
    }
}
