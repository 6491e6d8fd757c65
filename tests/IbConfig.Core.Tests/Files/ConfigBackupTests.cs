using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;

namespace IbConfig.Core.Tests.Files;

public class ConfigBackupTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 3, 15, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void A_backup_is_named_after_the_file_and_the_clock_time_and_holds_its_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\ns.SocketPort=7497\n");

        var backup = new ConfigBackup(() => Morning).Create(path);

        Assert.Equal(Path.Combine(temp.Path, "jts.ini.20261126-031500.bak"), backup.BackupPath);
        Assert.Equal(path, backup.Path);
        Assert.Equal(new DateTime(2026, 11, 26, 3, 15, 0), backup.Time);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(backup.BackupPath));
        Assert.Equal(new FileInfo(path).Length, backup.Length);
    }

    [Fact]
    public void A_backup_flushed_later_is_kept_whole_and_one_cut_short_meanwhile_is_deleted_and_reported()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\ns.SocketPort=7497\n");
        var backups = new ConfigBackup(() => Morning);

        var whole = backups.Create(path, flushToDisk: false);
        ConfigBackup.FlushToDisk(whole);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(whole.BackupPath));

        var cut = backups.Create(path, flushToDisk: false);
        File.WriteAllText(cut.BackupPath, "[IBGa");
        var error = Assert.Throws<IbConfigException>(() => ConfigBackup.FlushToDisk(cut));

        Assert.Equal("ConfigBackupWriteFailed", error.ErrorId);
        Assert.Contains("5 of its 30 bytes", error.Message);
        Assert.False(File.Exists(cut.BackupPath));
        Assert.Equal(ConfigBackup.ShortHash(File.ReadAllBytes(path)), whole.Hash);
    }

    [Fact]
    public void Backups_taken_within_the_same_second_get_distinct_names()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "one");
        var backups = new ConfigBackup(() => Morning);

        var first = backups.Create(path);
        File.WriteAllText(path, "two");
        var second = backups.Create(path);
        File.WriteAllText(path, "three");
        var third = backups.Create(path);

        Assert.Equal(new[] { "jts.ini.20261126-031500.bak", "jts.ini.20261126-031500-2.bak", "jts.ini.20261126-031500-3.bak" },
            new[] { first, second, third }.Select(b => Path.GetFileName(b.BackupPath)));
        Assert.Equal("one", File.ReadAllText(first.BackupPath));
        Assert.Equal("three", File.ReadAllText(third.BackupPath));
    }

    [Fact]
    public void List_returns_only_this_files_backups_newest_first()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "x");
        var now = Morning;
        var backups = new ConfigBackup(() => now);
        backups.Create(path);
        backups.Create(path);
        now = Morning.AddDays(1);
        backups.Create(path);
        now = Morning.AddSeconds(-1);
        backups.Create(path);
        temp.File("jts.ini.bak", "not ours");
        temp.File("jts.ini.garbage.bak", "not ours");
        temp.File("jts.ini.20261399-999999.bak", "not a time");
        temp.File("other.ini.20261126-031500.bak", "another file");

        var listed = backups.List(path);

        Assert.Equal(new[]
        {
            "jts.ini.20261127-031500.bak",
            "jts.ini.20261126-031500-2.bak",
            "jts.ini.20261126-031500.bak",
            "jts.ini.20261126-031459.bak",
        }, listed.Select(b => Path.GetFileName(b.BackupPath)));
        Assert.All(listed, b => Assert.Equal(path, b.Path));
    }

    [Fact]
    public void A_destination_folder_is_created_and_listed_from()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "x");
        var destination = Path.Combine(temp.Path, "backups", "ib");
        var backups = new ConfigBackup(() => Morning);

        var backup = backups.Create(path, destination);

        Assert.Equal(Path.Combine(destination, "jts.ini.20261126-031500.bak"), backup.BackupPath);
        Assert.Single(backups.List(path, destination));
        Assert.Empty(backups.List(path));
    }

    [Fact]
    public void The_short_hash_tells_equal_content_from_different_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "same");
        var backups = new ConfigBackup(() => Morning);

        var first = backups.Create(path);
        var second = backups.Create(path);
        File.WriteAllText(path, "different");
        var third = backups.Create(path);

        Assert.Matches("^[0-9a-f]{12}$", first.Hash);
        Assert.Equal(first.Hash, second.Hash);
        Assert.NotEqual(first.Hash, third.Hash);
        Assert.Equal(ConfigBackup.ShortHash(Encoding.UTF8.GetBytes("same")), first.Hash);
    }

    [Fact]
    public void Backing_up_a_missing_file_is_a_clear_error()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => new ConfigBackup(() => Morning).Create(Path.Combine(temp.Path, "jts.ini")));

        Assert.Equal("ConfigFileNotFound", error.ErrorId);
        Assert.Empty(temp.FileNames());
    }

    [Fact]
    public void Listing_backups_in_a_missing_folder_says_the_folder_is_missing()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => new ConfigBackup(() => Morning).List(Path.Combine(temp.Path, "jts.ini"), Path.Combine(temp.Path, "nowhere")));

        Assert.Equal("ConfigBackupFolderNotFound", error.ErrorId);
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public void Listing_backups_of_an_existing_file_in_a_missing_folder_finds_none()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "jts.ini");
        File.WriteAllText(path, "[IBGateway]\n");

        Assert.Empty(new ConfigBackup(() => Morning).List(path, Path.Combine(temp.Path, "nowhere")));
    }

    [Fact]
    public void Checking_a_missing_file_before_a_backup_says_it_is_missing()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => ConfigBackup.RequireFile(Path.Combine(temp.Path, "jts.ini")));

        Assert.Equal("ConfigFileNotFound", error.ErrorId);
    }

    [Fact]
    public void Backing_up_a_folder_says_it_is_a_folder()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => new ConfigBackup(() => Morning).Create(temp.Path));

        Assert.Equal("ConfigPathIsFolder", error.ErrorId);
    }
}
