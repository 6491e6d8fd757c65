using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Tests.Files;

public class AtomicFileWriterTests
{
    [Fact]
    public void Write_replaces_the_content_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\r\ns.SocketPort=7497\r\n");

        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("[IBGateway]\r\ns.SocketPort=4002\r\n"));

        Assert.Equal("[IBGateway]\r\ns.SocketPort=4002\r\n", File.ReadAllText(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void Write_creates_a_file_that_does_not_exist_yet()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "jts.ini");

        AtomicFileWriter.Write(path, new byte[] { 1, 2, 3 });

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "no-such-folder", "jts.ini");

        var error = Assert.Throws<IbConfigException>(() => AtomicFileWriter.Write(path, new byte[] { 1 }));

        Assert.Equal("ConfigFolderNotFound", error.ErrorId);
        Assert.Equal(IbErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("no-such-folder", error.Message);
    }

    [Fact]
    public void A_read_only_file_is_refused_and_kept_as_it_was()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var error = Assert.Throws<IbConfigException>(() => AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("new")));

        Assert.Equal("ConfigFileReadOnly", error.ErrorId);
        Assert.Equal(IbErrorKind.PermissionDenied, error.Kind);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void A_locked_file_is_reported_as_locked_and_keeps_its_old_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        IbConfigException error;
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            error = Assert.Throws<IbConfigException>(() => AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("new")));
        }

        Assert.Equal("ConfigFileLocked", error.ErrorId);
        Assert.Equal(IbErrorKind.ResourceBusy, error.Kind);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void A_reader_running_alongside_sees_the_old_or_the_new_content_never_a_torn_file()
    {
        using var temp = new TempFolder();
        var a = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        var b = Encoding.ASCII.GetBytes(new string('b', 48 * 1024));
        var path = temp.File("jts.ini");
        File.WriteAllBytes(path, a);
        var done = 0;
        var seen = new List<byte[]>();

        var reader = new Thread(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                try
                {
                    seen.Add(ConfigFileReader.ReadAllBytes(path));
                }
                catch (IbConfigException ex) when (ex.ErrorId == "ConfigFileLocked")
                {
                    // Windows may refuse a read during the replace; that is not a torn read.
                }
            }
        });
        reader.Start();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                AtomicFileWriter.Write(path, i % 2 == 0 ? b : a);
            }
            catch (IbConfigException ex) when (ex.ErrorId == "ConfigFileLocked")
            {
                // Windows refuses to replace a file that is open at that instant; the old content stays, which is the point.
            }
        }
        Volatile.Write(ref done, 1);
        Assert.True(reader.Join(TimeSpan.FromSeconds(30)));

        Assert.NotEmpty(seen);
        Assert.All(seen, content => Assert.True(content.SequenceEqual(a) || content.SequenceEqual(b), $"torn read of {content.Length} bytes"));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void Write_keeps_the_original_permissions_on_unix()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("new"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
