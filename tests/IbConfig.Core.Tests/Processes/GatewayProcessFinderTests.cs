using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Processes;

public class GatewayProcessFinderTests
{
    private static GatewayProcessInfo? Recognise(string name, string? path, string? commandLine) =>
        GatewayProcessFinder.Recognise(new ProcessSnapshot(100, name, path, commandLine, new DateTime(2026, 11, 26, 8, 0, 0)));

    [Fact]
    public void The_windows_gateway_launcher_is_recognised_with_its_settings_root()
    {
        var info = Recognise("ibgateway", @"C:\Jts\ibgateway\1030\ibgateway.exe", null)!;

        Assert.Equal(IbProduct.Gateway, info.ProductValue);
        Assert.Equal(@"C:\Jts", info.SettingsDirectory);
        Assert.Equal(SettingsDirectorySource.InstallFolder, info.SettingsDirectorySourceValue);
        Assert.False(info.CommandLineKnown);
        Assert.Equal(new DateTime(2026, 11, 26, 8, 0, 0), info.StartTime);
        Assert.Equal("IB Gateway (pid 100)", info.ToString());
    }

    [Fact]
    public void Tws_exe_is_recognised_as_tws()
    {
        var info = Recognise("tws.exe", @"C:\Jts\1030\tws.exe", @"""C:\Jts\1030\tws.exe""")!;

        Assert.Equal(IbProduct.Tws, info.ProductValue);
        Assert.Equal(@"C:\Jts", info.SettingsDirectory);
        Assert.True(info.CommandLineKnown);
        Assert.Equal("TWS (pid 100)", info.ToString());
    }

    [Fact]
    public void The_gateways_bundled_javaw_is_recognised_from_its_command_line()
    {
        var info = Recognise("javaw", @"C:\Jts\ibgateway\1030\jbr\bin\javaw.exe",
            @"""C:\Jts\ibgateway\1030\jbr\bin\javaw.exe"" -Xmx768m -cp ""C:\Jts\ibgateway\1030\jars\jts4launch-1030.jar;C:\Jts\ibgateway\1030\jars\*"" ibgateway.GWClient")!;

        Assert.Equal(IbProduct.Gateway, info.ProductValue);
        Assert.Equal(@"C:\Jts", info.SettingsDirectory);
        Assert.Equal(SettingsDirectorySource.InstallFolder, info.SettingsDirectorySourceValue);
    }

    [Fact]
    public void An_ibc_started_gateway_on_linux_names_its_settings_folder()
    {
        var info = Recognise("java", "/usr/lib/jvm/java-17/bin/java",
            "java -DjtsConfigDir=/home/u/Jts -cp /opt/ibc/IBC.jar:/home/u/Jts/ibgateway/1030/jars/* ibcalpha.ibc.IbcGateway /opt/ibc/config.ini paper")!;

        Assert.Equal(IbProduct.Gateway, info.ProductValue);
        Assert.Equal("/home/u/Jts", info.SettingsDirectory);
        Assert.Equal(SettingsDirectorySource.CommandLine, info.SettingsDirectorySourceValue);
        Assert.True(info.CommandLineKnown);
    }

    [Fact]
    public void An_ibc_started_tws_is_tws()
    {
        var info = Recognise("java", null, "java -DjtsConfigDir=/opt/tws-settings -cp /opt/ibc/IBC.jar:/opt/tws/jars/* ibcalpha.ibc.IbcTws /opt/ibc/config.ini")!;

        Assert.Equal(IbProduct.Tws, info.ProductValue);
        Assert.Equal("/opt/tws-settings", info.SettingsDirectory);
    }

    [Fact]
    public void Tws_on_linux_takes_the_settings_folder_as_its_first_argument()
    {
        var info = Recognise("java", "/home/u/Jts/1030/jre/bin/java",
            "/home/u/Jts/1030/jre/bin/java -cp /home/u/Jts/1030/jars/jts4launch-1030.jar:/home/u/Jts/1030/jars/* jclient.LoginFrame /home/u/Jts")!;

        Assert.Equal(IbProduct.Tws, info.ProductValue);
        Assert.Equal("/home/u/Jts", info.SettingsDirectory);
        Assert.Equal(SettingsDirectorySource.CommandLine, info.SettingsDirectorySourceValue);
    }

    [Fact]
    public void A_quoted_settings_folder_with_spaces_is_read_whole()
    {
        var info = Recognise("javaw", null, @"javaw ""-DjtsConfigDir=C:\IB Settings\Jts"" -cp C:\IBC\IBC.jar ibcalpha.ibc.IbcGateway")!;

        Assert.Equal(@"C:\IB Settings\Jts", info.SettingsDirectory);
    }

    [Theory]
    [InlineData("java", "/usr/bin/java", "java -jar /opt/minecraft/server.jar nogui")]
    [InlineData("javaw", null, null)]
    [InlineData("java", @"C:\Program Files\Java\bin\java.exe", @"java -cp C:\tools\jtsdk.jar app.Main")]
    [InlineData("notepad", @"C:\Jts\jts.ini", @"notepad C:\Jts\jts.ini")]
    [InlineData("pwsh", null, "pwsh -c Get-Content ~/Jts/jts.ini")]
    public void Other_processes_are_not_taken_for_ib(string name, string? path, string? commandLine) =>
        Assert.Null(Recognise(name, path, commandLine));

    [Theory]
    [InlineData("ibgateway", true)]
    [InlineData("IBGATEWAY.EXE", true)]
    [InlineData("tws", true)]
    [InlineData("javaw", true)]
    [InlineData("java.exe", true)]
    [InlineData("javac", false)]
    [InlineData("twsd", false)]
    public void Only_ib_launchers_and_java_are_candidates(string name, bool candidate) =>
        Assert.Equal(candidate, GatewayProcessFinder.IsCandidateName(name));

    [Fact]
    public void Find_lists_the_ib_instances_in_pid_order_and_skips_the_rest()
    {
        var finder = new GatewayProcessFinder(new StaticProcessSource(new[]
        {
            new ProcessSnapshot(30, "tws"),
            new ProcessSnapshot(5, "java", null, "java -jar other.jar", null),
            new ProcessSnapshot(10, "ibgateway"),
            new ProcessSnapshot(1, "explorer"),
        }));

        Assert.Equal(new[] { 10, 30 }, finder.Find().Select(p => p.Id));
    }

    [Fact]
    public void Only_a_folder_named_on_the_command_line_lets_an_instance_off_the_hook()
    {
        var named = Recognise("java", null, "java -DjtsConfigDir=/srv/paper/Jts ibcalpha.ibc.IbcGateway")!;
        var guessed = Recognise("ibgateway", "/srv/paper/Jts/ibgateway/1030/ibgateway", null)!;
        var unknown = Recognise("ibgateway", null, null)!;

        Assert.True(named.MayUse("/srv/paper/Jts/"));
        Assert.False(named.MayUse("/srv/live/Jts"));
        Assert.True(guessed.MayUse("/srv/live/Jts"));
        Assert.True(unknown.MayUse("/srv/live/Jts"));
        Assert.Equal(SettingsDirectorySource.Unknown, unknown.SettingsDirectorySourceValue);
    }
}
