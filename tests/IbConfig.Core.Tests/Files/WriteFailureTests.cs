using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Ini;
using IbConfig.Core.Processes;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Files;

/// <summary>The failures of issue 11 reproduced on real files: each leaves the settings and the folder as they were, with one clear error.</summary>
public class WriteFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 15, 0, TimeSpan.Zero);
    private const string JtsIni = "[IBGateway]\nApiOnly=true\n\n[Logon]\ns.SocketPort=7497\n";

    private static ConfigFileWriter Writer(Func<DateTimeOffset>? clock = null, TimeSpan? lockWait = null) =>
        new(new GatewayProcessFinder(StaticProcessSource.Empty), clock ?? (() => Now), lockWait);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_full_disk_stops_the_write_with_one_error_and_leaves_no_backup()
    {
        if (!LinuxFileSystem.IsLinux) return; // a tmpfs is how a full disk is made here; Windows has no equivalent to mount
        using var disk = new LinuxFileSystem.TinyDisk();
        var path = Path.Combine(disk.Path, "jts.ini");
        var original = Bytes(JtsIni + new string('#', 20_000) + "\n");
        File.WriteAllBytes(path, original);
        disk.Fill();

        var error = Assert.Throws<IbConfigException>(() => Writer().Write(path, Bytes(JtsIni.Replace("7497", "4002")), force: false));

        Assert.Equal("ConfigBackupWriteFailed", error.ErrorId);
        Assert.Contains("no partial backup", error.Message);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(new[] { "filler", "jts.ini" }, Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_backup_name_is_skipped_only_when_a_file_really_has_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        temp.File("jts.ini.20261126-031500.bak", "someone else's");

        var result = Writer().Write(path, Bytes(JtsIni.Replace("7497", "4002")), force: false);

        Assert.Equal("jts.ini.20261126-031500-2.bak", Path.GetFileName(result.BackupPath));
        Assert.Equal("someone else's", File.ReadAllText(Path.Combine(temp.Path, "jts.ini.20261126-031500.bak")));
    }

    [Fact]
    public void Restore_refuses_an_empty_backup_unless_forced()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        var empty = temp.File("jts.ini.20261126-031500.bak", string.Empty);

        var error = Assert.Throws<IbConfigException>(() => Writer().Restore(empty, path, force: false));

        Assert.Equal("ConfigBackupEmpty", error.ErrorId);
        Assert.Equal(IbErrorKind.InvalidData, error.Kind);
        Assert.Equal(JtsIni, File.ReadAllText(path));
        Writer(() => Now.AddMinutes(1)).Restore(empty, path, force: true);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("jts.ini", "\0\0\0\u0001binary\0")]
    [InlineData("jts.ini", "just some words")]
    [InlineData("ibg.xml", "<ApiSettings port=\"4002\"><unclosed>")]
    public void Restore_refuses_a_backup_that_does_not_parse(string name, string content)
    {
        using var temp = new TempFolder();
        var path = temp.File(name, name == "ibg.xml" ? "<Settings><ApiSettings port=\"7497\"/></Settings>" : JtsIni);
        var backup = temp.File(name + ".20261126-031500.bak", content);

        var error = Assert.Throws<IbConfigException>(() => Writer().Restore(backup, path, force: false));

        Assert.Equal("ConfigBackupUnparseable", error.ErrorId);
        Assert.Contains("-Force", error.Message);
    }

    [Fact]
    public void A_symlinked_settings_file_is_written_through_and_the_link_stays()
    {
        if (OperatingSystem.IsWindows()) return; // creating links needs a privilege Windows test runs rarely have
        using var temp = new TempFolder();
        var target = temp.File(Path.Combine("real", "jts.ini"), JtsIni);
        var link = Path.Combine(temp.Path, "jts.ini");
        File.CreateSymbolicLink(link, target);

        var result = Writer().Write(link, Bytes(JtsIni.Replace("7497", "4002")), force: false);

        Assert.True(result.Changed);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("s.SocketPort=4002", File.ReadAllText(target));
        Assert.Equal(JtsIni, File.ReadAllText(result.BackupPath!));
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(target)!), f => f != target);
    }

    [Fact]
    public void A_write_is_refused_when_the_file_changed_since_it_was_read()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        var read = File.ReadAllBytes(path);
        File.WriteAllText(path, JtsIni + "MasterClientId=21\n"); // another writer came first

        var error = Assert.Throws<IbConfigException>(() => Writer().Write(path, Bytes(JtsIni.Replace("7497", "4002")), force: false, expected: read));

        Assert.Equal("ConfigFileChangedSinceRead", error.ErrorId);
        Assert.Equal(JtsIni + "MasterClientId=21\n", File.ReadAllText(path));
        Assert.Equal(new[] { "jts.ini" }, temp.FileNames());
    }

    [Fact]
    public async Task Two_writers_racing_on_one_file_never_lose_an_edit_reported_as_written()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", "[IBGateway]\nMasterClientId=0\nSocketPortSecurityLevel=0\n");
        var writer = Writer(lockWait: TimeSpan.FromSeconds(30));
        var start = new Barrier(2);
        var lastWritten = new int[2];
        var refused = new int[2];

        void Loop(int who, string key)
        {
            start.SignalAndWait();
            for (var value = 1; value <= 40; value++)
            {
                while (true)
                {
                    var read = File.ReadAllBytes(path);
                    var document = IniDocument.Parse(read, path);
                    document.SetValue("IBGateway", key, value.ToString());
                    try
                    {
                        if (writer.Write(path, document.ToBytes(), force: true, expected: read, keepBackups: 5).Changed) lastWritten[who] = value;
                        break;
                    }
                    catch (IbConfigException ex) when (ex.ErrorId == "ConfigFileChangedSinceRead")
                    {
                        refused[who]++; // planned from stale content: plan again on the new content
                    }
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Loop(0, "MasterClientId")), Task.Run(() => Loop(1, "SocketPortSecurityLevel"))).WaitAsync(TimeSpan.FromMinutes(2));

        var final = IniDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal((40, 40), (lastWritten[0], lastWritten[1]));
        Assert.Equal("40", final.GetValue("IBGateway", "MasterClientId"));
        Assert.Equal("40", final.GetValue("IBGateway", "SocketPortSecurityLevel"));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void A_held_lock_makes_the_writer_wait_then_fail_naming_its_stale_owner()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        File.WriteAllText(path + ".lock", $"pid=2147483600\nhost={Environment.MachineName}\ntime=2026-11-26T03:00:00Z\n");

        var error = Assert.Throws<IbConfigException>(() => Writer(lockWait: TimeSpan.FromMilliseconds(100)).Write(path, Bytes("[IBGateway]\nA=1\n"), force: false));

        Assert.Equal("ConfigFileLockHeld", error.ErrorId);
        Assert.Equal(IbErrorKind.ResourceBusy, error.Kind);
        Assert.Contains("process 2147483600", error.Message);
        Assert.Contains("no longer running", error.Message);
        Assert.Contains(path + ".lock", error.Message);
        Assert.Equal(JtsIni, File.ReadAllText(path));
    }

    [Fact]
    public void A_write_removes_its_lock_afterwards_even_when_it_fails()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        var busy = new ConfigFileWriter(new GatewayProcessFinder(new StaticProcessSource(new[] { new ProcessSnapshot(9, "ibgateway") })), () => Now);

        Writer().Write(path, Bytes("[IBGateway]\nA=1\n"), force: false);
        Assert.Throws<IbConfigException>(() => busy.Write(path, Bytes("[IBGateway]\nA=2\n"), force: false));

        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void Backups_are_pruned_to_the_newest_few_and_only_IbConfigs_own()
    {
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        var foreign = new[] { temp.File("jts.ini.bak", "mine"), temp.File("jts.ini.20261126-031500.bak.keep", "mine"), temp.File("jts.ini.manual.bak", "mine") };
        var now = Now;
        var writer = Writer(() => now);

        for (var i = 1; i <= 8; i++)
        {
            now = Now.AddSeconds(i);
            writer.Write(path, Bytes($"[IBGateway]\nMasterClientId={i}\n"), force: false, keepBackups: 3);
        }

        var kept = new ConfigBackup(() => now).List(path).Select(b => Path.GetFileName(b.BackupPath));
        Assert.Equal(new[] { "jts.ini.20261126-031508.bak", "jts.ini.20261126-031507.bak", "jts.ini.20261126-031506.bak" }, kept);
        Assert.All(foreign, f => Assert.True(File.Exists(f)));
    }

    [Fact]
    public void The_default_keeps_twenty_backups()
    {
        Assert.Equal(20, ConfigBackup.DefaultKeep);
        using var temp = new TempFolder();
        var path = temp.File("jts.ini", JtsIni);
        var now = Now;
        var writer = Writer(() => now);
        for (var i = 1; i <= 23; i++)
        {
            now = Now.AddSeconds(i);
            writer.Write(path, Bytes($"[IBGateway]\nMasterClientId={i}\n"), force: false);
        }

        Assert.Equal(20, new ConfigBackup(() => now).List(path).Count);
    }
}
