using IbConfig.Core.Checks;
using IbConfig.Core.Tests.Files;

namespace IbConfig.Core.Tests.Checks;

/// <summary>SettingsWritable proves writability by creating and deleting a file beside the settings file, as every save does.</summary>
public class SettingsFolderWritableTests
{
    [Fact]
    public void A_file_in_a_folder_that_takes_no_new_file_is_not_writable()
    {
        if (!LinuxFileSystem.IsLinux) return; // chattr is Linux's; root ignores mode bits, so an immutable folder is the real case
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\n");
        LinuxFileSystem.Run("chattr", "+i", temp.Path);
        try
        {
            var access = FileAccessInspector.WithoutWindowsAcl.Inspect(path);

            Assert.False(access.Writable);
            Assert.Contains("cannot create a file in", access.Note);
        }
        finally
        {
            LinuxFileSystem.Run("chattr", "-i", temp.Path);
        }

        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void The_probe_file_is_deleted_again()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\n");

        Assert.True(FileAccessInspector.WithoutWindowsAcl.Inspect(path).Writable);
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }
}
