using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Processes;

namespace IbConfig.Core.Tests.Files;

public class ConfigFileWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 15, 0, TimeSpan.Zero);

    private static ConfigFileWriter WriterWith(params ProcessSnapshot[] running) =>
        new(new GatewayProcessFinder(new StaticProcessSource(running)), () => Now);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_write_backs_up_the_old_content_then_replaces_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");

        var result = WriterWith().Write(path, Bytes("new!"), force: false);

        Assert.True(result.Changed);
        Assert.Equal(path, result.Path);
        Assert.Equal(4, result.BytesWritten);
        Assert.Equal("new!", File.ReadAllText(path));
        Assert.Equal(Path.Combine(temp.Path, "jts.ini.20261126-031500.bak"), result.BackupPath);
        Assert.Equal("old", File.ReadAllText(result.BackupPath!));
    }

    [Fact]
    public void Writing_the_same_bytes_changes_nothing_and_makes_no_backup()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "same");

        var result = WriterWith(new ProcessSnapshot(7, "ibgateway")).Write(path, Bytes("same"), force: false);

        Assert.False(result.Changed);
        Assert.Null(result.BackupPath);
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void A_gateway_running_on_the_settings_folder_guards_its_profile_xml_in_the_profile_folder()
    {
        using var temp = new TempFolder();
        var profile = temp.File(Path.Combine("darykqabcdef", "ibg.xml"), "<WorkSpace/>");
        var settingsFolder = Path.GetDirectoryName(Path.GetDirectoryName(profile))!;
        var writer = WriterWith(new ProcessSnapshot(77, "ibgateway", "/opt/ibgateway/ibgateway", $"/opt/ibgateway/ibgateway -DjtsConfigDir={settingsFolder}", null));

        var error = Assert.Throws<IbConfigException>(() => writer.Write(profile, Bytes("<WorkSpace a=\"1\"/>"), force: false));

        Assert.Equal("GatewayRunning", error.ErrorId);
        Assert.Single(writer.FindBlockingProcesses(profile));
        Assert.Empty(writer.FindBlockingProcesses(Path.Combine(settingsFolder, "darykqabcdef", "notes.txt")));
    }

    [Fact]
    public void A_running_gateway_refuses_the_write_and_leaves_the_folder_untouched()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        var writer = WriterWith(new ProcessSnapshot(1234, "ibgateway", @"C:\Jts\ibgateway\1030\ibgateway.exe", null, null));

        var error = Assert.Throws<IbConfigException>(() => writer.Write(path, Bytes("new"), force: false));

        Assert.Equal("GatewayRunning", error.ErrorId);
        Assert.Equal(IbErrorKind.ResourceBusy, error.Kind);
        Assert.Equal("IB Gateway (pid 1234) is running and writes its settings back when it exits, which would undo this change. " +
                     "Close it, or pass -Force to write anyway.", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public void The_refusal_names_every_instance_that_may_use_the_folder()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        var writer = WriterWith(new ProcessSnapshot(20, "tws"), new ProcessSnapshot(10, "ibgateway"));

        var error = Assert.Throws<IbConfigException>(() => writer.Write(path, Bytes("new"), force: false));

        Assert.StartsWith("IB Gateway (pid 10) and TWS (pid 20) are running and write their settings back when they exit", error.Message);
    }

    [Fact]
    public void Force_writes_even_while_a_gateway_runs()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");

        var result = WriterWith(new ProcessSnapshot(1234, "ibgateway")).Write(path, Bytes("new"), force: true);

        Assert.True(result.Changed);
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_gateway_whose_command_line_names_another_settings_folder_does_not_block()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        var other = Path.Combine(temp.Path, "other-Jts");
        var writer = WriterWith(new ProcessSnapshot(42, "java", "/usr/bin/java",
            $"java -DjtsConfigDir={other} -cp /opt/ibc/IBC.jar ibcalpha.ibc.IbcGateway /opt/ibc/config.ini", null));

        Assert.Empty(writer.FindBlockingProcesses(path));
        Assert.True(writer.Write(path, Bytes("new"), force: false).Changed);
    }

    [Fact]
    public void A_gateway_whose_command_line_names_this_folder_blocks()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        var writer = WriterWith(new ProcessSnapshot(42, "java", "/usr/bin/java",
            $"java \"-DjtsConfigDir={temp.Path}{Path.DirectorySeparatorChar}\" -cp /opt/ibc/IBC.jar ibcalpha.ibc.IbcGateway", null));

        Assert.Equal(42, Assert.Single(writer.FindBlockingProcesses(path)).Id);
        Assert.Throws<IbConfigException>(() => writer.Write(path, Bytes("new"), force: false));
    }

    [Fact]
    public void A_read_only_file_is_refused_before_any_backup_is_made()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var error = Assert.Throws<IbConfigException>(() => WriterWith().Write(path, Bytes("new"), force: true));

        Assert.Equal("ConfigFileReadOnly", error.ErrorId);
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void A_new_file_is_created_without_a_backup()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "jts.ini");

        var result = WriterWith().Write(path, Bytes("fresh"), force: false);

        Assert.True(result.Changed);
        Assert.Null(result.BackupPath);
        Assert.Equal("fresh", File.ReadAllText(path));
    }

    [Fact]
    public void The_backup_goes_to_the_chosen_folder()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "old");
        var folder = Path.Combine(temp.Path, "backups");

        var result = WriterWith().Write(path, Bytes("new"), force: false, backupFolder: folder);

        Assert.Equal(Path.Combine(folder, "jts.ini.20261126-031500.bak"), result.BackupPath);
    }

    [Fact]
    public void Restore_puts_the_backup_back_and_backs_up_the_current_content_first()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\nGood=1\n");
        var now = Now;
        var writer = new ConfigFileWriter(new GatewayProcessFinder(StaticProcessSource.Empty), () => now);
        var first = writer.Write(path, Bytes("[IBGateway]\nBad=1\n"), force: false);
        now = Now.AddMinutes(1);

        var restored = writer.Restore(first.BackupPath!, path, force: false);

        Assert.Equal("[IBGateway]\nGood=1\n", File.ReadAllText(path));
        Assert.Equal("[IBGateway]\nBad=1\n", File.ReadAllText(restored.BackupPath!));
        Assert.Equal("jts.ini.20261126-031600.bak", Path.GetFileName(restored.BackupPath));
    }

    [Fact]
    public void Restore_honours_the_running_gateway_guard()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "current");
        var backup = temp.File("jts.ini.20261126-031500.bak", "[IBGateway]\nOlder=1\n");

        var error = Assert.Throws<IbConfigException>(() => WriterWith(new ProcessSnapshot(5, "tws.exe")).Restore(backup, path, force: false));

        Assert.Equal("GatewayRunning", error.ErrorId);
        Assert.Equal("current", File.ReadAllText(path));
    }

    [Fact]
    public void Restoring_a_missing_backup_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "current");

        var error = Assert.Throws<IbConfigException>(() => WriterWith().Restore(Path.Combine(temp.Path, "jts.ini.20200101-000000.bak"), path, force: false));

        Assert.Equal("ConfigBackupNotFound", error.ErrorId);
        Assert.Equal(IbErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("Get-IbConfigBackup", error.Message);
    }

    [Fact]
    public void Restoring_the_file_onto_itself_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "current");

        var error = Assert.Throws<IbConfigException>(() => WriterWith().Restore(path, path, force: false));

        Assert.Equal("ConfigBackupIsTarget", error.ErrorId);
    }

    [Fact]
    public void A_folder_is_not_written_over()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<IbConfigException>(() => WriterWith().Write(temp.Path, Bytes("new"), force: false));

        Assert.Equal("ConfigPathIsFolder", error.ErrorId);
        Assert.True(Directory.Exists(temp.Path));
    }
}
