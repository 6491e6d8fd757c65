using IbConfig.Core.Checks;

namespace IbConfig.Core.Tests.Checks;

public sealed class FileAccessInspectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ibconfig-access-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        var access = FileAccessInspector.WithoutWindowsAcl.Inspect(Path.Combine(_dir, "nope.ini"));
        Assert.False(access.Exists);
        Assert.Null(access.Writable);
    }

    [Fact]
    public void An_ordinary_file_is_writable_and_its_content_is_untouched()
    {
        var path = Path.Combine(_dir, "jts.ini");
        File.WriteAllText(path, "[IBGateway]\n");
        var access = FileAccessInspector.WithoutWindowsAcl.Inspect(path);
        Assert.True(access.Writable);
        Assert.Equal("[IBGateway]\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_read_only_file_is_not_writable()
    {
        var path = Path.Combine(_dir, "jts.ini");
        File.WriteAllText(path, "x");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            Assert.False(FileAccessInspector.WithoutWindowsAcl.Inspect(path).Writable);
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void Unix_mode_bits_tell_whether_others_can_read()
    {
        if (OperatingSystem.IsWindows()) return; // Windows reads the ACL instead (see the Windows ACL test)
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, "IbPassword=secret");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var open = FileAccessInspector.WithoutWindowsAcl.Inspect(path);
        Assert.True(open.ReadableByOthers);
        Assert.Contains("mode 604", open.Note);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.False(FileAccessInspector.WithoutWindowsAcl.Inspect(path).ReadableByOthers);
    }
}
