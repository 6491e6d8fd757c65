using IbConfig.Core.Discovery;
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
