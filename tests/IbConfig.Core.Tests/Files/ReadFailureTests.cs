using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Processes;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Tests.Files;

/// <summary>Files that are not settings files (a FIFO, a device, a huge file) are refused at once, never waited on or loaded whole.</summary>
public class ReadFailureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static IbConfigException RefusedWithin(Action action, string? fifo = null)
    {
        var attempt = Task.Run(() => Assert.Throws<IbConfigException>(action));
        if (!attempt.Wait(Patience))
        {
            if (fifo is not null) Release(fifo);
            Assert.Fail("The call blocked on the file instead of refusing it.");
        }
        return attempt.Result;
    }

    private static string MakeFifo(TempFolder temp, string name)
    {
        var path = Path.Combine(temp.Path, name);
        LinuxFileSystem.Run("mkfifo", path);
        return path;
    }

    // A reader stuck in open(2) on a FIFO is released by a writer opening it, so a failing test does not hang the suite.
    // Only then: with no reader waiting, opening for writing would block in its turn.
    private static void Release(string fifo)
    {
        try
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData("jts.ini")]
    [InlineData("ibg.xml")]
    [InlineData("config.ini")]
    public void A_fifo_is_refused_at_once_on_read(string name)
    {
        if (!LinuxFileSystem.IsLinux) return; // FIFOs in the file system are a Unix thing
        using var temp = new TempFolder();
        var fifo = MakeFifo(temp, name);

        var error = RefusedWithin(() => SettingsStoreSet.Open(
            name == "jts.ini" ? fifo : null, name == "ibg.xml" ? fifo : null, name == "config.ini" ? fifo : null, Array.Empty<string>()), fifo);

        Assert.Equal("ConfigFileNotRegular", error.ErrorId);
        Assert.Contains("FIFO", error.Message);
    }

    [Fact]
    public void A_fifo_is_refused_at_once_on_write()
    {
        if (!LinuxFileSystem.IsLinux) return;
        using var temp = new TempFolder();
        var fifo = MakeFifo(temp, "jts.ini");
        var writer = new ConfigFileWriter(new GatewayProcessFinder(StaticProcessSource.Empty), () => DateTimeOffset.Now);

        var error = RefusedWithin(() => writer.Write(fifo, Encoding.UTF8.GetBytes("[IBGateway]\n"), force: true), fifo);

        Assert.Equal("ConfigFileNotRegular", error.ErrorId);
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void A_device_is_refused_rather_than_read()
    {
        if (!LinuxFileSystem.IsLinux) return;
        var error = RefusedWithin(() => ConfigFileReader.ReadAllBytes("/dev/zero"));

        Assert.Equal("ConfigFileNotRegular", error.ErrorId);
        Assert.Contains("a device", error.Message);
    }

    [Theory]
    [InlineData("jts.ini", ConfigFileLimits.JtsIniBytes)]
    [InlineData("ibg.xml", ConfigFileLimits.ProfileXmlBytes)]
    [InlineData("config.ini", ConfigFileLimits.IbcConfigBytes)]
    public void Each_store_refuses_a_file_over_its_cap(string name, long cap)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        using (var file = File.Create(path)) file.SetLength(cap + 1); // sparse: costs no disk

        var error = Assert.Throws<IbConfigException>(() => SettingsStoreSet.Open(
            name == "jts.ini" ? path : null, name == "ibg.xml" ? path : null, name == "config.ini" ? path : null, Array.Empty<string>()));

        Assert.Equal("ConfigFileTooLarge", error.ErrorId);
        Assert.Equal(IbErrorKind.InvalidData, error.Kind);
    }

    [Fact]
    public void The_caps_leave_a_wide_margin_over_real_files()
    {
        // Real files: jts.ini a few KB (20 KB for many users), IBC's commented config.ini about 20 KB, a busy tws.xml a few MB (docs/write-safety.md).
        Assert.True(ConfigFileLimits.JtsIniBytes >= 100 * 20 * 1024);
        Assert.True(ConfigFileLimits.IbcConfigBytes >= 40 * 20 * 1024);
        Assert.True(ConfigFileLimits.ProfileXmlBytes >= 8 * 4 * 1024 * 1024);
    }
}
