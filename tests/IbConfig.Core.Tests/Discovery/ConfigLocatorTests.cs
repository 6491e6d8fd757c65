using IbConfig.Core.Discovery;
using IbConfig.Core.Settings;
using IbConfig.Core.Tests.Files;

namespace IbConfig.Core.Tests.Discovery;

public class ConfigLocatorTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Windows_roots_are_the_explicit_folder_then_the_system_drive_then_the_profile()
    {
        var roots = ConfigLocator.DefaultRoots(Env(("TWS_SETTINGS_PATH", @"D:\IB"), ("SYSTEMDRIVE", "C:"), ("USERPROFILE", @"C:\Users\bot")), isWindows: true);

        Assert.Equal(new[] { @"D:\IB", @"C:\Jts", @"C:\Users\bot\Jts" }, roots);
    }

    [Fact]
    public void Windows_without_systemdrive_assumes_c()
    {
        Assert.Equal(new[] { @"C:\Jts" }, ConfigLocator.DefaultRoots(Env(), isWindows: true));
    }

    [Fact]
    public void Unix_roots_are_the_explicit_folder_then_home()
    {
        Assert.Equal(new[] { "/home/bot/Jts" }, ConfigLocator.DefaultRoots(Env(("HOME", "/home/bot/")), isWindows: false));
        Assert.Equal(new[] { "/srv/tws", "/home/bot/Jts" },
            ConfigLocator.DefaultRoots(Env(("HOME", "/home/bot"), ("TWS_SETTINGS_PATH", "/srv/tws")), isWindows: false));
    }

    [Fact]
    public void The_first_existing_file_wins_in_root_order_then_beside_the_newest_gateway()
    {
        using var machine = new TempFolder();
        var first = Path.Combine(machine.Path, "first");
        var second = Path.Combine(machine.Path, "second");
        machine.File("second/ibgateway/981/jts.ini", "old");
        machine.File("second/ibgateway/1030/jts.ini", "new");
        var locator = new ConfigLocator(new[] { first, second });

        Assert.Equal(Path.Combine(second, "ibgateway", "1030", "jts.ini"), locator.FindFirstExisting());

        machine.File("second/jts.ini", "root");
        Assert.Equal(Path.Combine(second, "jts.ini"), locator.FindFirstExisting());

        machine.File("first/jts.ini", "root");
        Assert.Equal(Path.Combine(first, "jts.ini"), locator.FindFirstExisting());
    }

    [Fact]
    public void Nothing_found_is_null_and_the_searched_locations_say_where_it_looked()
    {
        using var machine = new TempFolder();
        var locator = new ConfigLocator(new[] { machine.Path, machine.Path + Path.DirectorySeparatorChar });

        Assert.Null(locator.FindFirstExisting());
        Assert.Equal(new[] { Path.Combine(machine.Path, "jts.ini"), Path.Combine(machine.Path, "ibgateway", "*", "jts.ini") }, locator.SearchedLocations);
    }
}

public class ConfigLocatorMachineTests
{
    private const string GuideIni = "[IBGateway]\r\ns.SocketPort=7497\r\ns.ApiEnabled=true\r\ns.TrustedIPs=127.0.0.1\r\n\r\n[Startup]\r\ns.AutoRestartTime=23:55:00\r\n";

    private const string RealIni = "[IBGateway]\nWriteDebug=false\nTrustedIPs=127.0.0.1\nApiOnly=true\n\n[Logon]\ntradingMode=p\n" +
                                   "UserNameToDirectory=ecuser1,darykqabcdef\n\n[settings]\nhqpnoeklmqvjfbe=1700000000000\n";

    [Fact]
    public void Existing_files_are_listed_with_their_layout_and_profile_folders()
    {
        using var machine = new TempFolder();
        var system = Path.Combine(machine.Path, "C", "Jts");
        var profile = Path.Combine(machine.Path, "Users", "bot", "Jts");
        machine.File("C/Jts/jts.ini", RealIni);
        machine.File("Users/bot/Jts/jts.ini", GuideIni);
        machine.File("C/Jts/ibgateway/1030/jts.ini", GuideIni + RealIni);
        machine.File("C/Jts/ibgateway/1019/ibgateway.exe", "");

        var found = new ConfigLocator(new[] { system, profile }).FindConfigs();

        Assert.Equal(new[] { Path.Combine(system, "jts.ini"), Path.Combine(profile, "jts.ini"), Path.Combine(system, "ibgateway", "1030", "jts.ini") },
            found.Select(f => f.Path));
        Assert.All(found, f => Assert.True(f.Exists));
        Assert.Equal(new[] { JtsIniLayout.Real, JtsIniLayout.Guide, JtsIniLayout.Both }, found.Select(f => f.LayoutValue));
        Assert.Equal(new[] { "darykqabcdef", "hqpnoeklmqvjfbe" }, found[0].ProfileFolders);
        Assert.Empty(found[1].ProfileFolders);
        Assert.Equal(new[] { system, profile, system }, found.Select(f => f.Root));
        Assert.All(found, f => Assert.Equal(SettingStore.JtsIni, f.KindValue));
        Assert.All(found, f => Assert.NotNull(f.LastWriteTime));
    }

    [Fact]
    public void Missing_candidates_appear_only_when_asked_for()
    {
        using var machine = new TempFolder();
        var root = Path.Combine(machine.Path, "Jts");
        machine.File("Jts/ibgateway/1030/ibgateway", "");

        var locator = new ConfigLocator(new[] { root });

        Assert.Empty(locator.FindConfigs());
        var all = locator.FindConfigs(includeMissing: true);
        Assert.Equal(new[] { Path.Combine(root, "jts.ini"), Path.Combine(root, "ibgateway", "1030", "jts.ini") }, all.Select(f => f.Path));
        Assert.All(all, f => Assert.False(f.Exists));
        Assert.All(all, f => Assert.Equal(JtsIniLayout.None, f.LayoutValue));
    }

    [Fact]
    public void A_file_without_known_keys_has_no_layout()
    {
        using var machine = new TempFolder();
        machine.File("Jts/jts.ini", "; nothing IB wrote\n[Other]\nx=1\n");

        var found = Assert.Single(new ConfigLocator(new[] { Path.Combine(machine.Path, "Jts") }).FindConfigs());

        Assert.Equal(JtsIniLayout.None, found.LayoutValue);
        Assert.Null(found.Problem);
    }

    [Fact]
    public void Installed_gateway_and_tws_versions_are_found_with_their_launchers_newest_first()
    {
        using var machine = new TempFolder();
        var root = Path.Combine(machine.Path, "Jts");
        machine.File("Jts/ibgateway/1030/ibgateway.exe", "");
        machine.File("Jts/ibgateway/981/ibgateway", "");
        machine.File("Jts/ibgateway/1019/jars/jts4launch-1019.jar", "");
        machine.File("Jts/ibgateway/notes/readme.txt", "");
        machine.File("Jts/ibgateway/1040/uninstall.log", "");
        machine.File("Jts/1030/tws.exe", "");
        machine.File("Jts/darykqabcdef/ibg.xml", "<x/>");

        var found = new ConfigLocator(new[] { root }).FindInstallations();

        Assert.Equal(new[] { "Gateway 1030", "Gateway 1019", "Gateway 981", "Tws 1030" }, found.Select(i => $"{i.Product} {i.Version}"));
        Assert.Equal(Path.Combine(root, "ibgateway", "1030", "ibgateway.exe"), found[0].Executable);
        Assert.Null(found[1].Executable);
        Assert.Equal(Path.Combine(root, "ibgateway", "981", "ibgateway"), found[2].Executable);
        Assert.Equal(Path.Combine(root, "1030"), found[3].InstallFolder);
        Assert.Equal(Path.Combine(root, "1030", "tws.exe"), found[3].Executable);
        Assert.All(found, i => Assert.Equal(root, i.Root));
    }

    [Fact]
    public void A_machine_without_ib_has_nothing()
    {
        using var machine = new TempFolder();
        var locator = new ConfigLocator(new[] { Path.Combine(machine.Path, "Jts") });

        Assert.Empty(locator.FindConfigs());
        Assert.Empty(locator.FindInstallations());
    }

    [Fact]
    public void A_missing_search_root_is_an_object_not_found_error_naming_it()
    {
        var error = ConfigLocator.RootNotFound("/nope");

        Assert.Equal("ConfigRootNotFound", error.ErrorId);
        Assert.Equal(IbConfig.Core.Errors.IbErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("'/nope'", error.Message);
    }
}
